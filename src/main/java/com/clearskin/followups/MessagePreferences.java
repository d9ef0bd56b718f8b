package com.clearskin.followups;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's choices of messages (table {@code message_preference}): marketing-like messages
 * (rebooking), reminders (and before-care), aftercare (and check-ins). A confirmation, a move or a
 * cancellation always goes. Reached without signing in through a preference link (its token's
 * SHA-256 stored in {@code preference_link}, valid a year), also for RFC 8058 one-click unsubscribe.
 */
@Service
public class MessagePreferences {

    /** A client's choices. */
    public record Choices(boolean marketing, boolean reminders, boolean aftercare) {
        public static final Choices ALL = new Choices(true, true, true);

        /** Whether a message of this kind goes to the client. */
        public boolean allows(FollowUpKind kind) {
            return switch (kind) {
                case CONFIRMATION -> true;
                case REMINDER, BEFORE_CARE -> reminders;
                case AFTERCARE, CHECK_IN -> aftercare;
                case REBOOK -> marketing;
            };
        }
    }

    /** Whose preferences a link opens. */
    public record Holder(UUID clinicId, UUID clientId) {
    }

    static final String PREFIX = "p1_";
    static final Duration LINK_LIFE = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    MessagePreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Choices of(UUID clinicId, UUID clientId) {
        return jdbc.sql("select marketing, reminders, aftercare from message_preference where clinic_id = :c and client_id = :k")
                .param("c", clinicId).param("k", clientId)
                .query((rs, n) -> new Choices(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).optional()
                .orElse(Choices.ALL);
    }

    @Transactional
    public Choices save(UUID clinicId, UUID clientId, Choices choices) {
        jdbc.sql("""
                insert into message_preference (clinic_id, client_id, marketing, reminders, aftercare, updated_at)
                values (:c, :k, :m, :r, :a, :now)
                on conflict (clinic_id, client_id) do update set marketing = excluded.marketing,
                    reminders = excluded.reminders, aftercare = excluded.aftercare, updated_at = excluded.updated_at""")
                .param("c", clinicId).param("k", clientId).param("m", choices.marketing()).param("r", choices.reminders())
                .param("a", choices.aftercare()).param("now", Timestamp.from(Instant.now(clock))).update();
        return of(clinicId, clientId);
    }

    /** A new link to the client's preferences (in the caller's transaction, with the message carrying it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(UUID clinicId, UUID clientId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into preference_link (clinic_id, id, client_id, token_hash, created_at, expires_at)
                values (:c, :id, :k, :hash, :now, :expires)""")
                .param("c", clinicId).param("id", UUID.randomUUID()).param("k", clientId)
                .param("hash", VisitLinks.sha256(token)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LINK_LIFE))).update();
        return token;
    }

    /** Whose preferences this token opens, while it is valid. */
    public Optional<Holder> holder(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > VisitLinks.MAX_TOKEN) {
            return Optional.empty();
        }
        return jdbc.sql("select clinic_id, client_id from preference_link where token_hash = :h and expires_at > :now")
                .param("h", VisitLinks.sha256(token)).param("now", Timestamp.from(Instant.now(clock)))
                .query((rs, n) -> new Holder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
    }

    /** Deletes expired preference links. */
    public int forgetExpired() {
        return jdbc.sql("delete from preference_link where expires_at < :now")
                .param("now", Timestamp.from(Instant.now(clock))).update();
    }
}

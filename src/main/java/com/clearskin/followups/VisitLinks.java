package com.clearskin.followups;

import com.clearskin.booking.ClientConfirmations;
import com.clearskin.clinics.Clinic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-click links in the messages around a visit (table {@code visit_link}): a random secret of
 * 32 bytes per link, of which only the SHA-256 is stored; each link does one thing (its purpose) for
 * one appointment, until it expires ({@link FollowUpTiming#linkExpiry}) or has been used once.
 */
@Service
public class VisitLinks implements ClientConfirmations {

    /** What a link does. */
    public enum Purpose {
        CONFIRM("confirm"),
        CANCEL("cancel"),
        RESCHEDULE("reschedule"),
        CHECK_IN("check-in");

        private final String code;

        Purpose(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Purpose fromCode(String code) {
            return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst().orElseThrow();
        }
    }

    /** A stored link. */
    public record Link(UUID clinicId, UUID id, UUID appointmentId, UUID clientId, UUID followUpId, Purpose purpose,
            Instant expiresAt, Instant usedAt) {

        /** Whether it can still act at {@code now}: not used, not expired. */
        public boolean open(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }
    }

    static final String PREFIX = "v1_";
    static final int MAX_TOKEN = 100;
    /** A used or expired link is deleted this long after it stopped working. */
    static final Duration KEEP_SPENT = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    VisitLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new link (in the caller's transaction, with the message that carries it); returns its token. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(UUID clinicId, UUID appointmentId, UUID clientId, UUID followUpId, Purpose purpose,
            Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into visit_link (clinic_id, id, appointment_id, client_id, follow_up_id, purpose, token_hash,
                                        created_at, expires_at)
                values (:clinic, :id, :appointment, :client, :followUp, :purpose, :hash, :now, :expires)""")
                .param("clinic", clinicId).param("id", UUID.randomUUID()).param("appointment", appointmentId)
                .param("client", clientId).param("followUp", followUpId).param("purpose", purpose.code())
                .param("hash", sha256(token)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt.isAfter(now) ? expiresAt : now.plusSeconds(1))).update();
        return token;
    }

    /** The link of this token, if it is one of ours (nothing implausible is hashed or looked up). */
    public Optional<Link> find(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        return jdbc.sql("select * from visit_link where token_hash = :hash").param("hash", sha256(token))
                .query((rs, n) -> map(rs)).optional();
    }

    /** Uses the link once: false when it was used (or expired) meanwhile. Locks it until the caller commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean use(Link link) {
        return jdbc.sql("""
                update visit_link set used_at = :now
                where clinic_id = :clinic and id = :id and used_at is null and expires_at > :now""")
                .param("now", Timestamp.from(Instant.now(clock))).param("clinic", link.clinicId()).param("id", link.id())
                .update() == 1;
    }

    /** Records that the client will come (once). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordConfirmation(UUID clinicId, UUID appointmentId) {
        jdbc.sql("""
                insert into appointment_confirmation (clinic_id, appointment_id, confirmed_at) values (:clinic, :a, :now)
                on conflict do nothing""")
                .param("clinic", clinicId).param("a", appointmentId).param("now", Timestamp.from(Instant.now(clock)))
                .update();
    }

    /** When the client confirmed the appointment, if they did. */
    public Optional<Instant> confirmedAt(UUID clinicId, UUID appointmentId) {
        return jdbc.sql("select confirmed_at from appointment_confirmation where clinic_id = :clinic and appointment_id = :a")
                .param("clinic", clinicId).param("a", appointmentId).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    @Override
    public boolean confirmed(Clinic clinic, UUID appointmentId) {
        return confirmedAt(clinic.id(), appointmentId).isPresent();
    }

    /**
     * Deletes the links that can no longer act: used ones (an answered check-in's, a confirmation's)
     * and expired ones, {@link #KEEP_SPENT} after they stopped working. Returns how many.
     */
    public int forgetSpent() {
        Timestamp before = Timestamp.from(Instant.now(clock).minus(KEEP_SPENT));
        return jdbc.sql("delete from visit_link where used_at < :before or expires_at < :before")
                .param("before", before).update();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Link map(ResultSet rs) throws SQLException {
        Timestamp used = rs.getTimestamp("used_at");
        return new Link(rs.getObject("clinic_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("appointment_id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getObject("follow_up_id", UUID.class), Purpose.fromCode(rs.getString("purpose")),
                rs.getTimestamp("expires_at").toInstant(), used == null ? null : used.toInstant());
    }
}

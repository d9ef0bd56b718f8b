package com.clearskin.accounts;

import com.clearskin.mail.OutgoingMail;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.TooManyRequestsException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by mail: a single-use link that expires after 30 minutes. Asking for one always
 * answers the same, whether the email has an account or not. Using one sets the new password, ends
 * every sign-in and API token of the person, and clears the sign-in limits of the account, so a reset
 * works even while sign-in is paused.
 */
@Service
public class PasswordResets {

    public static final Duration LIFETIME = Duration.ofMinutes(30);
    /** The limits ({@link PasswordResetLimits}) count requests over this window. */
    static final Duration WINDOW = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    static final String PREFIX = "pr_";

    private record Reset(UUID id, UUID userId, String email, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccessTokens tokens;
    private final SignInThrottle throttle;
    private final Outbox outbox;
    private final Clock clock;
    private final PasswordResetLimits limits;

    PasswordResets(JdbcClient jdbc, Accounts accounts, AccessTokens tokens, SignInThrottle throttle, Outbox outbox,
            Clock clock, PasswordResetLimits limits) {
        this.limits = limits;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Mails a reset link when the email has an account, within the {@link PasswordResetLimits}: per
     * requesting address (429 beyond it, whatever the email), per account from that address and per
     * account overall (quietly not mailed beyond those). Nothing is returned: the caller answers the same whatever
     * happened. Without a mail host in the embedded default the link is written to the server's
     * console for the person running it; it is never part of a response.
     */
    @Transactional
    public void request(String email, String baseUrl, String source) {
        String normalized = Accounts.normalizeEmail(email);
        Instant now = Instant.now(clock);
        byte[] sourceHash = AccessTokens.hash("reset-source:" + (source == null ? "unknown" : source));
        countFromSource(sourceHash, now);
        Optional<UUID> user = accounts.findByEmail(normalized);
        if (user.isEmpty() || !mayMail(user.get(), sourceHash, now)) {
            return;
        }
        String token = Secrets.newSecret(PREFIX);
        jdbc.sql("""
                insert into password_reset (id, user_id, token_hash, created_at, expires_at, source_hash)
                values (:id, :user, :hash, :now, :expires, :source)""")
                .param("id", UUID.randomUUID()).param("user", user.get()).param("hash", AccessTokens.hash(token))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(LIFETIME)))
                .param("source", sourceHash).update();
        String link = baseUrl + "/password-reset/" + token;
        outbox.enqueue(new OutgoingMail(null, "password-reset", normalized, "Reset your Clearskin password", """
                Hello,

                Someone (we hope you) asked to reset the password of your Clearskin account.
                Choose a new password here within %d minutes:

                %s

                The link works once. If you did not ask for it, ignore this mail: your password stays as it is.
                """.formatted(LIFETIME.toMinutes(), link), true));
        if (outbox.writesLinksToConsole()) {
            log.info("No mail host is configured: the password-reset link for {} is {}", normalized, link);
        }
    }

    /**
     * Counts one request from the address, refusing it (429) beyond the limit per address.
     * Requests from one address wait for each other (a transaction-scoped lock), so parallel requests
     * are counted like serial ones.
     */
    private void countFromSource(byte[] sourceHash, Instant now) {
        lock("reset-source", sourceHash);
        Instant since = now.minus(WINDOW);
        java.util.List<Timestamp> recent = jdbc.sql("""
                select requested_at from password_reset_request where source_hash = :source and requested_at > :since
                order by requested_at""")
                .param("source", sourceHash).param("since", Timestamp.from(since)).query(Timestamp.class).list();
        if (recent.size() >= limits.perSource()) {
            Instant freed = recent.get(recent.size() - limits.perSource()).toInstant().plus(WINDOW);
            long seconds = Math.max(1, Duration.between(now, freed).toSeconds() + 1);
            throw new TooManyRequestsException(seconds, "Too many password-reset requests from your address. "
                    + "Mail can take a few minutes to arrive; please check your inbox and spam folder, or try again in "
                    + Math.max(1, (seconds + 59) / 60) + " minutes.");
        }
        jdbc.sql("insert into password_reset_request (source_hash, requested_at) values (:source, :now)")
                .param("source", sourceHash).param("now", Timestamp.from(now)).update();
    }

    /** Whether another mail may go to the account: within its limits from this address and overall. */
    private boolean mayMail(UUID user, byte[] sourceHash, Instant now) {
        lock("reset-account", AccessTokens.hash(user.toString()));
        var counts = jdbc.sql("""
                select count(*) as total, count(*) filter (where source_hash = :source) as from_source
                from password_reset where user_id = :user and created_at > :since""")
                .param("user", user).param("source", sourceHash).param("since", Timestamp.from(now.minus(WINDOW)))
                .query((rs, n) -> new int[] {rs.getInt("total"), rs.getInt("from_source")}).single();
        return counts[0] < limits.perAccount() && counts[1] < limits.perAccountAndSource();
    }

    private void lock(String purpose, byte[] key) {
        long id = java.nio.ByteBuffer.wrap(AccessTokens.hash(purpose + ":" + java.util.HexFormat.of().formatHex(key)))
                .getLong();
        jdbc.sql("select pg_advisory_xact_lock(:id)").param("id", id).query((rs, n) -> 1).single();
    }

    /** Forgets the addresses of requests older than the window. */
    void purge() {
        Instant now = Instant.now(clock);
        jdbc.sql("delete from password_reset_request where requested_at < :before")
                .param("before", Timestamp.from(now.minus(WINDOW))).update();
        // expired links outside the counting window tell nothing any more
        jdbc.sql("delete from password_reset where expires_at < :now and created_at < :before")
                .param("now", Timestamp.from(now)).param("before", Timestamp.from(now.minus(WINDOW))).update();
    }

    /** Whether the link can still be used. */
    public LinkState state(String token) {
        return find(token, false).map(this::stateOf).orElse(LinkState.UNKNOWN);
    }

    /** Sets the new password through the link, once; refuses a dead link or a weak password (400). */
    @Transactional
    public void confirm(String token, String password) {
        Reset reset = find(token, true).orElseThrow(() -> new InvalidInputException("token", LinkState.UNKNOWN.explanation()));
        LinkState state = stateOf(reset);
        if (state != LinkState.VALID) {
            throw new InvalidInputException("token", state.explanation());
        }
        PasswordPolicy.check("password", reset.email(), password);
        Instant now = Instant.now(clock);
        jdbc.sql("update password_reset set used_at = :now where user_id = :user and used_at is null")
                .param("now", Timestamp.from(now)).param("user", reset.userId()).update();
        accounts.setPassword(reset.userId(), password);
        tokens.revokeAll(reset.userId());
        throttle.forgetAccount(reset.email());
        outbox.enqueue(new OutgoingMail(null, "password-changed", reset.email(), "Your Clearskin password was changed", """
                Hello,

                The password of your Clearskin account was just changed through a reset link, and every
                device signed in to your account was signed out.

                If this was not you, ask for a new reset link at once and tell your clinic.
                """, false));
    }

    private LinkState stateOf(Reset reset) {
        if (reset.usedAt() != null) {
            return LinkState.USED;
        }
        return Instant.now(clock).isBefore(reset.expiresAt()) ? LinkState.VALID : LinkState.EXPIRED;
    }

    private Optional<Reset> find(String token, boolean lock) {
        if (!Secrets.plausible(token, PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select r.id, r.user_id, u.email, r.expires_at, r.used_at
                from password_reset r join app_user u on u.id = r.user_id
                where r.token_hash = :hash""" + (lock ? " for update of r" : ""))
                .param("hash", AccessTokens.hash(token))
                .query((rs, n) -> new Reset(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("email"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }
}

package com.clearskin.accounts;

import com.clearskin.mail.OutgoingMail;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
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
    /** At most this many reset mails per account and hour; further requests are quietly not mailed. */
    static final int MAX_PER_HOUR = 3;
    static final String PREFIX = "pr_";

    private record Reset(UUID id, UUID userId, String email, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccessTokens tokens;
    private final SignInThrottle throttle;
    private final Outbox outbox;
    private final Clock clock;

    PasswordResets(JdbcClient jdbc, Accounts accounts, AccessTokens tokens, SignInThrottle throttle, Outbox outbox,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Mails a reset link when the email has an account. Returns the link for the development page
     * only (the embedded default may show it to a visitor on the same machine); every other caller
     * must answer the same whatever this returns.
     */
    @Transactional
    public Optional<String> request(String email, String baseUrl) {
        String normalized = Accounts.normalizeEmail(email);
        Optional<UUID> user = accounts.findByEmail(normalized);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        int recent = jdbc.sql("select count(*) from password_reset where user_id = :user and created_at > :since")
                .param("user", user.get()).param("since", Timestamp.from(now.minus(Duration.ofHours(1))))
                .query(Integer.class).single();
        if (recent >= MAX_PER_HOUR) {
            return Optional.empty();
        }
        String token = Secrets.newSecret(PREFIX);
        jdbc.sql("""
                insert into password_reset (id, user_id, token_hash, created_at, expires_at)
                values (:id, :user, :hash, :now, :expires)""")
                .param("id", UUID.randomUUID()).param("user", user.get()).param("hash", AccessTokens.hash(token))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(LIFETIME)))
                .update();
        String link = baseUrl + "/password-reset/" + token;
        outbox.enqueue(new OutgoingMail(null, "password-reset", normalized, "Reset your Clearskin password", """
                Hello,

                Someone (we hope you) asked to reset the password of your Clearskin account.
                Choose a new password here within %d minutes:

                %s

                The link works once. If you did not ask for it, ignore this mail: your password stays as it is.
                """.formatted(LIFETIME.toMinutes(), link), true));
        return Optional.of(link);
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

package com.clearskin.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random secrets that stand for a signed-in person: bearer tokens for the API and the browser's
 * sign-in cookie. Only the SHA-256 hash is stored, so a leaked table grants nothing; any token can
 * be revoked, and none outlives its expiry.
 */
@Component
class AccessTokens {

    enum Kind { API, BROWSER }

    record Issued(String token, Instant expiresAt) {
    }

    static final String PREFIX = "cs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Issued issue(UUID userId, Kind kind, Duration lifetime, String label) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        Instant expiresAt = now.plus(lifetime);
        jdbc.sql("""
                insert into access_token (id, user_id, token_hash, kind, label, created_at, expires_at)
                values (:id, :user, :hash, :kind, :label, :now, :expires)""")
                .param("id", UUID.randomUUID()).param("user", userId).param("hash", hash(token))
                .param("kind", kind.name().toLowerCase()).param("label", label)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    /** The person a live token stands for; empty for an unknown, revoked or expired token. */
    Optional<SignedInUser> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select u.id, u.email, u.display_name from access_token t join app_user u on u.id = t.user_id
                where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now""")
                .param("hash", hash(token)).param("now", Timestamp.from(Instant.now(clock)))
                .query((rs, n) -> new SignedInUser(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), null))
                .optional();
    }

    /** Revokes one token; true when it was live. */
    boolean revoke(String token) {
        if (token == null) {
            return false;
        }
        return jdbc.sql("update access_token set revoked_at = :now where token_hash = :hash and revoked_at is null")
                .param("now", Timestamp.from(Instant.now(clock))).param("hash", hash(token)).update() > 0;
    }

    /** Revokes every live token of the person (browser sign-ins and API tokens); returns how many. */
    int revokeAll(UUID userId) {
        return jdbc.sql("update access_token set revoked_at = :now where user_id = :user and revoked_at is null")
                .param("now", Timestamp.from(Instant.now(clock))).param("user", userId).update();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the sign-ins that ended (expired or revoked) more than a day ago; returns how many. */
    int purgeEnded() {
        Timestamp before = Timestamp.from(Instant.now(clock).minus(Duration.ofDays(1)));
        return jdbc.sql("delete from access_token where expires_at < :before or revoked_at < :before")
                .param("before", before).update();
    }
}

package com.clearskin.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing without letting anyone lock another person out for long. Three counts
 * of failed sign-ins, each with a {@link ThrottleRule}:
 * <ul>
 * <li>per account and address: a guesser slows down themselves, not the owner elsewhere;</li>
 * <li>per account over all addresses (a guesser with many addresses), which does not apply from an
 * address the person signed in from successfully in the last 30 days;</li>
 * <li>per address over all accounts (trying one password against many accounts).</li>
 * </ul>
 * Every wait ends at most 15 minutes after the failure that caused it, refused attempts are not
 * counted, an attempt is counted before its password is checked (atomically with the check), and a
 * password reset clears the account's counts, so the owner can always get back in.
 * The counts live in the database, so every app instance sees the same ones.
 */
@Component
class SignInThrottle {

    private record Key(byte[] hash, byte[] account, ThrottleRule rule) {
    }

    private record Count(int failures, Instant lastFailure) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignInLimits limits;
    private final TransactionTemplate transactions;

    SignInThrottle(JdbcClient jdbc, Clock clock, SignInLimits limits, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Refuses the attempt, without checking the password, while any count asks to wait; otherwise
     * counts it as a failure before the password is checked ({@link #recordSuccess} takes it back).
     * The check and the count are one step under a row lock of each count, so a hundred guesses sent
     * at once are throttled exactly like a hundred sent one after another.
     */
    void reserve(String email, String source) {
        transactions.executeWithoutResult(status -> {
            // PostgreSQL keeps microseconds (and rounds): a count written now must not read as later than now.
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            List<Key> keys = countedKeys(email, source, now);
            Map<String, Count> counts = lockedCounts(keys, now);
            Duration wait = Duration.ZERO;
            for (Key key : keys) {
                Count count = counts.get(hex(key.hash()));
                Duration w = key.rule().waitAt(count.failures(), count.lastFailure(), now);
                wait = w.compareTo(wait) > 0 ? w : wait;
            }
            if (!wait.isZero()) {
                throw new SignInThrottledException(Math.max(1, (wait.toMillis() + 999) / 1000));
            }
            for (Key key : keys) {
                Count count = counts.get(hex(key.hash()));
                jdbc.sql("update sign_in_failure set failures = :failures, last_failure_at = :now where throttle_key = :key")
                        .param("failures", Math.min(key.rule().failuresAfterAnother(count.failures(), count.lastFailure(), now),
                                1_000_000))
                        .param("now", Timestamp.from(now)).param("key", key.hash()).update();
            }
        });
    }

    /** Takes back a reservation whose password was never judged (the account store failed). */
    void release(String email, String source) {
        for (Key key : countedKeys(email, source, Instant.now(clock))) {
            jdbc.sql("update sign_in_failure set failures = greatest(failures - 1, 0) where throttle_key = :key")
                    .param("key", key.hash()).update();
        }
    }

    /**
     * The counts of the keys, each row created when missing and locked (in key order, so two
     * attempts never wait for each other crosswise) until the transaction ends.
     */
    private Map<String, Count> lockedCounts(List<Key> keys, Instant now) {
        for (Key key : keys) {
            jdbc.sql("""
                    insert into sign_in_failure (throttle_key, account_hash, failures, last_failure_at)
                    values (:key, :account, 0, :now) on conflict (throttle_key) do nothing""")
                    .param("key", key.hash()).param("account", key.account()).param("now", Timestamp.from(now)).update();
        }
        Map<String, Count> counts = new HashMap<>();
        jdbc.sql("""
                select throttle_key, failures, last_failure_at from sign_in_failure where throttle_key in (:keys)
                order by throttle_key for update""")
                .param("keys", keys.stream().map(Key::hash).toList())
                .query(rs -> {
                    counts.put(hex(rs.getBytes("throttle_key")),
                            new Count(rs.getInt("failures"), rs.getTimestamp("last_failure_at").toInstant()));
                });
        return counts;
    }

    /**
     * A right password from this address: its own count starts again, the other counts give back the
     * failure {@link #reserve} counted in advance, and the address becomes known.
     */
    void recordSuccess(UUID userId, String email, String source) {
        List<Key> counted = countedKeys(email, source, Instant.now(clock));
        jdbc.sql("delete from sign_in_failure where throttle_key = :key")
                .param("key", accountAndSourceKey(email, source)).update();
        for (Key key : counted) {
            jdbc.sql("update sign_in_failure set failures = greatest(failures - 1, 0) where throttle_key = :key")
                    .param("key", key.hash()).update();
        }
        jdbc.sql("""
                insert into sign_in_known_source (user_id, source_hash, last_success_at) values (:user, :source, :now)
                on conflict (user_id, source_hash) do update set last_success_at = excluded.last_success_at""")
                .param("user", userId).param("source", sha256("source:" + source(source)))
                .param("now", Timestamp.from(Instant.now(clock))).update();
    }

    /** Forgets every failure counted against the account (after a password reset proved who it is). */
    void forgetAccount(String email) {
        jdbc.sql("delete from sign_in_failure where account_hash = :account")
                .param("account", sha256("account:" + email(email))).update();
    }

    void purge() {
        jdbc.sql("delete from sign_in_failure where last_failure_at < :before")
                .param("before", Timestamp.from(Instant.now(clock).minus(limits.forgetAfter()))).update();
    }

    private boolean isKnownSource(String email, String source, Instant now) {
        return jdbc.sql("""
                select exists (select 1 from sign_in_known_source k join app_user u on u.id = k.user_id
                               where lower(u.email) = :email and k.source_hash = :source and k.last_success_at > :since)""")
                .param("email", email(email)).param("source", sha256("source:" + source(source)))
                .param("since", Timestamp.from(now.minus(limits.knownSourceFor())))
                .query(Boolean.class).single();
    }

    /** The counts an attempt from this address is held to: the account-wide one only from an address not known. */
    private List<Key> countedKeys(String email, String source, Instant now) {
        return keys(email, source, !isKnownSource(email, source, now));
    }

    private List<Key> keys(String email, String source, boolean withAccountWide) {
        byte[] account = sha256("account:" + email(email));
        Key perAccountAndSource = new Key(accountAndSourceKey(email, source), account, limits.perAccountAndSource());
        Key perSource = new Key(sha256("source:" + source(source)), null, limits.perSource());
        return withAccountWide
                ? List.of(perAccountAndSource, new Key(account, account, limits.perAccount()), perSource)
                : List.of(perAccountAndSource, perSource);
    }

    private static byte[] accountAndSourceKey(String email, String source) {
        return sha256("account+source:" + email(email) + "\n" + source(source));
    }

    static String email(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String source(String source) {
        return source == null ? "unknown" : source;
    }

    static byte[] sha256(String text) {
        return AccessTokens.hash(text);
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

}

package com.clearskin.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a message again: the first retry after {@code firstDelay}, each later one after twice
 * the previous wait, never more than {@code maxDelay}; after {@code maxAttempts} attempts the outbox
 * gives up and the message shows as failed. Plain Java, one method per rule.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxAttempts >= 1 and 0 < firstDelay <= maxDelay");
        }
    }

    /** The wait after the {@code attempt}-th failed attempt (1-based): doubling, capped. */
    public Duration delayAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based");
        }
        int doublings = Math.min(attempt - 1, 30);
        long millis = firstDelay.toMillis();
        for (int i = 0; i < doublings && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    /** After this many attempts there is no next one. */
    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }

    /** When the next attempt is due after {@code attempts} failed ones, or null when the outbox gives up. */
    public Instant nextAttempt(int attempts, Instant failedAt) {
        return givesUpAfter(attempts) ? null : failedAt.plus(delayAfter(attempts));
    }
}

package com.clearskin.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * One sign-in limit: the first {@code freeFailures} failures cost nothing, each further one doubles
 * the wait from {@code firstDelay}, never beyond {@code maxDelay} (at most {@link #MAX_LOCK}); failures
 * older than {@code forgetAfter} are forgotten. Waits run from the last failure, and attempts refused
 * while waiting are not counted, so nobody can lengthen a wait by hammering. Plain Java.
 */
public record ThrottleRule(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    /** No sign-in is ever held back longer than this after the failure that caused it. */
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);

    public ThrottleRule {
        if (freeFailures < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("freeFailures >= 1 and 0 < firstDelay <= maxDelay");
        }
        if (maxDelay.compareTo(MAX_LOCK) > 0) {
            throw new IllegalArgumentException("a sign-in lock lasts at most " + MAX_LOCK.toMinutes() + " minutes");
        }
        if (forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("failures must be remembered at least as long as the longest wait");
        }
    }

    /** The wait after {@code failures} failures in a row: none while free, then doubling, capped. */
    public Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 40);
        Duration delay = firstDelay;
        for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Whether failures whose last one was at {@code lastFailure} are forgotten at {@code now}. */
    public boolean forgets(Instant lastFailure, Instant now) {
        return !now.isBefore(lastFailure.plus(forgetAfter));
    }

    /** How long a sign-in must still wait at {@code now}; zero when it may go ahead. */
    public Duration waitAt(int failures, Instant lastFailure, Instant now) {
        if (forgets(lastFailure, now)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, lastFailure.plus(delayAfter(failures)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The count after one more failure at {@code now}. */
    public int failuresAfterAnother(int failures, Instant lastFailure, Instant now) {
        return lastFailure == null || forgets(lastFailure, now) ? 1 : failures + 1;
    }
}

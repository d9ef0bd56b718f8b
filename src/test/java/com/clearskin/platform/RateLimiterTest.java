package com.clearskin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void allowsABurstThenRefusesWithTheSecondsToWait() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(3, 60, 100));
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        TooManyRequestsException refused = catchThrowableOfType(TooManyRequestsException.class,
                () -> limiter.acquire("10.0.0.1"));
        assertThat(refused).isNotNull();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 1L);
    }

    @Test
    void aSlowRefillSaysSoInRetryAfter() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(1, 1, 100));
        limiter.acquire("a");
        TooManyRequestsException refused = catchThrowableOfType(TooManyRequestsException.class,
                () -> limiter.acquire("a"));
        assertThat(refused.retryAfterSeconds()).isBetween(59L, 60L);
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(1, 1, 100));
        limiter.acquire("a");
        limiter.acquire("b");
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void remembersAtMostMaxClientsForgettingTheLeastRecentlySeen() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(1, 1, 3));
        limiter.acquire("a");
        limiter.acquire("b");
        limiter.acquire("c");
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(TooManyRequestsException.class); // a is now recent
        limiter.acquire("d"); // forgets b, the least recently seen
        assertThat(limiter.clients()).isEqualTo(3);
        limiter.acquire("b"); // a fresh bucket
        assertThat(limiter.clients()).isEqualTo(3);
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("10.1." + (i / 256) + "." + (i % 256));
        }
        assertThat(limiter.clients()).isEqualTo(3);
    }

    @Test
    void refusesLimitsThatAllowNothing() {
        assertThatThrownBy(() -> new RateLimiter.Limits(0, 60, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter.Limits(1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter.Limits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package com.clearskin.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void delayAfterDoublesFromTheFirstDelay() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void delayAfterNeverExceedsTheMaximum() {
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.givesUpAfter(4)).isFalse();
        assertThat(policy.givesUpAfter(5)).isTrue();
    }

    @Test
    void nextAttemptIsTheFailurePlusTheDelayOrNoneWhenGivingUp() {
        Instant failed = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(policy.nextAttempt(2, failed)).isEqualTo(failed.plusSeconds(60));
        assertThat(policy.nextAttempt(5, failed)).isNull();
    }

    @Test
    void refusesAPolicyThatMakesNoSense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

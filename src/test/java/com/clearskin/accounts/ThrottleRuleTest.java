package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleRuleTest {

    final ThrottleRule rule = new ThrottleRule(5, Duration.ofSeconds(15), Duration.ofMinutes(15), Duration.ofHours(1));
    final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void delayAfterIsFreeThenDoubles() {
        assertThat(rule.delayAfter(4)).isZero();
        assertThat(rule.delayAfter(5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(rule.delayAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(rule.delayAfter(9)).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void delayAfterNeverExceedsFifteenMinutesHoweverManyFailures() {
        assertThat(rule.delayAfter(11)).isEqualTo(Duration.ofMinutes(15));
        assertThat(rule.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void waitAtRunsFromTheLastFailureSoTheLockEndsByItself() {
        assertThat(rule.waitAt(1_000_000, t0, t0.plusSeconds(60))).isEqualTo(Duration.ofMinutes(14));
        assertThat(rule.waitAt(1_000_000, t0, t0.plus(Duration.ofMinutes(15)))).isZero();
        assertThat(rule.waitAt(3, t0, t0)).isZero();
    }

    @Test
    void forgetsFailuresAfterAQuietHour() {
        assertThat(rule.forgets(t0, t0.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(rule.forgets(t0, t0.plus(Duration.ofHours(1)))).isTrue();
        assertThat(rule.waitAt(10, t0, t0.plus(Duration.ofHours(1)))).isZero();
    }

    @Test
    void failuresAfterAnotherStartsAgainOnceForgotten() {
        assertThat(rule.failuresAfterAnother(7, t0, t0.plusSeconds(10))).isEqualTo(8);
        assertThat(rule.failuresAfterAnother(7, t0, t0.plus(Duration.ofHours(2)))).isEqualTo(1);
        assertThat(rule.failuresAfterAnother(0, null, t0)).isEqualTo(1);
    }

    @Test
    void noRuleMayLockLongerThanFifteenMinutes() {
        assertThatThrownBy(() -> new ThrottleRule(5, Duration.ofSeconds(15), Duration.ofMinutes(16), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15 minutes");
        assertThatThrownBy(() -> new ThrottleRule(5, Duration.ofSeconds(15), Duration.ofMinutes(15), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

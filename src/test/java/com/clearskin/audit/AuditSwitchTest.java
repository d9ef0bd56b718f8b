package com.clearskin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AuditSwitchTest {

    static AuditLog log(boolean enabled, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new AuditLog(null, null, null, Clock.systemUTC(), new AuditSettings(enabled), environment);
    }

    @Test
    void theLogCannotBeSwitchedOffInProduction() {
        assertThatThrownBy(() -> log(false, "prod")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("benchmarks only");
    }

    @Test
    void onlyABenchmarkSwitchesItOff() {
        assertThat(log(false).enabled()).isFalse();
        assertThat(log(true, "prod").enabled()).isTrue();
    }
}

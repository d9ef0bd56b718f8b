package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Which database refusals a booking retries once on a fresh snapshot (then answers 409). */
class BookingRetryTest {

    @Test
    void anOverlapAndADeadlockWhileCheckingTheExclusionConstraintsAreRetriedNothingElse() {
        assertThat(Appointments.exclusion(new DataIntegrityViolationException("x",
                new SQLException("conflicting key value violates exclusion constraint", "23P01")))).contains("exclusion");
        assertThat(Appointments.exclusion(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
                .isEqualTo("deadlock detected");
        assertThat(Appointments.exclusion(new RuntimeException(new SQLException("duplicate key", "23505")))).isNull();
        assertThat(Appointments.exclusion(new IllegalStateException("no SQL here"))).isNull();
    }
}

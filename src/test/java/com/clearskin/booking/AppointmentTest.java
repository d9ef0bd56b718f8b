package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppointmentTest {

    static final Instant START = Instant.parse("2026-12-01T15:00:00Z");

    static Appointment in(AppointmentStatus status) {
        return new Appointment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "extraction-facial",
                UUID.randomUUID(), UUID.randomUUID(), List.of(), START, START.plusSeconds(3600), START,
                START.plusSeconds(4500), status, null, null, 1, START.minusSeconds(86400));
    }

    @Test
    void checkInOnlyFromBooked() {
        assertThat(in(AppointmentStatus.BOOKED).checkIn().status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat(in(AppointmentStatus.BOOKED).checkIn().revision()).isEqualTo(2);
        for (AppointmentStatus s : List.of(AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED,
                AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW)) {
            assertThatThrownBy(() -> in(s).checkIn()).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("cannot be checked in");
        }
    }

    @Test
    void completeOnlyAfterCheckIn() {
        assertThat(in(AppointmentStatus.CHECKED_IN).complete().status()).isEqualTo(AppointmentStatus.COMPLETED);
        for (AppointmentStatus s : List.of(AppointmentStatus.BOOKED, AppointmentStatus.COMPLETED,
                AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW)) {
            assertThatThrownBy(() -> in(s).complete()).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void cancelOnlyWhileBooked() {
        assertThat(in(AppointmentStatus.BOOKED).cancel().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(in(AppointmentStatus.BOOKED).cancel().active()).isFalse();
        for (AppointmentStatus s : List.of(AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED,
                AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW)) {
            assertThatThrownBy(() -> in(s).cancel()).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void noShowOnlyWhileBookedAndOnceTheStartHasPassed() {
        assertThat(in(AppointmentStatus.BOOKED).markNoShow(START).status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThatThrownBy(() -> in(AppointmentStatus.BOOKED).markNoShow(START.minusSeconds(1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> in(AppointmentStatus.CHECKED_IN).markNoShow(START.plusSeconds(60)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> in(AppointmentStatus.CANCELLED).markNoShow(START.plusSeconds(60)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void rescheduleOnlyWhileBooked() {
        Instant later = START.plusSeconds(7200);
        Appointment moved = in(AppointmentStatus.BOOKED).moveTo(UUID.randomUUID(), UUID.randomUUID(), List.of(), later,
                later.plusSeconds(3600), later, later.plusSeconds(3600));
        assertThat(moved.start()).isEqualTo(later);
        assertThat(moved.status()).isEqualTo(AppointmentStatus.BOOKED);
        for (AppointmentStatus s : List.of(AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED,
                AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW)) {
            assertThatThrownBy(() -> in(s).requireReschedulable()).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("cannot be rescheduled");
        }
    }
}

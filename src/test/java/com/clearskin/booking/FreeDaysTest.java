package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The month view's days: every date of the range, counted in the clinic's zone. */
class FreeDaysTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Slot at(String start) {
        OffsetDateTime s = OffsetDateTime.parse(start);
        return new Slot(s, s.plusHours(1), UUID.randomUUID(), UUID.randomUUID(), List.of());
    }

    @Test
    void everyDateOfTheRangeWithItsStartsCountedInTheClinicsZone() {
        LocalDate from = LocalDate.of(2026, 12, 1);
        List<Availability.FreeDay> days = Availability.freeDays(List.of(at("2026-12-01T09:00-05:00"),
                at("2026-12-01T23:30-05:00"), at("2026-12-03T10:00-05:00")), NEW_YORK, from, from.plusDays(3));
        assertThat(days).extracting(Availability.FreeDay::date)
                .containsExactly(from, from.plusDays(1), from.plusDays(2), from.plusDays(3));
        assertThat(days).extracting(Availability.FreeDay::starts).containsExactly(2, 0, 1, 0);
        assertThat(days).extracting(Availability.FreeDay::free).containsExactly(true, false, true, false);
    }

    @Test
    void aStartWrittenWithAnotherOffsetCountsOnItsLocalDate() {
        LocalDate from = LocalDate.of(2026, 12, 1);
        // 03:30 UTC on the 2nd is 22:30 on the 1st in New York
        List<Availability.FreeDay> days = Availability.freeDays(List.of(at("2026-12-02T03:30Z")), NEW_YORK, from,
                from.plusDays(1));
        assertThat(days).extracting(Availability.FreeDay::starts).containsExactly(1, 0);
    }
}

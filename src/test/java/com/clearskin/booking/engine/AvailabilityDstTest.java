package com.clearskin.booking.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.Slot;
import com.clearskin.catalog.Performer;
import com.clearskin.resources.Busy;
import com.clearskin.resources.ClinicHours;
import com.clearskin.resources.PractitionerCalendar;
import com.clearskin.resources.Requirement;
import com.clearskin.resources.RoomCalendar;
import com.clearskin.resources.ScheduleSnapshot;
import com.clearskin.resources.WeeklyInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The days clocks change, in three zones and both directions: no start at a local time that does
 * not exist, both instants of a repeated local time, durations in real minutes, the right offset.
 */
class AvailabilityDstTest {

    static final UUID PRACTITIONER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID ROOM = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final Requirement ONE_HOUR = new Requirement("extraction-facial", 60, 0, 0, Set.of(Performer.ESTHETICIAN),
            Set.of(), List.of());
    /** Starts of a normal day: 00:00 to 22:45, so that 60 minutes end by 23:59. */
    static final int NORMAL_DAY = 92;

    static List<WeeklyInterval> allDay() {
        List<WeeklyInterval> all = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            all.add(new WeeklyInterval(d, LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
        }
        return all;
    }

    static ScheduleSnapshot clinic(ZoneId zone, List<Busy> busy) {
        return new ScheduleSnapshot(new ClinicHours(zone, 15, allDay(), List.of()),
                List.of(new PractitionerCalendar(PRACTITIONER, Performer.ESTHETICIAN, allDay(), List.of(), busy)),
                List.of(new RoomCalendar(ROOM, Set.of(), List.of())), List.of());
    }

    /** Zone, the 2026 transition (gap or overlap) and the grid starts it removes (gap) or doubles (overlap). */
    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("America/New_York", "2026-03-08", -4), // 02:00 -> 03:00
                Arguments.of("America/New_York", "2026-11-01", 4),  // 02:00 -> 01:00
                Arguments.of("Europe/London", "2026-03-29", -4),    // 01:00 -> 02:00
                Arguments.of("Europe/London", "2026-10-25", 4),     // 02:00 -> 01:00
                Arguments.of("Australia/Lord_Howe", "2026-10-04", -2), // 02:00 -> 02:30
                Arguments.of("Australia/Lord_Howe", "2026-04-05", 2)); // 02:00 -> 01:30
    }

    static ZoneOffsetTransition transitionOn(ZoneId zone, LocalDate day) {
        ZoneOffsetTransition t = zone.getRules().nextTransition(day.atStartOfDay(zone).toInstant().minusSeconds(1));
        assertThat(t.getDateTimeBefore().toLocalDate()).isEqualTo(day);
        return t;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transitions")
    void everyOfferedStartExistsRepeatedTimesComeTwiceAndDurationsAreRealMinutes(String zoneId, String date,
            int change) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalDate day = LocalDate.parse(date);
        ZoneOffsetTransition t = transitionOn(zone, day);
        List<Slot> slots = AvailabilityEngine.search(clinic(zone, List.of()), ONE_HOUR, day, day, null, null);

        assertThat(slots).hasSize(NORMAL_DAY + change);
        for (Slot s : slots) {
            LocalDateTime local = s.start().toLocalDateTime();
            assertThat(local.toLocalDate()).isEqualTo(day);
            assertThat(zone.getRules().isValidOffset(local, s.start().getOffset())).as(s.toString()).isTrue();
            assertThat(s.start().getOffset()).isEqualTo(zone.getRules().getOffset(s.start().toInstant()));
            assertThat(s.end().getOffset()).isEqualTo(zone.getRules().getOffset(s.end().toInstant()));
            assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofMinutes(60));
            assertThat(local.getMinute() % 15).isZero();
        }
        assertThat(slots).extracting(s -> s.start().toInstant()).isSortedAccordingTo(Comparator.naturalOrder())
                .doesNotHaveDuplicates();
        if (t.isGap()) {
            // no start at a local time the clock skips
            assertThat(slots).noneMatch(s -> !s.start().toLocalDateTime().isBefore(t.getDateTimeBefore())
                    && s.start().toLocalDateTime().isBefore(t.getDateTimeAfter()));
        } else {
            // each repeated local time is offered at both instants, with both offsets
            LocalDateTime repeated = t.getDateTimeAfter();
            List<ZoneOffset> offsets = slots.stream().filter(s -> s.start().toLocalDateTime().equals(repeated))
                    .map(s -> s.start().getOffset()).toList();
            assertThat(offsets).containsExactly(t.getOffsetBefore(), t.getOffsetAfter());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transitions")
    void bookingAcrossTheChangeHoldsItsRealMinutes(String zoneId, String date, int change) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalDate day = LocalDate.parse(date);
        ZoneOffsetTransition t = transitionOn(zone, day);
        // busy for the real hour after the change: only that hour is taken, not a local hour
        Instant changeAt = t.getInstant();
        Busy busy = new Busy(changeAt, changeAt.plus(Duration.ofMinutes(60)));
        ScheduleSnapshot snapshot = clinic(zone, List.of(busy));
        List<Slot> slots = AvailabilityEngine.search(snapshot, ONE_HOUR, day, day, null, null);
        assertThat(slots).noneMatch(s -> s.start().toInstant().isBefore(busy.end())
                && s.end().toInstant().isAfter(busy.start()));
        assertThat(slots).anyMatch(s -> s.start().toInstant().equals(busy.end()));
        assertThat(slots).anyMatch(s -> s.end().toInstant().equals(changeAt));
        Instant start = changeAt.minus(Duration.ofMinutes(60));
        assertThat(AvailabilityEngine.at(snapshot, ONE_HOUR, start, PRACTITIONER)).isPresent();
        assertThat(AvailabilityEngine.at(snapshot, ONE_HOUR, start.plus(Duration.ofMinutes(15)), PRACTITIONER))
                .isEmpty();
    }
}

package com.clearskin.booking.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.Slot;
import com.clearskin.catalog.Performer;
import com.clearskin.resources.Busy;
import com.clearskin.resources.BusyTimes;
import com.clearskin.resources.ClinicHours;
import com.clearskin.resources.PractitionerCalendar;
import com.clearskin.resources.Requirement;
import com.clearskin.resources.RoomCalendar;
import com.clearskin.resources.ScheduleSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BusyTimesTest {

    @Test
    void readsBackAsWholeMinutesThatCoverTheBusyTime() {
        BusyTimes busy = new BusyTimes.Builder()
                .add(Instant.parse("2026-12-01T10:00:30Z"), Instant.parse("2026-12-01T10:59:00.5Z")).build();
        assertThat(busy).containsExactly(new Busy(Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T11:00:00Z")));
    }

    @Test
    void theEngineFindsTheSameSlotsWithCompactAndPlainBusyTimes() {
        ZoneId zone = ZoneId.of("Australia/Lord_Howe");
        LocalDate first = LocalDate.of(2026, 4, 3);
        Random random = new Random(7);
        List<Busy> plain = new ArrayList<>();
        BusyTimes.Builder compact = new BusyTimes.Builder();
        Instant t = first.atStartOfDay(zone).toInstant();
        for (int i = 0; i < 200; i++) {
            Instant start = t.plusSeconds(60L * random.nextInt(600));
            Instant end = start.plusSeconds(60L * (5 + random.nextInt(90)));
            plain.add(new Busy(start, end));
            compact.add(start, end);
            t = t.plusSeconds(1800);
        }
        Requirement r = new Requirement("extraction-facial", 60, 5, 15, Set.of(Performer.ESTHETICIAN), Set.of(),
                List.of());
        UUID p = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        ScheduleSnapshot a = new ScheduleSnapshot(new ClinicHours(zone, 15, AvailabilityDstTest.allDay(), List.of()),
                List.of(new PractitionerCalendar(p, Performer.ESTHETICIAN, AvailabilityDstTest.allDay(), List.of(), plain)),
                List.of(new RoomCalendar(room, Set.of(), plain.subList(0, 50))), List.of());
        ScheduleSnapshot b = new ScheduleSnapshot(a.hours(),
                List.of(new PractitionerCalendar(p, Performer.ESTHETICIAN, AvailabilityDstTest.allDay(), List.of(),
                        compact.build())),
                List.of(new RoomCalendar(room, Set.of(), plain.subList(0, 50))), List.of());
        List<Slot> expected = AvailabilityEngine.search(a, r, first, first.plusDays(4), null, null);
        assertThat(expected).isNotEmpty();
        assertThat(AvailabilityEngine.search(b, r, first, first.plusDays(4), null, null)).isEqualTo(expected);
    }
}

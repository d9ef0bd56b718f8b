package com.clearskin.booking.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.Slot;
import com.clearskin.catalog.Performer;
import com.clearskin.resources.Busy;
import com.clearskin.resources.ClinicHours;
import com.clearskin.resources.DeviceCalendar;
import com.clearskin.resources.PractitionerCalendar;
import com.clearskin.resources.Requirement;
import com.clearskin.resources.RoomCalendar;
import com.clearskin.resources.ScheduleSnapshot;
import com.clearskin.resources.WeeklyInterval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AvailabilityEngineTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID ROOM = UUID.fromString("00000000-0000-0000-0000-0000000000r1".replace("r", "0"));
    static final UUID STEAMER = UUID.fromString("00000000-0000-0000-0000-0000000000d1".replace("d", "0"));

    static List<WeeklyInterval> everyDay(String from, String to) {
        List<WeeklyInterval> all = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            all.add(new WeeklyInterval(d, LocalTime.parse(from), LocalTime.parse(to)));
        }
        return all;
    }

    static ScheduleSnapshot clinic(ZoneId zone, List<Busy> practitionerBusy, List<Busy> roomBusy, List<Busy> deviceBusy) {
        return new ScheduleSnapshot(new ClinicHours(zone, 15, everyDay("09:00", "12:00"), List.of()),
                List.of(new PractitionerCalendar(ANNA, Performer.ESTHETICIAN, everyDay("09:00", "12:00"), List.of(),
                        practitionerBusy)),
                List.of(new RoomCalendar(ROOM, Set.of("facial-bed"), roomBusy)),
                List.of(new DeviceCalendar(STEAMER, "steamer", deviceBusy)));
    }

    static final Requirement FACIAL = new Requirement("extraction-facial", 60, 0, 15, Set.of(Performer.ESTHETICIAN),
            Set.of("facial-bed"), List.of("steamer"));

    static Instant at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), NEW_YORK).toInstant();
    }

    @Test
    void offersEveryGridStartWhereTheTreatmentAndItsBufferFitTheDay() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        List<Slot> slots = AvailabilityEngine.search(clinic(NEW_YORK, List.of(), List.of(), List.of()), FACIAL, day,
                day, null, null);
        // 9:00 .. 10:45: 60 minutes plus 15 minutes of cleaning must end by 12:00
        assertThat(slots).extracting(s -> s.start().toLocalTime().toString())
                .containsExactly("09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45");
        assertThat(slots.get(0).practitionerId()).isEqualTo(ANNA);
        assertThat(slots.get(0).roomId()).isEqualTo(ROOM);
        assertThat(slots.get(0).deviceIds()).containsExactly(STEAMER);
        assertThat(slots.get(0).end().toLocalTime()).isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void aBusyDeviceBlocksEveryStartWhoseBlockedTimeTouchesIt() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        Busy steamerBusy = new Busy(at(day, "10:00"), at(day, "10:30"));
        List<Slot> slots = AvailabilityEngine.search(clinic(NEW_YORK, List.of(), List.of(), List.of(steamerBusy)),
                FACIAL, day, day, null, null);
        assertThat(slots).extracting(s -> s.start().toLocalTime().toString()).containsExactly("10:30", "10:45");
    }

    @Test
    void theRoomsCleaningBufferBlocksTheNextBooking() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        // an appointment 9:00-10:00 holds the room until 10:15
        Busy room = new Busy(at(day, "09:00"), at(day, "10:15"));
        List<Slot> slots = AvailabilityEngine.search(clinic(NEW_YORK, List.of(), List.of(room), List.of()), FACIAL,
                day, day, null, null);
        assertThat(slots).extracting(s -> s.start().toLocalTime().toString()).containsExactly("10:15", "10:30", "10:45");
    }

    @Test
    void atAnswersOnlyForGridStarts() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        ScheduleSnapshot snapshot = clinic(NEW_YORK, List.of(), List.of(), List.of());
        assertThat(AvailabilityEngine.at(snapshot, FACIAL, at(day, "09:15"), null)).isPresent();
        assertThat(AvailabilityEngine.at(snapshot, FACIAL, at(day, "09:10"), null)).isEmpty();
        assertThat(AvailabilityEngine.at(snapshot, FACIAL, at(day, "11:00"), null)).isEmpty();
    }
}

package com.clearskin.booking.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against a naive oracle: for random clinics (hours, shifts, breaks, busy times at odd
 * minutes, buffers, 5 to 60 minute grids, zones with clock changes in the window), every start the
 * oracle finds free by checking each resource minute by minute is offered, and nothing else.
 */
class AvailabilityOracleTest {

    static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Australia/Lord_Howe",
            "Asia/Kathmandu", "UTC");
    static final int[] GRIDS = {5, 10, 15, 20, 30, 60};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void theEngineOffersExactlyTheStartsTheOracleFindsFree(long seed) {
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        int grid = GRIDS[random.nextInt(GRIDS.length)];
        // around a clock change in the northern or southern hemisphere
        LocalDate first = random.nextBoolean() ? LocalDate.of(2026, 10, 31) : LocalDate.of(2027, 3, 26);
        LocalDate last = first.plusDays(4);
        boolean odd = random.nextInt(3) == 0; // busy times off any grid
        Requirement req = new Requirement("t", 15 + 5 * random.nextInt(12), 5 * random.nextInt(3),
                5 * random.nextInt(4), Set.of(Performer.ESTHETICIAN), Set.of("bed"), List.of("steamer"));
        Instant windowStart = first.minusDays(1).atStartOfDay(zone).toInstant();
        Instant windowEnd = last.plusDays(2).atStartOfDay(zone).toInstant();

        List<WeeklyInterval> opening = week(random, 7, 11, 17, 21);
        List<PractitionerCalendar> practitioners = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            practitioners.add(new PractitionerCalendar(id(random), random.nextBoolean() ? Performer.ESTHETICIAN
                    : Performer.NURSE, week(random, 6, 10, 15, 22), breaks(random), busy(random, windowStart, odd)));
        }
        List<RoomCalendar> rooms = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            rooms.add(new RoomCalendar(id(random), random.nextInt(4) == 0 ? Set.of("laser") : Set.of("bed"),
                    busy(random, windowStart, odd)));
        }
        List<DeviceCalendar> devices = List.of(new DeviceCalendar(id(random), "steamer", busy(random, windowStart, odd)),
                new DeviceCalendar(id(random), "steamer", busy(random, windowStart, odd)));
        ScheduleSnapshot snapshot = new ScheduleSnapshot(new ClinicHours(zone, grid, opening, List.of()), practitioners,
                rooms, devices);

        List<Instant> offered = AvailabilityEngine.search(snapshot, req, first, last, null, null).stream()
                .map(s -> s.start().toInstant()).toList();
        List<Instant> expected = oracle(snapshot, req, first, last);
        assertThat(offered).as("zone %s, grid %d, %s", zone, grid, req).containsExactlyElementsOf(expected);
    }

    /** Each grid start, checked resource by resource, minute by minute. */
    static List<Instant> oracle(ScheduleSnapshot s, Requirement req, LocalDate first, LocalDate last) {
        ZoneId zone = s.hours().zone();
        List<Instant> starts = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (int m = 0; m < 1440; m += s.hours().slotMinutes()) {
                LocalDateTime local = day.atTime(m / 60, m % 60);
                for (ZoneOffset offset : zone.getRules().getValidOffsets(local)) {
                    starts.add(local.toInstant(offset));
                }
            }
        }
        starts.sort(null);
        List<Instant> free = new ArrayList<>();
        for (Instant start : starts) {
            Instant from = start.minusSeconds(60L * req.bufferBeforeMinutes());
            Instant to = start.plusSeconds(60L * (req.durationMinutes() + req.bufferAfterMinutes()));
            boolean open = covered(s.hours().opening(), zone, from, to);
            boolean practitioner = s.practitioners().stream().anyMatch(p -> req.performers().contains(p.qualification())
                    && covered(p.shifts(), zone, from, to) && !touches(p.breaks(), zone, from, to)
                    && p.busy().stream().noneMatch(b -> overlaps(b, from, to)));
            boolean room = s.rooms().stream().anyMatch(r -> r.capabilities().containsAll(req.roomCapabilities())
                    && r.busy().stream().noneMatch(b -> overlaps(b, from, to)));
            boolean device = s.devices().stream().anyMatch(d -> d.busy().stream().noneMatch(b -> overlaps(b, from, to)));
            if (open && practitioner && room && device) {
                free.add(start);
            }
        }
        return free;
    }

    /** Every minute of [from, to) lies inside one of the weekly intervals on some day. */
    static boolean covered(List<WeeklyInterval> weekly, ZoneId zone, Instant from, Instant to) {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
            Instant minute = t;
            LocalDate day = minute.atZone(zone).toLocalDate();
            boolean in = false;
            for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)) && !in; d = d.plusDays(1)) {
                for (WeeklyInterval w : weekly) {
                    if (w.weekday() == d.getDayOfWeek()) {
                        Instant a = ZonedDateTime.of(d, w.start(), zone).toInstant();
                        Instant b = ZonedDateTime.of(d, w.end(), zone).toInstant();
                        in |= !minute.isBefore(a) && !minute.plusSeconds(60).isAfter(b);
                    }
                }
            }
            if (!in) {
                return false;
            }
        }
        return true;
    }

    static boolean touches(List<WeeklyInterval> weekly, ZoneId zone, Instant from, Instant to) {
        LocalDate day = from.atZone(zone).toLocalDate();
        for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            for (WeeklyInterval w : weekly) {
                if (w.weekday() == d.getDayOfWeek()) {
                    Instant a = ZonedDateTime.of(d, w.start(), zone).toInstant();
                    Instant b = ZonedDateTime.of(d, w.end(), zone).toInstant();
                    if (a.isBefore(to) && from.isBefore(b)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean overlaps(Busy b, Instant from, Instant to) {
        return b.start().isBefore(to) && from.isBefore(b.end());
    }

    static List<WeeklyInterval> week(Random random, int earliest, int latestStart, int earliestEnd, int latest) {
        List<WeeklyInterval> week = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (random.nextInt(7) == 0) {
                continue;
            }
            int start = (earliest + random.nextInt(latestStart - earliest)) * 60 + 15 * random.nextInt(4);
            int end = (earliestEnd + random.nextInt(latest - earliestEnd)) * 60 + 15 * random.nextInt(4);
            week.add(new WeeklyInterval(d, LocalTime.of(start / 60, start % 60), LocalTime.of(end / 60, end % 60)));
        }
        return week;
    }

    static List<WeeklyInterval> breaks(Random random) {
        List<WeeklyInterval> breaks = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (random.nextBoolean()) {
                int start = 12 * 60 + 10 * random.nextInt(6);
                breaks.add(new WeeklyInterval(d, LocalTime.of(start / 60, start % 60),
                        LocalTime.of(start / 60, start % 60).plusMinutes(30)));
            }
        }
        return breaks;
    }

    static List<Busy> busy(Random random, Instant windowStart, boolean odd) {
        List<Busy> busy = new ArrayList<>();
        for (int i = 0; i < random.nextInt(25); i++) {
            long startMinute = odd ? random.nextInt(7 * 1440) : 15L * random.nextInt(7 * 96);
            long length = odd ? 1 + random.nextInt(120) : 15L * (1 + random.nextInt(8));
            Instant start = windowStart.plusSeconds(60 * startMinute);
            busy.add(new Busy(start, start.plusSeconds(60 * length)));
        }
        return busy;
    }

    static UUID id(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}

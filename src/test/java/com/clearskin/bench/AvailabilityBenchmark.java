package com.clearskin.bench;

import com.clearskin.booking.Slot;
import com.clearskin.booking.engine.AvailabilityEngine;
import com.clearskin.catalog.Performer;
import com.clearskin.resources.Busy;
import com.clearskin.resources.BusyTimes;
import com.clearskin.resources.ClinicHours;
import com.clearskin.resources.DateSpan;
import com.clearskin.resources.DeviceCalendar;
import com.clearskin.resources.PractitionerCalendar;
import com.clearskin.resources.Requirement;
import com.clearskin.resources.RoomCalendar;
import com.clearskin.resources.ScheduleSnapshot;
import com.clearskin.resources.WeeklyInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The availability engine for a busy clinic: 40 practitioners (estheticians, nurses, physicians)
 * on 08:00-20:00 shifts with a lunch break, 15 rooms, 20 device units of 5 types, and 50,000 booked
 * appointments (each holding a practitioner and a room, a third of them a device) over 60 days, in
 * America/New_York across the November clock change. {@code clinic60Days}: every free start of a
 * 60-minute facial (buffer 15 minutes, facial bed and steamer) for any practitioner over the 60 days
 * — the figure the target (median at most 1 ms) is about. {@code onePractitioner31Days}: the load
 * test's request. Sample time, so JMH prints the median (p0.50). Run with
 * {@code bench/jmh.sh AvailabilityBenchmark}; never part of {@code ./mvnw verify}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AvailabilityBenchmark {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final LocalDate FIRST = LocalDate.of(2026, 10, 5);
    static final int DAYS = 60;
    static final int APPOINTMENTS = 50_000;
    static final String[] DEVICE_TYPES = {"steamer", "microdermabrasion-unit", "microneedling-pen", "led-panel",
            "laser"};

    ScheduleSnapshot snapshot;
    Requirement facial;
    UUID onePractitioner;
    int appointments;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<WeeklyInterval> opening = weekly("08:00", "20:00");
        List<UUID> practitioners = new ArrayList<>();
        List<Performer> qualifications = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            practitioners.add(new UUID(1, i));
            qualifications.add(i < 28 ? Performer.ESTHETICIAN : i < 36 ? Performer.NURSE : Performer.PHYSICIAN);
        }
        List<UUID> rooms = new ArrayList<>();
        List<Set<String>> capabilities = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            rooms.add(new UUID(2, i));
            capabilities.add(i < 10 ? Set.of("facial-bed") : i < 13 ? Set.of("facial-bed", "body-treatment-bed")
                    : Set.of("facial-bed", "laser-safe"));
        }
        List<UUID> devices = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            devices.add(new UUID(3, i));
        }
        Map<UUID, List<Busy>> practitionerBusy = new HashMap<>();
        Map<UUID, List<Busy>> roomBusy = new HashMap<>();
        Map<UUID, List<Busy>> deviceBusy = new HashMap<>();
        // each practitioner's days filled with 20-40 minute appointments and short gaps, until 50,000 are placed
        int placed = 0;
        outer:
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            for (int p = 0; p < practitioners.size(); p++) {
                Instant t = ZonedDateTime.of(day, LocalTime.of(8, 0), ZONE).toInstant();
                Instant close = ZonedDateTime.of(day, LocalTime.of(20, 0), ZONE).toInstant();
                for (int k = 0; k < 30; k++) {
                    int minutes = 20 + 5 * random.nextInt(5);
                    Instant end = t.plus(Duration.ofMinutes(minutes));
                    if (end.isAfter(close)) {
                        break;
                    }
                    Busy busy = new Busy(t, end);
                    practitionerBusy.computeIfAbsent(practitioners.get(p), x -> new ArrayList<>()).add(busy);
                    roomBusy.computeIfAbsent(rooms.get(random.nextInt(rooms.size())), x -> new ArrayList<>()).add(busy);
                    if (random.nextInt(3) == 0) {
                        deviceBusy.computeIfAbsent(devices.get(random.nextInt(devices.size())), x -> new ArrayList<>())
                                .add(busy);
                    }
                    if (++placed == APPOINTMENTS) {
                        break outer;
                    }
                    t = end.plus(Duration.ofMinutes(random.nextInt(5) == 0 ? 10 : 0));
                }
            }
        }
        appointments = placed;
        List<PractitionerCalendar> practitionerCalendars = new ArrayList<>();
        for (int i = 0; i < practitioners.size(); i++) {
            practitionerCalendars.add(new PractitionerCalendar(practitioners.get(i), qualifications.get(i),
                    weekly("08:00", "20:00"), weekly("12:00", "12:30"),
                    compact(practitionerBusy.get(practitioners.get(i)))));
        }
        List<RoomCalendar> roomCalendars = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            roomCalendars.add(new RoomCalendar(rooms.get(i), capabilities.get(i),
                    compact(roomBusy.get(rooms.get(i)))));
        }
        List<DeviceCalendar> deviceCalendars = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            deviceCalendars.add(new DeviceCalendar(devices.get(i), DEVICE_TYPES[i % DEVICE_TYPES.length],
                    compact(deviceBusy.get(devices.get(i)))));
        }
        snapshot = new ScheduleSnapshot(new ClinicHours(ZONE, 15, opening,
                List.of(new DateSpan(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 26)))),
                practitionerCalendars, roomCalendars, deviceCalendars);
        facial = new Requirement("extraction-facial", 60, 0, 15, Set.of(Performer.ESTHETICIAN, Performer.NURSE,
                Performer.PHYSICIAN), Set.of("facial-bed"), List.of("steamer"));
        onePractitioner = practitioners.get(3);
    }

    /** Busy times as ScheduleLoader hands them to the engine. */
    static List<Busy> compact(List<Busy> busy) {
        BusyTimes.Builder builder = new BusyTimes.Builder();
        if (busy != null) {
            busy.forEach(b -> builder.add(b.start(), b.end()));
        }
        return builder.build();
    }

    static List<WeeklyInterval> weekly(String from, String to) {
        List<WeeklyInterval> all = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            all.add(new WeeklyInterval(d, LocalTime.parse(from), LocalTime.parse(to)));
        }
        return all;
    }

    @Benchmark
    public List<Slot> clinic60Days() {
        return AvailabilityEngine.search(snapshot, facial, FIRST, FIRST.plusDays(DAYS - 1), null, null);
    }

    @Benchmark
    public List<Slot> onePractitioner31Days() {
        return AvailabilityEngine.search(snapshot, facial, FIRST, FIRST.plusDays(30), onePractitioner, null);
    }

    /** Prints the sizes, so that a reader can see the benchmark works on what it says. */
    public static void main(String[] args) {
        AvailabilityBenchmark b = new AvailabilityBenchmark();
        b.setUp();
        System.out.println(b.appointments + " appointments; " + b.clinic60Days().size() + " free starts over "
                + DAYS + " days; " + b.onePractitioner31Days().size() + " for one practitioner over 31 days");
    }
}

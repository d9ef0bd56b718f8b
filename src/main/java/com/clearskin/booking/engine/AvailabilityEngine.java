package com.clearskin.booking.engine;

import com.clearskin.booking.Slot;
import com.clearskin.resources.Busy;
import com.clearskin.resources.BusyTimes;
import com.clearskin.resources.ClinicHours;
import com.clearskin.resources.DateSpan;
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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the start times at which a treatment can be booked: a qualified practitioner on shift, a
 * room that offers what the treatment needs while the clinic is open, and one free unit of each
 * device type, all for the whole treatment with its buffers. Plain Java, no I/O.
 *
 * <p>Start times lie on the clinic's slot grid in its local time. On the day clocks go forward the
 * local times that do not exist are skipped; on the day they go back the repeated local times are
 * two different instants and both are offered. Durations are real elapsed minutes.
 *
 * <p>Work is done on {@link MinuteSet}s over the searched window, so the cost grows with the number
 * of resources and days, hardly with the number of appointments.
 */
public final class AvailabilityEngine {

    /** Marks a day whose offset changes (or whose midnight does not exist): it takes the careful path. */
    static final long NOT_SIMPLE = Long.MIN_VALUE;

    private AvailabilityEngine() {
    }

    /**
     * Every free start time from the first to the last local date (inclusive), not before
     * {@code notBefore}, for {@code practitioner} only when it is not null. Earliest first.
     */
    public static List<Slot> search(ScheduleSnapshot snapshot, Requirement requirement, LocalDate first,
            LocalDate last, UUID practitioner, Instant notBefore) {
        Search search = new Search(snapshot, requirement, first, last, practitioner);
        List<Slot> slots = new ArrayList<>();
        ClinicHours hours = snapshot.hours();
        ZoneRules rules = hours.zone().getRules();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (closed(hours, day)) {
                continue;
            }
            long midnight = search.midnight(day);
            if (midnight != NOT_SIMPLE) {
                // one offset all day: local minute m is midnight + m minutes
                ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(midnight));
                for (int minute = 0; minute < 1440; minute += hours.slotMinutes()) {
                    long start = midnight + minute * 60L;
                    if (notBefore != null && (start < notBefore.getEpochSecond()
                            || start == notBefore.getEpochSecond() && notBefore.getNano() > 0)) {
                        continue;
                    }
                    search.slotAt(start, offset, slots);
                }
                continue;
            }
            int dayStart = slots.size();
            boolean repeated = false;
            for (int minute = 0; minute < 1440; minute += hours.slotMinutes()) {
                LocalDateTime local = day.atTime(minute / 60, minute % 60);
                List<ZoneOffset> offsets = rules.getValidOffsets(local);
                repeated |= offsets.size() > 1;
                for (ZoneOffset offset : offsets) {
                    Instant start = local.toInstant(offset);
                    if (notBefore != null && start.isBefore(notBefore)) {
                        continue;
                    }
                    search.slotAt(start.getEpochSecond(), offset, slots);
                }
            }
            if (repeated) {
                // a repeated local time's second instant comes after the next local times' first ones
                slots.subList(dayStart, slots.size()).sort(Comparator.comparing(s -> s.start().toInstant()));
            }
        }
        return slots;
    }

    /**
     * The practitioner, room and devices free for a booking that starts exactly at {@code start},
     * if any. The start must be a grid start of an open day; anything else is empty.
     */
    public static Optional<Slot> at(ScheduleSnapshot snapshot, Requirement requirement, Instant start,
            UUID practitioner) {
        ClinicHours hours = snapshot.hours();
        ZonedDateTime local = start.atZone(hours.zone());
        if (!onGrid(hours, start) || closed(hours, local.toLocalDate())) {
            return Optional.empty();
        }
        LocalDate day = local.toLocalDate();
        List<Slot> found = new ArrayList<>(1);
        new Search(snapshot, requirement, day, day, practitioner).slotAt(start.getEpochSecond(), local.getOffset(),
                found);
        return found.stream().findFirst();
    }

    /** Whether {@code start} falls on the clinic's grid in its local time, to the second. */
    public static boolean onGrid(ClinicHours hours, Instant start) {
        ZonedDateTime local = start.atZone(hours.zone());
        int minuteOfDay = local.getHour() * 60 + local.getMinute();
        return local.getSecond() == 0 && local.getNano() == 0 && minuteOfDay % hours.slotMinutes() == 0;
    }

    static boolean closed(ClinicHours hours, LocalDate day) {
        for (DateSpan closure : hours.closures()) {
            if (closure.contains(day)) {
                return true;
            }
        }
        return false;
    }

    /** One search: the window's minute sets, built once, then asked for each start. */
    private static final class Search {

        private final Requirement requirement;
        private final ZoneId zone;
        private final Instant origin;
        private final List<Candidate> practitioners = new ArrayList<>();
        private final List<Candidate> rooms = new ArrayList<>();
        private final List<List<Candidate>> devicesByType = new ArrayList<>();
        private final MinuteSet possible;
        private final long originSecond;
        /** Per day from the window's first day - 1: the epoch second of local midnight, or NOT_SIMPLE. */
        private final long tableFirstDay;
        private final long[] midnights;
        /** The same days, and their weekdays, so that each resource's weekly hours need no date arithmetic. */
        private final LocalDate[] days;
        private final DayOfWeek[] weekdays;
        /**
         * The minutes one bit stands for: the largest that divides every boundary of the search (grid,
         * treatment and buffers, hours, shifts, busy times, clock changes), so that the sets stay exact
         * while holding up to that many times fewer bits.
         */
        private final int unit;

        Search(ScheduleSnapshot snapshot, Requirement requirement, LocalDate first, LocalDate last, UUID only) {
            this.requirement = requirement;
            ClinicHours hours = snapshot.hours();
            this.zone = hours.zone();
            Instant windowStart = first.atStartOfDay(zone).toInstant();
            Instant windowEnd = last.plusDays(1).atStartOfDay(zone).toInstant();
            this.origin = windowStart.minus(Duration.ofMinutes(requirement.bufferBeforeMinutes()));
            int minutes = minutesBetween(origin, windowEnd) + requirement.durationMinutes()
                    + requirement.bufferAfterMinutes();
            LocalDate from = first.minusDays(1);
            LocalDate to = last.plusDays(1);
            this.originSecond = origin.getEpochSecond();
            this.tableFirstDay = from.toEpochDay();
            this.midnights = new long[(int) (to.toEpochDay() - tableFirstDay) + 1];
            this.days = new LocalDate[midnights.length];
            this.weekdays = new DayOfWeek[midnights.length];
            for (int i = 0; i < days.length; i++) {
                days[i] = from.plusDays(i);
                weekdays[i] = days[i].getDayOfWeek();
            }
            ZoneRules rules = zone.getRules();
            Instant next = from.atStartOfDay(zone).toInstant();
            for (int i = 0; i < midnights.length; i++) {
                Instant midnight = next;
                next = from.plusDays(i + 1).atStartOfDay(zone).toInstant();
                ZoneOffsetTransition t = rules.nextTransition(midnight.minusSeconds(1));
                boolean simple = t == null || !t.getInstant().isBefore(next);
                midnights[i] = simple ? midnight.getEpochSecond() : NOT_SIMPLE;
            }

            List<PractitionerCalendar> qualified = snapshot.practitioners().stream()
                    .filter(p -> only == null || p.id().equals(only))
                    .filter(p -> requirement.performers().contains(p.qualification()))
                    .sorted(Comparator.comparing(PractitionerCalendar::qualification))
                    .toList();
            List<RoomCalendar> capable = snapshot.rooms().stream()
                    .filter(r -> r.capabilities().containsAll(requirement.roomCapabilities()))
                    .sorted(Comparator.comparingInt((RoomCalendar r) -> r.capabilities().size()))
                    .toList();
            this.unit = unit(hours, requirement, rules, from, to);
            int size = Math.floorDiv(minutes + unit - 1, unit);
            int length = requirement.blockedMinutes() / unit;

            MinuteSet open = new MinuteSet(size);
            addWeekly(open, hours.opening(), hours);

            qualified.forEach(p -> {
                        MinuteSet free = new MinuteSet(size);
                        addWeekly(free, p.shifts(), null);
                        free.retainAll(open);
                        removeWeekly(free, p.breaks());
                        removeBusy(free, p.busy());
                        practitioners.add(new Candidate(p.id(), free.runsOf(length)));
                    });
            capable.forEach(r -> {
                        MinuteSet free = open.copy();
                        removeBusy(free, r.busy());
                        rooms.add(new Candidate(r.id(), free.runsOf(length)));
                    });
            for (String type : requirement.deviceTypes()) {
                List<Candidate> units = new ArrayList<>();
                snapshot.devices().stream().filter(d -> d.type().equals(type)).forEach(d -> {
                    MinuteSet free = new MinuteSet(size);
                    free.add(0, size);
                    removeBusy(free, d.busy());
                    units.add(new Candidate(d.id(), free.runsOf(length)));
                });
                devicesByType.add(units);
            }

            possible = union(practitioners, size);
            possible.retainAll(union(rooms, size));
            for (List<Candidate> units : devicesByType) {
                possible.retainAll(union(units, size));
            }
        }

        /** Adds the slot that starts at the epoch second to {@code slots} when everything it needs is free. */
        void slotAt(long startSecond, ZoneOffset offset, List<Slot> slots) {
            long minute = Math.floorDiv(startSecond - originSecond, 60) - requirement.bufferBeforeMinutes();
            if (minute % unit != 0 || (startSecond - originSecond) % 60 != 0) {
                throw new IllegalStateException("a grid start off the search's unit of " + unit + " minutes");
            }
            int index = (int) (minute / unit);
            if (!possible.contains(index)) {
                return;
            }
            UUID practitioner = firstFree(practitioners, index);
            UUID room = firstFree(rooms, index);
            List<UUID> devices = new ArrayList<>(devicesByType.size());
            for (List<Candidate> units : devicesByType) {
                devices.add(firstFree(units, index));
            }
            Instant start = Instant.ofEpochSecond(startSecond);
            Instant end = start.plus(Duration.ofMinutes(requirement.durationMinutes()));
            slots.add(new Slot(OffsetDateTime.ofInstant(start, offset), end.atZone(zone).toOffsetDateTime(),
                    practitioner, room, devices));
        }

        /** The epoch second of the day's local midnight when the day has one offset throughout, else NOT_SIMPLE. */
        long midnight(LocalDate day) {
            long i = day.toEpochDay() - tableFirstDay;
            return i < 0 || i >= midnights.length ? NOT_SIMPLE : midnights[(int) i];
        }

        private void addWeekly(MinuteSet set, List<WeeklyInterval> weekly, ClinicHours closuresOf) {
            for (int d = 0; d < days.length; d++) {
                if (closuresOf != null && !closuresOf.closures().isEmpty() && closed(closuresOf, days[d])) {
                    continue;
                }
                for (int w = 0, n = weekly.size(); w < n; w++) {
                    WeeklyInterval interval = weekly.get(w);
                    if (interval.weekday() == weekdays[d]) {
                        set.add(ceilIndex(epochSecond(d, interval.start()), 0),
                                floorIndex(epochSecond(d, interval.end())));
                    }
                }
            }
        }

        private void removeWeekly(MinuteSet set, List<WeeklyInterval> weekly) {
            if (weekly.isEmpty()) {
                return;
            }
            for (int d = 0; d < days.length; d++) {
                for (int w = 0, n = weekly.size(); w < n; w++) {
                    WeeklyInterval interval = weekly.get(w);
                    if (interval.weekday() == weekdays[d]) {
                        set.remove(floorIndex(epochSecond(d, interval.start())),
                                ceilIndex(epochSecond(d, interval.end()), 0));
                    }
                }
            }
        }

        /** The epoch second of a local time on the table's day {@code d}. */
        private long epochSecond(int d, java.time.LocalTime time) {
            long midnight = midnights[d];
            if (midnight != NOT_SIMPLE && time.getNano() == 0) {
                return midnight + time.toSecondOfDay();
            }
            return ZonedDateTime.of(days[d], time, zone).toEpochSecond();
        }

        private void removeBusy(MinuteSet set, List<Busy> busy) {
            if (busy instanceof BusyTimes compact && originSecond % 60 == 0) {
                long originMinute = originSecond / 60;
                long windowMinutes = (long) set.size() * unit;
                long[] starts = compact.startMinutes();
                long[] ends = compact.endMinutes();
                for (int i = 0; i < starts.length; i++) {
                    long from = starts[i] - originMinute;
                    long to = ends[i] - originMinute;
                    if (to <= 0 || from >= windowMinutes) {
                        continue; // outside the window
                    }
                    // within the window the minutes are small and not negative: int division, rounding outwards
                    int first = (int) Math.max(from, 0);
                    int last = (int) Math.min(to, windowMinutes);
                    set.remove(first / unit, (last + unit - 1) / unit);
                }
                return;
            }
            for (int i = 0, n = busy.size(); i < n; i++) {
                Busy b = busy.get(i);
                set.remove(floorIndex(b.start().getEpochSecond()), ceilIndex(b.end().getEpochSecond(), b.end().getNano()));
            }
        }

        /** The unit that contains the second (an interval starting there starts no later). */
        private int floorIndex(long epochSecond) {
            long seconds = epochSecond - originSecond;
            int unitSeconds = 60 * unit;
            if (seconds >= 0 && seconds < Integer.MAX_VALUE) {
                return (int) seconds / unitSeconds; // floor of floor: one int division
            }
            return clamp(Math.floorDiv(seconds, unitSeconds));
        }

        /** The first whole unit at or after the second (and nanos). */
        private int ceilIndex(long epochSecond, int nanos) {
            long seconds = epochSecond - originSecond + (nanos > 0 ? 1 : 0);
            int unitSeconds = 60 * unit;
            if (seconds >= 0 && seconds < Integer.MAX_VALUE - unitSeconds) {
                return ((int) seconds + unitSeconds - 1) / unitSeconds; // ceiling of ceiling: one int division
            }
            return clamp(Math.floorDiv(seconds + unitSeconds - 1, unitSeconds));
        }

        /**
         * The largest number of minutes that divides every candidate's blocked time, relative to the
         * origin: its start (a grid time of some day: the grid, whole days and the clock changes of
         * the window) and its length. Hours and shifts are rounded inwards and busy times outwards to
         * this unit, which loses nothing: an interval whose ends lie on the unit overlaps (or lies
         * within) a time exactly when it overlaps (or lies within) that time so rounded.
         */
        private int unit(ClinicHours hours, Requirement r, ZoneRules rules, LocalDate from, LocalDate to) {
            if (originSecond % 60 != 0) {
                return 1;
            }
            long g = gcd(hours.slotMinutes(), r.blockedMinutes());
            Instant t = from.atStartOfDay(zone).toInstant().minusSeconds(1);
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            for (ZoneOffsetTransition change = rules.nextTransition(t); change != null && change.getInstant().isBefore(end)
                    && g > 1; change = rules.nextTransition(change.getInstant())) {
                long shift = change.getDuration().getSeconds();
                g = shift % 60 != 0 ? 1 : gcd(g, Math.abs(shift / 60));
            }
            return (int) Math.max(1, g);
        }

        private static long gcd(long a, long b) {
            a = Math.abs(a);
            b = Math.abs(b);
            while (b != 0) {
                long t = a % b;
                a = b;
                b = t;
            }
            return a;
        }

        private static int clamp(long index) {
            return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, index));
        }

        private static int minutesBetween(Instant from, Instant to) {
            return (int) Math.floorDiv(to.getEpochSecond() - from.getEpochSecond(), 60);
        }

        private static MinuteSet union(List<Candidate> candidates, int size) {
            MinuteSet all = new MinuteSet(size);
            for (Candidate c : candidates) {
                all.addAll(c.runs());
            }
            return all;
        }

        private static UUID firstFree(List<Candidate> candidates, int index) {
            for (Candidate c : candidates) {
                if (c.runs().contains(index)) {
                    return c.id();
                }
            }
            throw new IllegalStateException("union said free but no candidate is");
        }
    }

    private record Candidate(UUID id, MinuteSet runs) {
    }
}

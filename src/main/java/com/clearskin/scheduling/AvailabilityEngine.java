package com.clearskin.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
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
                    search.slotAt(start, offset).ifPresent(slots::add);
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
        return new Search(snapshot, requirement, day, day, practitioner).slotAt(start, local.getOffset());
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

        Search(ScheduleSnapshot snapshot, Requirement requirement, LocalDate first, LocalDate last, UUID only) {
            this.requirement = requirement;
            ClinicHours hours = snapshot.hours();
            this.zone = hours.zone();
            Instant windowStart = first.atStartOfDay(zone).toInstant();
            Instant windowEnd = last.plusDays(1).atStartOfDay(zone).toInstant();
            this.origin = windowStart.minus(Duration.ofMinutes(requirement.bufferBeforeMinutes()));
            int size = minutesBetween(origin, windowEnd) + requirement.durationMinutes()
                    + requirement.bufferAfterMinutes();
            int length = requirement.blockedMinutes();
            LocalDate from = first.minusDays(1);
            LocalDate to = last.plusDays(1);

            MinuteSet open = new MinuteSet(size);
            addWeekly(open, hours.opening(), from, to, hours);

            snapshot.practitioners().stream()
                    .filter(p -> only == null || p.id().equals(only))
                    .filter(p -> requirement.performers().contains(p.qualification()))
                    .sorted(Comparator.comparing(PractitionerCalendar::qualification))
                    .forEach(p -> {
                        MinuteSet free = new MinuteSet(size);
                        addWeekly(free, p.shifts(), from, to, null);
                        free.retainAll(open);
                        removeWeekly(free, p.breaks(), from, to);
                        removeBusy(free, p.busy());
                        practitioners.add(new Candidate(p.id(), free.runsOf(length)));
                    });
            snapshot.rooms().stream()
                    .filter(r -> r.capabilities().containsAll(requirement.roomCapabilities()))
                    .sorted(Comparator.comparingInt((RoomCalendar r) -> r.capabilities().size()))
                    .forEach(r -> {
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

        Optional<Slot> slotAt(Instant start, ZoneOffset offset) {
            int index = minutesBetween(origin, start) - requirement.bufferBeforeMinutes();
            if (!possible.contains(index)) {
                return Optional.empty();
            }
            UUID practitioner = firstFree(practitioners, index);
            UUID room = firstFree(rooms, index);
            List<UUID> devices = new ArrayList<>(devicesByType.size());
            for (List<Candidate> units : devicesByType) {
                devices.add(firstFree(units, index));
            }
            Instant end = start.plus(Duration.ofMinutes(requirement.durationMinutes()));
            return Optional.of(new Slot(OffsetDateTime.ofInstant(start, offset).withOffsetSameInstant(offset),
                    end.atZone(zone).toOffsetDateTime(), practitioner, room, devices));
        }

        private void addWeekly(MinuteSet set, List<WeeklyInterval> weekly, LocalDate from, LocalDate to,
                ClinicHours closuresOf) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (closuresOf != null && closed(closuresOf, day)) {
                    continue;
                }
                for (WeeklyInterval interval : weekly) {
                    if (interval.weekday() == day.getDayOfWeek()) {
                        set.add(ceilIndex(ZonedDateTime.of(day, interval.start(), zone).toInstant()),
                                floorIndex(ZonedDateTime.of(day, interval.end(), zone).toInstant()));
                    }
                }
            }
        }

        private void removeWeekly(MinuteSet set, List<WeeklyInterval> weekly, LocalDate from, LocalDate to) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                for (WeeklyInterval interval : weekly) {
                    if (interval.weekday() == day.getDayOfWeek()) {
                        set.remove(floorIndex(ZonedDateTime.of(day, interval.start(), zone).toInstant()),
                                ceilIndex(ZonedDateTime.of(day, interval.end(), zone).toInstant()));
                    }
                }
            }
        }

        private void removeBusy(MinuteSet set, List<Busy> busy) {
            for (Busy b : busy) {
                set.remove(floorIndex(b.start()), ceilIndex(b.end()));
            }
        }

        /** The minute that contains the instant (an interval starting there starts no later). */
        private int floorIndex(Instant instant) {
            return (int) Math.max(Integer.MIN_VALUE / 2,
                    Math.min(Integer.MAX_VALUE / 2, Math.floorDiv(instant.getEpochSecond() - origin.getEpochSecond(), 60)));
        }

        /** The first whole minute at or after the instant. */
        private int ceilIndex(Instant instant) {
            long seconds = instant.getEpochSecond() - origin.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
            return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, Math.floorDiv(seconds + 59, 60)));
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

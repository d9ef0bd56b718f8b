package com.clearskin.resources;

import com.clearskin.platform.InvalidInputException.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The rules a clinic's resources must keep, one small method each. Every method returns the
 * violations it finds, each naming the field; none touches a database.
 */
public final class ResourceRules {

    public static final int NAME_MAX = 100;
    public static final int REASON_MAX = 200;
    public static final int BUFFER_MAX = 240;
    public static final int CLOSURE_MAX_DAYS = 366;
    public static final int TIME_OFF_MAX_DAYS = 366;
    public static final Set<String> QUALIFICATIONS = Set.of("esthetician", "nurse", "physician");

    private ResourceRules() {
    }

    // --- the clinic's settings ---

    /** The grid: 5 to 120 minutes and a whole number of slots per day, so that every day starts on it. */
    public static List<Violation> slotDividesTheDay(Integer slotMinutes) {
        if (slotMinutes == null) {
            return required("settings.slotMinutes");
        }
        if (slotMinutes < 5 || slotMinutes > 120 || 1440 % slotMinutes != 0) {
            return List.of(new Violation("settings.slotMinutes",
                    "must be 5-120 minutes and divide a day (5, 10, 15, 20, 30, 60, ...)"));
        }
        return List.of();
    }

    /** Minimum notice: 0 minutes to two weeks. */
    public static List<Violation> noticeIsWithinTwoWeeks(Integer minNoticeMinutes) {
        return between("settings.minNoticeMinutes", minNoticeMinutes, 0, 20160, "minutes");
    }

    /** How far ahead clients may book: 1 day to two years. */
    public static List<Violation> horizonIsWithinTwoYears(Integer horizonDays) {
        return between("settings.horizonDays", horizonDays, 1, 730, "days");
    }

    /** Until when a client may cancel: 0 hours to 30 days before the start. */
    public static List<Violation> cancelWindowIsWithinThirtyDays(Integer clientCancelHours) {
        return between("settings.clientCancelHours", clientCancelHours, 0, 720, "hours");
    }

    /** How long a waitlist offer is held: 5 minutes to a week. */
    public static List<Violation> waitlistOfferIsWithinAWeek(Integer waitlistOfferMinutes) {
        return between("settings.waitlistOfferMinutes", waitlistOfferMinutes, 5, 10080, "minutes");
    }

    /** Every settings rule at once. */
    public static List<Violation> settings(BookingSettings s) {
        if (s == null) {
            return required("settings");
        }
        List<Violation> out = new ArrayList<>();
        out.addAll(slotDividesTheDay(s.slotMinutes()));
        out.addAll(noticeIsWithinTwoWeeks(s.minNoticeMinutes()));
        out.addAll(horizonIsWithinTwoYears(s.horizonDays()));
        out.addAll(cancelWindowIsWithinThirtyDays(s.clientCancelHours()));
        out.addAll(waitlistOfferIsWithinAWeek(s.waitlistOfferMinutes()));
        return out;
    }

    /** The clinic's zone is an IANA region name (Europe/London), not an offset or an abbreviation. */
    public static List<Violation> timeZoneIsIana(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return required("timeZone");
        }
        if (!ZoneId.getAvailableZoneIds().contains(timeZone.strip())) {
            return List.of(new Violation("timeZone", "'" + timeZone
                    + "' is not an IANA time zone such as Europe/London or America/New_York"));
        }
        return List.of();
    }

    // --- weekly hours ---

    /** An interval starts before it ends (an interval over midnight is two intervals). */
    public static boolean startsBeforeItEnds(LocalTime start, LocalTime end) {
        return start.isBefore(end);
    }

    /**
     * No two intervals of one weekday overlap (touching is fine: 09:00-13:00 and 13:00-18:00).
     * The violation names the later one by its place in the list.
     */
    public static List<Violation> intervalsDoNotOverlap(String field, List<WeeklyInterval> intervals) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            for (int j = 0; j < i; j++) {
                WeeklyInterval a = intervals.get(j);
                WeeklyInterval b = intervals.get(i);
                if (a.weekday() == b.weekday() && b.start().isBefore(a.end()) && a.start().isBefore(b.end())) {
                    out.add(new Violation(field + "[" + i + "]", "overlaps " + a.start() + "-" + a.end() + " on "
                            + a.weekday().name().toLowerCase(java.util.Locale.ROOT)));
                    break;
                }
            }
        }
        return out;
    }

    /** A break lies wholly inside one shift of the same weekday. */
    public static List<Violation> breaksLieInsideShifts(List<WeeklyInterval> shifts, List<WeeklyInterval> breaks) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < breaks.size(); i++) {
            WeeklyInterval b = breaks.get(i);
            boolean inside = shifts.stream().anyMatch(s -> s.weekday() == b.weekday()
                    && !b.start().isBefore(s.start()) && !b.end().isAfter(s.end()));
            if (!inside) {
                out.add(new Violation("breaks[" + i + "]", "must lie inside one of the practitioner's shifts on "
                        + b.weekday().name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return out;
    }

    // --- closures and time off ---

    /** A closure ends on or after its first day and lasts at most a year. */
    public static List<Violation> closureIsOrdered(LocalDate firstDay, LocalDate lastDay) {
        if (lastDay.isBefore(firstDay)) {
            return List.of(new Violation("lastDay", "must be on or after the first day (" + firstDay + ")"));
        }
        if (ChronoUnit.DAYS.between(firstDay, lastDay) >= CLOSURE_MAX_DAYS) {
            return List.of(new Violation("lastDay", "a closure lasts at most " + CLOSURE_MAX_DAYS + " days"));
        }
        return List.of();
    }

    /** Time off starts before it ends and lasts at most a year. */
    public static List<Violation> timeOffIsOrdered(Instant startsAt, Instant endsAt) {
        if (!startsAt.isBefore(endsAt)) {
            return List.of(new Violation("endsAt", "must be after the start"));
        }
        if (Duration.between(startsAt, endsAt).toDays() > TIME_OFF_MAX_DAYS) {
            return List.of(new Violation("endsAt", "time off lasts at most " + TIME_OFF_MAX_DAYS + " days"));
        }
        return List.of();
    }

    /** A local date-time exists in the zone: it is not skipped by a clock change (spring forward). */
    public static boolean localTimeExists(ZoneId zone, LocalDateTime local) {
        return !zone.getRules().getValidOffsets(local).isEmpty();
    }

    // --- names and vocabularies ---

    /** A name is given and at most 100 characters. */
    public static List<Violation> nameIsGiven(String field, String name) {
        if (name == null || name.isBlank()) {
            return required(field);
        }
        if (name.strip().length() > NAME_MAX) {
            return List.of(new Violation(field, "must be at most " + NAME_MAX + " characters"));
        }
        return List.of();
    }

    /** A reason is at most 200 characters; where required, it is given. */
    public static List<Violation> reasonIsShort(String field, String reason, boolean required) {
        if (reason == null || reason.isBlank()) {
            return required ? required(field) : List.of();
        }
        if (reason.strip().length() > REASON_MAX) {
            return List.of(new Violation(field, "must be at most " + REASON_MAX + " characters"));
        }
        return List.of();
    }

    /** A practitioner's qualification is a catalog performer who treats: esthetician, nurse or physician. */
    public static List<Violation> qualificationIsKnown(String qualification) {
        if (qualification == null || !QUALIFICATIONS.contains(qualification)) {
            return List.of(new Violation("qualification", "must be one of esthetician, nurse, physician"));
        }
        return List.of();
    }

    /** Every code is one of the vocabulary's, and none is named twice. */
    public static List<Violation> codesAreKnown(String field, List<String> codes, Collection<String> vocabulary) {
        if (codes == null) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !vocabulary.contains(code)) {
                out.add(new Violation(field + "[" + i + "]", "'" + code + "' is not one of " + List.copyOf(vocabulary)));
            } else if (codes.subList(0, i).contains(code)) {
                out.add(new Violation(field + "[" + i + "]", "'" + code + "' is named twice"));
            }
        }
        return out;
    }

    /** A device's type is one of the known device types. */
    public static List<Violation> deviceTypeIsKnown(String type, Collection<String> vocabulary) {
        if (type == null || type.isBlank()) {
            return required("type");
        }
        if (!vocabulary.contains(type)) {
            return List.of(new Violation("type", "'" + type + "' is not one of " + List.copyOf(vocabulary)));
        }
        return List.of();
    }

    /** Buffers before and after are 0 to 240 minutes. */
    public static List<Violation> buffersAreWithinFourHours(Integer before, Integer after) {
        List<Violation> out = new ArrayList<>();
        out.addAll(between("bufferBeforeMinutes", before, 0, BUFFER_MAX, "minutes"));
        out.addAll(between("bufferAfterMinutes", after, 0, BUFFER_MAX, "minutes"));
        return out;
    }

    private static List<Violation> between(String field, Integer value, int min, int max, String unit) {
        if (value == null) {
            return required(field);
        }
        if (value < min || value > max) {
            return List.of(new Violation(field, "must be " + min + "-" + max + " " + unit));
        }
        return List.of();
    }

    private static List<Violation> required(String field) {
        return List.of(new Violation(field, "is required"));
    }
}

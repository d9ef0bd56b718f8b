package com.clearskin.resources;

import com.clearskin.platform.Ids;
import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what a person typed (weekdays, times, dates, ids) into values, adding a violation that
 * names the field for each one that cannot be read. Plain Java, no framework.
 */
public final class ResourceInput {

    private ResourceInput() {
    }

    /** {@code monday} .. {@code sunday} in any case, or ISO numbers 1 (Monday) .. 7 (Sunday). */
    public static Optional<DayOfWeek> weekday(String field, String value, List<Violation> out) {
        if (value != null) {
            String v = value.strip();
            try {
                return Optional.of(DayOfWeek.of(Integer.parseInt(v)));
            } catch (NumberFormatException | DateTimeException e) {
                // not a number: try a name
            }
            try {
                return Optional.of(DayOfWeek.valueOf(v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        out.add(new Violation(field, "must be a weekday: monday, tuesday, ... sunday"));
        return Optional.empty();
    }

    /** A local time of day, {@code HH:mm}. */
    public static Optional<LocalTime> time(String field, String value, List<Violation> out) {
        if (value == null || value.isBlank()) {
            out.add(new Violation(field, "is required (a time such as 09:00)"));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(value.strip()));
        } catch (DateTimeParseException e) {
            out.add(new Violation(field, "'" + value + "' is not a time such as 09:00"));
            return Optional.empty();
        }
    }

    /** A local date, {@code YYYY-MM-DD}. */
    public static Optional<LocalDate> date(String field, String value, List<Violation> out) {
        if (value == null || value.isBlank()) {
            out.add(new Violation(field, "is required (a date such as 2026-12-24)"));
            return Optional.empty();
        }
        try {
            return Optional.of(InputRules.saneDate(field, LocalDate.parse(value.strip())));
        } catch (InvalidInputException e) { // outside the sane years
            out.addAll(e.violations());
            return Optional.empty();
        } catch (DateTimeParseException e) {
            out.add(new Violation(field, "'" + value + "' is not a date such as 2026-12-24"));
            return Optional.empty();
        }
    }

    /**
     * An instant entered as a local date-time in the clinic's zone ({@code 2026-12-24T13:00}), or
     * with its own offset. A local time that the clocks skip in the zone is refused; one that the
     * clocks repeat is the earlier of the two.
     */
    public static Optional<OffsetDateTime> instantInZone(String field, String value, ZoneId zone, List<Violation> out) {
        if (value == null || value.isBlank()) {
            out.add(new Violation(field, "is required (a date and time such as 2026-12-24T13:00)"));
            return Optional.empty();
        }
        String v = value.strip();
        try {
            OffsetDateTime time = OffsetDateTime.parse(v);
            if (!InputRules.isSaneInstant(time.toInstant())) {
                out.add(new Violation(field, InputRules.DATE_REASON));
                return Optional.empty();
            }
            return Optional.of(time.atZoneSameInstant(zone).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            // no offset: a local date-time
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            out.add(new Violation(field, "'" + value + "' is not a date and time such as 2026-12-24T13:00"));
            return Optional.empty();
        }
        if (!InputRules.isSaneDate(local.toLocalDate())) {
            out.add(new Violation(field, InputRules.DATE_REASON));
            return Optional.empty();
        }
        if (!ResourceRules.localTimeExists(zone, local)) {
            out.add(new Violation(field, local + " does not exist in " + zone.getId()
                    + " (the clocks skip it); choose a time after the change"));
            return Optional.empty();
        }
        return Optional.of(ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toOffsetDateTime());
    }

    /** An optional id: blank is none; anything else must be a UUID. */
    public static Optional<UUID> optionalId(String field, String value, List<Violation> out) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<UUID> id = Ids.parse(value);
        if (id.isEmpty()) {
            out.add(new Violation(field, "'" + value + "' is not an id"));
        }
        return id;
    }

    /**
     * Weekly hours, each with a weekday and start before end; violations are named
     * {@code field[i].weekday}, {@code field[i].start}, {@code field[i].end}. A missing list is empty.
     * Returns the intervals only when every entry could be read, in the order given.
     */
    public static List<WeeklyInterval> weeklyIntervals(String field, List<WeeklyHours> hours, List<Violation> out) {
        if (hours == null) {
            return List.of();
        }
        List<WeeklyInterval> intervals = new ArrayList<>();
        int before = out.size();
        for (int i = 0; i < hours.size(); i++) {
            String at = field + "[" + i + "]";
            WeeklyHours h = hours.get(i);
            if (h == null) {
                out.add(new Violation(at, "must be an object with weekday, start and end"));
                continue;
            }
            Optional<DayOfWeek> day = weekday(at + ".weekday", h.weekday(), out);
            Optional<LocalTime> start = time(at + ".start", h.start(), out);
            Optional<LocalTime> end = time(at + ".end", h.end(), out);
            if (day.isPresent() && start.isPresent() && end.isPresent()) {
                if (ResourceRules.startsBeforeItEnds(start.get(), end.get())) {
                    intervals.add(new WeeklyInterval(day.get(), start.get(), end.get()));
                } else {
                    out.add(new Violation(at + ".end", "must be after the start (" + start.get() + ")"));
                }
            }
        }
        return out.size() == before ? intervals : List.of();
    }
}

package com.clearskin.booking.web;

import com.clearskin.booking.Slot;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.Setting;
import com.clearskin.catalog.Treatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.TreatmentRequirement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the booking and calendar pages show, and how: treatments to choose, free times grouped by
 * the clinic's local day, dates and times in the clinic's zone with the zone named.
 */
final class ScheduleViews {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
    static final DateTimeFormatter TIME_WITH_ZONE = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.US);
    static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.US);
    static final DateTimeFormatter SHORT_WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.US);
    static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.US);
    static final DateTimeFormatter FULL_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US);
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.US);

    private ScheduleViews() {
    }

    /** A treatment a client or staff may choose: its length and its price. */
    public record TreatmentChoice(String code, String name, String summary, int minutes, String currency,
            BigDecimal priceMin, BigDecimal priceMax) {

        static TreatmentChoice of(ClinicTreatment clinicTreatment) {
            Treatment t = clinicTreatment.treatment();
            return new TreatmentChoice(t.code(), t.name(), t.summary(), t.duration().typicalMinutes(),
                    t.price().currency(), t.price().min(), t.price().max());
        }
    }

    /** A named choice in a list (a practitioner, a client). */
    public record Option(String id, String name) {
    }

    /** A free start time: its label, the instant it stands for, and where choosing it leads. */
    public record TimeChoice(String time, String start, String label, String href) {
    }

    /** The free times of one local day, and the same split into morning, afternoon and evening. */
    public record DayTimes(LocalDate date, String weekday, String dateLabel, List<TimeChoice> times,
            List<PartOfDay> parts) {
    }

    /** The free times of one part of a day. */
    public record PartOfDay(String name, List<TimeChoice> times) {
    }

    /** A refusal as the pages show it: what happened, why, and where to go instead. */
    public record Refusal(String title, String message, String rule, String allowedFrom, String allowedHref,
            String retryHref) {

        static Refusal of(String title, String message) {
            return new Refusal(title, message, null, null, null, null);
        }
    }

    /** The clinic's treatments that can be booked: active, done in the clinic, and set up for booking. */
    static List<TreatmentChoice> bookable(ClinicCatalog catalog, ClinicResources resources, Clinic clinic) {
        Set<String> bookable = new HashSet<>();
        resources.requirements(clinic).stream().filter(TreatmentRequirement::bookable)
                .forEach(r -> bookable.add(r.treatment()));
        return catalog.list(clinic).stream()
                .filter(t -> t.active() && t.treatment().setting() == Setting.CLINIC && bookable.contains(t.code()))
                .map(TreatmentChoice::of).toList();
    }

    /** The zone as people say it, e.g. "Pacific Time". */
    static String zoneName(ZoneId zone) {
        return zone.getDisplayName(TextStyle.FULL, Locale.US);
    }

    /**
     * Free slots grouped by the clinic's local day, earliest first. A local time that happens twice
     * on the day clocks go back is shown with its zone abbreviation, so the two are told apart.
     */
    static List<DayTimes> byDay(List<Slot> slots, ZoneId zone, Function<Slot, String> href) {
        Map<LocalDate, List<Slot>> days = new LinkedHashMap<>();
        for (Slot slot : slots) {
            days.computeIfAbsent(slot.start().atZoneSameInstant(zone).toLocalDate(), d -> new ArrayList<>()).add(slot);
        }
        List<DayTimes> result = new ArrayList<>();
        days.forEach((date, daySlots) -> {
            Map<String, Integer> seen = new HashMap<>();
            daySlots.forEach(s -> seen.merge(s.start().atZoneSameInstant(zone).format(TIME), 1, Integer::sum));
            String weekday = date.format(WEEKDAY);
            Map<String, List<TimeChoice>> parts = new LinkedHashMap<>();
            List<TimeChoice> times = new ArrayList<>();
            for (Slot s : daySlots) {
                ZonedDateTime local = s.start().atZoneSameInstant(zone);
                String time = local.format(seen.get(local.format(TIME)) > 1 ? TIME_WITH_ZONE : TIME);
                TimeChoice choice = new TimeChoice(time, s.start().toInstant().toString(),
                        weekday + " " + date.format(LONG_DATE) + " at " + time, href.apply(s));
                times.add(choice);
                parts.computeIfAbsent(partOfDay(local.getHour()), p -> new ArrayList<>()).add(choice);
            }
            result.add(new DayTimes(date, weekday, date.format(DAY_MONTH), times,
                    parts.entrySet().stream().map(e -> new PartOfDay(e.getKey(), e.getValue())).toList()));
        });
        return result;
    }

    static String partOfDay(int hour) {
        return hour < 12 ? "Morning" : hour < 17 ? "Afternoon" : "Evening";
    }

    /** "09:30–10:30" in the clinic's zone. */
    static String span(Instant start, Instant end, ZoneId zone) {
        return start.atZone(zone).format(TIME) + "–" + end.atZone(zone).format(TIME);
    }

    /** "14–20 May 2025", "28 Apr – 4 May 2025", "29 Dec 2025 – 4 Jan 2026". */
    static String range(LocalDate first, LocalDate last) {
        if (first.getYear() != last.getYear()) {
            return first.format(LONG_DATE) + " – " + last.format(LONG_DATE);
        }
        if (first.getMonth() != last.getMonth()) {
            return first.format(DAY_MONTH) + " – " + last.format(LONG_DATE);
        }
        return first.getDayOfMonth() + "–" + last.format(LONG_DATE);
    }

    /** A local date parameter; blank gives {@code fallback}; anything else that is not a date is a 400 naming it. */
    static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return InputRules.saneDate(field, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + value + "' is not a date: use YYYY-MM-DD");
        }
    }

    /** An id parameter; blank gives null; anything else that is not a UUID is a 400 naming it. */
    static UUID id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Ids.parse(value).orElseThrow(() -> new InvalidInputException(field, "'" + value + "' is not an id"));
    }

    /** A start time: an instant ({@code 2025-05-14T16:30:00Z}) or a time with an offset; required. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required: choose a time");
        }
        try {
            return InputRules.saneInstant(field, OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + value + "' is not a time such as 2025-05-14T09:30:00-07:00");
        }
    }
}

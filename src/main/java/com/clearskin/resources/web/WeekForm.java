package com.clearskin.resources.web;

import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.resources.WeeklyHours;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Weekly hours on a form: one text field per weekday ({@code openingHours.monday}) holding
 * "09:00-13:00, 14:00-19:00". Reads them into {@link WeeklyHours}, remembering which weekday each
 * came from so that the service's violations ({@code openingHours[3].end}) land on the right field.
 */
final class WeekForm {

    static final List<String> WEEKDAYS = java.util.Arrays.stream(DayOfWeek.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
    private static final Pattern RANGE = Pattern.compile("^\\s*(\\d{1,2}:\\d{2})\\s*[-\u2013\u2014]\\s*(\\d{1,2}:\\d{2})\\s*$");
    private static final Pattern INDEXED = Pattern.compile("^([a-zA-Z]+)\\[(\\d+)\\].*$");

    record Read(List<WeeklyHours> hours, List<String> weekdayOf) {
    }

    private WeekForm() {
    }

    /** The text for each weekday, e.g. monday -> "09:00-13:00, 14:00-19:00". */
    static Map<String, String> format(String prefix, List<WeeklyHours> hours) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String day : WEEKDAYS) {
            values.put(prefix + "." + day, hours.stream().filter(h -> h.weekday().equals(day))
                    .map(h -> h.start() + "-" + h.end()).collect(Collectors.joining(", ")));
        }
        return values;
    }

    static Read read(String prefix, Map<String, String> form, List<Violation> out) {
        List<WeeklyHours> hours = new ArrayList<>();
        List<String> weekdayOf = new ArrayList<>();
        for (String day : WEEKDAYS) {
            String text = form.getOrDefault(prefix + "." + day, "");
            if (text.isBlank()) {
                continue;
            }
            for (String part : text.split("[,;]")) {
                if (part.isBlank()) {
                    continue;
                }
                Matcher m = RANGE.matcher(part);
                if (!m.matches()) {
                    out.add(new Violation(prefix + "." + day, "'" + part.strip()
                            + "' is not a time range; write times such as 09:00-13:00, 14:00-18:00"));
                    continue;
                }
                hours.add(new WeeklyHours(day, pad(m.group(1)), pad(m.group(2))));
                weekdayOf.add(day);
            }
        }
        return new Read(hours, weekdayOf);
    }

    /** Maps a service field such as {@code breaks[2].end} to the form field of that entry's weekday. */
    static String formField(String field, Map<String, Read> reads) {
        Matcher m = INDEXED.matcher(field);
        if (m.matches() && reads.containsKey(m.group(1))) {
            List<String> days = reads.get(m.group(1)).weekdayOf();
            int i = Integer.parseInt(m.group(2));
            if (i < days.size()) {
                return m.group(1) + "." + days.get(i);
            }
        }
        return field;
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}

package com.clearskin.followups;

import com.clearskin.platform.InvalidInputException.Violation;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a clinic's message settings before they are saved, one named rule per method; each finding names its field. */
public final class MessageSettingsValidation {

    /** At most this many reminders, at most this many days before. */
    public static final int MAX_REMINDERS = 5;
    public static final int MAX_REMINDER_DAYS = 30;
    /** At most this many check-ins per treatment, at most this many days after the visit. */
    public static final int MAX_CHECK_INS = 6;
    public static final int MAX_CHECK_IN_DAY = 90;

    private MessageSettingsValidation() {
    }

    public static List<Violation> check(MessageSettings s, Set<String> treatments) {
        List<Violation> found = new ArrayList<>();
        reminderDays(s.reminderDaysBefore(), found);
        quietHours(s.quietHours(), found);
        checkInDays(s.checkInDays(), treatments, found);
        kinds(s.kinds(), found);
        return found;
    }

    static void reminderDays(List<Integer> days, List<Violation> found) {
        if (days.size() > MAX_REMINDERS || days.stream().anyMatch(d -> d == null || d < 1 || d > MAX_REMINDER_DAYS)
                || new HashSet<>(days).size() != days.size()) {
            found.add(new Violation("reminderDaysBefore", "is a list of at most " + MAX_REMINDERS + " different whole "
                    + "numbers of days from 1 to " + MAX_REMINDER_DAYS + " (empty: no reminders)"));
        }
    }

    static void quietHours(MessageSettings.QuietHours quiet, List<Violation> found) {
        if (quiet == null) {
            found.add(new Violation("quietHours", "is required: {\"from\": \"21:00\", \"until\": \"08:00\"}"));
            return;
        }
        time("quietHours.from", quiet.from(), found);
        time("quietHours.until", quiet.until(), found);
    }

    private static void time(String field, String value, List<Violation> found) {
        try {
            if (value == null || !value.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:mm", String.valueOf(value), 0);
            }
            LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            found.add(new Violation(field, "is a local time as HH:mm, like 21:00"));
        }
    }

    static void checkInDays(Map<String, List<Integer>> days, Set<String> treatments, List<Violation> found) {
        days.forEach((code, list) -> {
            String field = "checkInDays." + code;
            if (!treatments.contains(code)) {
                found.add(new Violation(field, "is not a treatment of this clinic"));
            } else if (list == null || list.isEmpty() || list.size() > MAX_CHECK_INS
                    || list.stream().anyMatch(d -> d == null || d < 1 || d > MAX_CHECK_IN_DAY)
                    || new HashSet<>(list).size() != list.size()) {
                found.add(new Violation(field, "is a list of 1 to " + MAX_CHECK_INS + " different days after the visit, "
                        + "from 1 to " + MAX_CHECK_IN_DAY));
            }
        });
    }

    static void kinds(Map<String, Boolean> kinds, List<Violation> found) {
        kinds.forEach((code, on) -> {
            if (FollowUpKind.fromCode(code).isEmpty()) {
                found.add(new Violation("kinds." + code, "is not one of confirmation, reminder, before-care, aftercare, "
                        + "check-in, rebook"));
            } else if (on == null) {
                found.add(new Violation("kinds." + code, "is true or false"));
            }
        });
    }
}

package com.clearskin.followups;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clinic's settings of the messages around a visit: the reminders' days before the visit, the
 * quiet hours (local time, "HH:mm"), the check-in days per treatment (a treatment not listed takes
 * the default from its downtime, {@link FollowUpTiming#checkInDays}) and which kinds are sent at all.
 */
public record MessageSettings(List<Integer> reminderDaysBefore, QuietHours quietHours,
        Map<String, List<Integer>> checkInDays, Map<String, Boolean> kinds) {

    /** Non-urgent messages wait from {@code from} until {@code until} (local time; wraps midnight). */
    public record QuietHours(String from, String until) {
    }

    /** Reminders 3 and 1 days before (the trial of 54,066 patients, docs/follow-ups.md); quiet 21:00–08:00; all kinds on. */
    public static final MessageSettings DEFAULTS = new MessageSettings(List.of(3, 1), new QuietHours("21:00", "08:00"),
            Map.of(), allOn());

    public MessageSettings {
        reminderDaysBefore = reminderDaysBefore == null ? List.of() : List.copyOf(reminderDaysBefore);
        checkInDays = checkInDays == null ? Map.of() : Map.copyOf(checkInDays);
        Map<String, Boolean> all = new LinkedHashMap<>(allOn());
        if (kinds != null) {
            all.putAll(kinds);
        }
        kinds = java.util.Collections.unmodifiableMap(all);
    }

    private static Map<String, Boolean> allOn() {
        Map<String, Boolean> on = new LinkedHashMap<>();
        Arrays.stream(FollowUpKind.values()).forEach(k -> on.put(k.code(), true));
        return on;
    }

    /** Whether this kind of message is sent. */
    public boolean sends(FollowUpKind kind) {
        return !Boolean.FALSE.equals(kinds.get(kind.code()));
    }

    public LocalTime quietFrom() {
        return LocalTime.parse(quietHours.from());
    }

    public LocalTime quietUntil() {
        return LocalTime.parse(quietHours.until());
    }

    /** The check-in days for a treatment: the clinic's, or the default from its downtime. */
    public List<Integer> checkInDaysFor(String treatment, int downtimeMaxDays) {
        List<Integer> own = checkInDays.get(treatment);
        return own != null ? own : FollowUpTiming.checkInDays(downtimeMaxDays);
    }
}

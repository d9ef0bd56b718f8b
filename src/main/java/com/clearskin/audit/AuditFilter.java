package com.clearskin.audit;

import com.clearskin.platform.Coded;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which events to show, newest first: from (inclusive) and to (exclusive) instants, a client, an
 * actor, an action, at most {@code limit} events older than the {@code cursor} (the id of the
 * last event of the previous page). Unset fields do not filter.
 */
public record AuditFilter(Instant from, Instant to, UUID clientId, UUID actorId, AuditAction action, int limit,
        Long cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_EXPORT = 10_000;

    /** Every event, a page at a time. */
    public static AuditFilter all(int limit) {
        return new AuditFilter(null, null, null, null, null, limit, null);
    }

    public AuditFilter forClient(UUID client) {
        return new AuditFilter(from, to, client, actorId, action, limit, cursor);
    }

    public AuditFilter after(Long nextCursor) {
        return new AuditFilter(from, to, clientId, actorId, action, limit, nextCursor);
    }

    /**
     * Reads the filter as a request gives it. A date without a time is a day in the clinic's zone:
     * {@code from} its start, {@code to} its end (so from=to=a day is that whole day). Every wrong
     * field is reported at once, by name.
     */
    public static AuditFilter parse(String from, String to, String clientId, String actorId, String action,
            String limit, String cursor, ZoneId zone, int maxLimit) {
        List<Violation> violations = new ArrayList<>();
        Instant start = instant("from", from, zone, false, violations);
        Instant end = instant("to", to, zone, true, violations);
        if (start != null && end != null && !end.isAfter(start)) {
            violations.add(new Violation("to", "must be after from"));
        }
        UUID client = uuid("clientId", clientId, violations);
        UUID actor = uuid("actorId", actorId, violations);
        AuditAction act = null;
        if (present(action)) {
            Optional<AuditAction> found = AuditAction.fromCode(action.strip());
            if (found.isEmpty()) {
                violations.add(new Violation("action", "must be one of " + Coded.codes(AuditAction.class)));
            } else {
                act = found.get();
            }
        }
        int size = number("limit", limit, 1, maxLimit, Math.min(DEFAULT_LIMIT, maxLimit), violations).intValue();
        Long after = present(cursor) ? number("cursor", cursor, 1, Long.MAX_VALUE, 0, violations) : null;
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new AuditFilter(start, end, client, actor, act, size, after);
    }

    static Instant instant(String field, String text, ZoneId zone, boolean endOfDay, List<Violation> violations) {
        if (!present(text)) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = InputRules.saneDate(field, LocalDate.parse(value));
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return InputRules.saneInstant(field, Instant.parse(value));
        } catch (InvalidInputException e) { // outside the sane years
            violations.addAll(e.violations());
            return null;
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date (2026-11-22) or an instant (2026-11-22T09:30:00Z)"));
            return null;
        }
    }

    static UUID uuid(String field, String text, List<Violation> violations) {
        if (!present(text)) {
            return null;
        }
        return Ids.optional(field, text, violations).orElse(null);
    }

    static Long number(String field, String text, long min, long max, long fallback, List<Violation> violations) {
        if (!present(text)) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation(field, max == Long.MAX_VALUE ? "must be a cursor given by a previous page"
                : "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}

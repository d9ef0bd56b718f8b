package com.clearskin.waitlist;

import com.clearskin.platform.Ids;
import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.resources.DateSpan;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request to wait for a treatment: for which client, which treatment (its code), the first and
 * last local dates that would do, and optionally one practitioner. Fields arrive as text so that
 * each wrong one is named.
 */
public record NewWaitlistEntry(String clientId, String treatment, String from, String to, String practitionerId) {

    /** The longest window one entry may wait in, as for availability searches. */
    public static final int MAX_WINDOW_DAYS = 92;
    private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    /** The request, checked field by field: every wrong field is named at once. */
    public record Checked(UUID clientId, String treatment, DateSpan window, UUID practitionerId) {
    }

    public Checked check(LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        UUID client = uuid("clientId", clientId, true, violations);
        UUID practitioner = uuid("practitionerId", practitionerId, false, violations);
        String code = treatment == null ? "" : treatment.strip();
        if (code.isEmpty()) {
            violations.add(new Violation("treatment", "is required"));
        } else if (code.length() > 100 || !CODE.matcher(code).matches()) {
            violations.add(new Violation("treatment", "must be a treatment code such as chemical-peel"));
        }
        LocalDate first = date("from", from, violations);
        LocalDate last = date("to", to, violations);
        if (first != null && first.isBefore(today)) {
            violations.add(new Violation("from", "must be today (" + today + ") or later"));
        }
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                violations.add(new Violation("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_WINDOW_DAYS) {
                violations.add(new Violation("to", "the window may span at most " + MAX_WINDOW_DAYS + " days"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Checked(client, code, new DateSpan(first, last), practitioner);
    }

    private static UUID uuid(String field, String text, boolean required, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
            return null;
        }
        return Ids.optional(field, text, violations).orElse(null);
    }

    private static LocalDate date(String field, String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Violation(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return InputRules.saneDate(field, LocalDate.parse(text.strip()));
        } catch (InvalidInputException e) { // outside the sane years
            violations.addAll(e.violations());
            return null;
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date YYYY-MM-DD"));
            return null;
        }
    }
}

package com.clearskin.clinics;

import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The command to open a clinic. */
public record NewClinic(String slug, String name, String timeZone, String currency, String jurisdiction) {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    /** Checks every field and reports all that are wrong at once. */
    public void validate() {
        List<Violation> violations = new ArrayList<>();
        if (slug == null || !SLUG.matcher(slug).matches()) {
            violations.add(new Violation("slug", "must be 1-63 lower-case letters, digits or inner hyphens"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            violations.add(new Violation("name", "must be 1-200 characters"));
        }
        try {
            ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            violations.add(new Violation("timeZone", "must be an IANA time zone such as Europe/London"));
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            violations.add(new Violation("currency", "must be a three-letter ISO 4217 code such as USD"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}

package com.clearskin.consent;

import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A consent form as written or edited: its title, the treatments (catalog codes) it covers, its
 * text, and optionally how many months a signature holds (the clinic's setting when left out).
 */
public record ConsentFormDraft(String title, List<String> treatments, String text, Integer validMonths) {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 30_000;

    /** The draft, checked field by field against the clinic's treatment codes; every wrong field is named. */
    public ConsentFormDraft check(Set<String> clinicTreatments, int defaultMonths) {
        List<Violation> violations = new ArrayList<>();
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            violations.add(new Violation("title", "is required"));
        } else if (t.length() > MAX_TITLE) {
            violations.add(new Violation("title", "must be at most " + MAX_TITLE + " characters"));
        }
        List<String> codes = new ArrayList<>();
        if (treatments == null || treatments.isEmpty()) {
            violations.add(new Violation("treatments", "must name at least one treatment"));
        } else {
            for (int i = 0; i < treatments.size(); i++) {
                String code = treatments.get(i) == null ? "" : treatments.get(i).strip();
                if (!clinicTreatments.contains(code)) {
                    violations.add(new Violation("treatments[" + i + "]", "'" + code + "' is not a treatment of the clinic"));
                } else if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            violations.add(new Violation("text", "is required"));
        } else if (body.length() > MAX_TEXT) {
            violations.add(new Violation("text", "must be at most " + MAX_TEXT + " characters"));
        }
        int months = validMonths == null ? defaultMonths : validMonths;
        if (months < 1 || months > 120) {
            violations.add(new Violation("validMonths", "must be from 1 to 120 months"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ConsentFormDraft(t, codes, body, months);
    }
}

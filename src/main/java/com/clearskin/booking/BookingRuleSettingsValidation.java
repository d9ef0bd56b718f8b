package com.clearskin.booking;

import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a clinic's booking-rule data must satisfy: one named method per rule, each with its own test. */
final class BookingRuleSettingsValidation {

    static final int MAX_RECOVERY_DAYS = 365;

    private BookingRuleSettingsValidation() {
    }

    /** Every violation, by field name as the API spells it; {@code treatments} is the clinic's catalog. */
    static List<Violation> check(BookingRuleSettings s, Set<String> treatments) {
        List<Violation> v = new ArrayList<>();
        groupNamesKnownTreatments(s, treatments, v);
        groupNamesEachTreatmentOnce(s, v);
        recoveryDaysAreForKnownTreatments(s, treatments, v);
        recoveryDaysAreInRange(s, v);
        return v;
    }

    static void groupNamesKnownTreatments(BookingRuleSettings s, Set<String> treatments, List<Violation> v) {
        for (String code : s.recoveryGroup().treatments()) {
            if (code == null || !treatments.contains(code)) {
                v.add(new Violation("recoveryGroup.treatments", "'" + code + "' is not a treatment of the clinic's catalog"));
            }
        }
    }

    static void groupNamesEachTreatmentOnce(BookingRuleSettings s, List<Violation> v) {
        Set<String> seen = new HashSet<>();
        for (String code : s.recoveryGroup().treatments()) {
            if (code != null && !seen.add(code)) {
                v.add(new Violation("recoveryGroup.treatments", "names '" + code + "' twice"));
            }
        }
    }

    static void recoveryDaysAreForKnownTreatments(BookingRuleSettings s, Set<String> treatments, List<Violation> v) {
        s.recoveryDays().keySet().stream().filter(code -> !treatments.contains(code)).sorted()
                .forEach(code -> v.add(new Violation("recoveryDays." + code, "is not a treatment of the clinic's catalog")));
    }

    static void recoveryDaysAreInRange(BookingRuleSettings s, List<Violation> v) {
        s.recoveryDays().entrySet().stream()
                .filter(e -> e.getValue() == null || e.getValue().value() < 0 || e.getValue().value() > MAX_RECOVERY_DAYS)
                .map(e -> e.getKey()).sorted()
                .forEach(code -> v.add(new Violation("recoveryDays." + code, "must be 0-" + MAX_RECOVERY_DAYS + " days")));
    }
}

package com.clearskin.recommendation;

import com.clearskin.catalog.InvasivenessLevel;
import com.clearskin.platform.Coded;
import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What makes a clinic's rule settings coherent: each number in its range, each treatment known. */
final class RuleSettingsValidation {

    static final int MAX_WASHOUT_MONTHS = 60;
    static final int MAX_PAUSE_DAYS = 90;
    static final int MAX_AGE = 100;

    private RuleSettingsValidation() {
    }

    static List<Violation> check(RuleSettings s, Set<String> treatments) {
        List<Violation> v = new ArrayList<>();
        perTreatment("isotretinoinWashoutMonths", s.isotretinoinWashoutMonths(), 0, MAX_WASHOUT_MONTHS, treatments, v);
        perTreatment("topicalRetinoidPauseDays", s.topicalRetinoidPauseDays(), 0, MAX_PAUSE_DAYS, treatments, v);
        perTreatment("minimumAge", s.minimumAge(), 0, MAX_AGE, treatments, v);
        if (s.fitzpatrickRiskFrom() == null || s.fitzpatrickRiskFrom().value() < 1
                || s.fitzpatrickRiskFrom().value() > 7) {
            v.add(new Violation("fitzpatrickRiskFrom", "must be a Fitzpatrick type from 1 to 6, or 7 for never"));
        }
        if (s.recommendedScore() == null || s.recommendedScore().value() < 0 || s.recommendedScore().value() > 100) {
            v.add(new Violation("recommendedScore", "must be between 0 and 100"));
        }
        s.firstLevel().forEach((concern, levels) -> {
            String at = "firstLevel." + concern.code();
            if (levels == null || levels.mild() == null || levels.moderate() == null || levels.severe() == null) {
                v.add(new Violation(at, "must give a level for mild, moderate and severe: one of "
                        + Coded.codes(InvasivenessLevel.class)));
            } else if (levels.moderate().gentlerThan(levels.mild()) || levels.severe().gentlerThan(levels.moderate())) {
                v.add(new Violation(at, "must not be gentler for a more severe concern (mild <= moderate <= severe)"));
            }
        });
        if (s.planImprovementThresholdPercent() != null && (s.planImprovementThresholdPercent().value() < 1
                || s.planImprovementThresholdPercent().value() > 100)) {
            v.add(new Violation("planImprovementThresholdPercent", "must be a percentage from 1 to 100"));
        }
        if (s.homeRoutineIsotretinoinMonths() != null && (s.homeRoutineIsotretinoinMonths().value() < 0
                || s.homeRoutineIsotretinoinMonths().value() > MAX_WASHOUT_MONTHS)) {
            v.add(new Violation("homeRoutineIsotretinoinMonths", "must be between 0 and " + MAX_WASHOUT_MONTHS));
        }
        s.homeCleansingCadenceDays().forEach((type, range) -> {
            if (range == null || range.min() < 1 || range.max() < range.min() || range.max() > 365) {
                v.add(new Violation("homeCleansingCadenceDays." + type.code(),
                        "must be days from 1 to 365, the maximum at least the minimum"));
            }
        });
        return v;
    }

    private static void perTreatment(String field, Map<String, RuleSettings.Setting> values, int min, int max,
            Set<String> treatments, List<Violation> v) {
        values.forEach((code, setting) -> {
            if (!treatments.contains(code)) {
                v.add(new Violation(field + "." + code, "is not a treatment of the catalog"));
            } else if (setting == null || setting.value() < min || setting.value() > max) {
                v.add(new Violation(field + "." + code, "must be between " + min + " and " + max));
            }
        });
    }
}

package com.clearskin.recommendation;

import com.clearskin.assessment.ConcernSeverity;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.InvasivenessLevel;
import com.clearskin.catalog.SkinType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbers of the rules, where the sources disagree or a clinic may choose: washouts, pauses,
 * minimum ages, cadences. Each value names its sources. Defaults ship in
 * {@code recommendation/rule-settings.json}; a clinic may keep its own.
 */
public record RuleSettings(
        Map<String, Setting> isotretinoinWashoutMonths,
        Map<String, Setting> topicalRetinoidPauseDays,
        Map<String, Setting> minimumAge,
        Setting fitzpatrickRiskFrom,
        Map<SkinType, Range> homeCleansingCadenceDays,
        Setting recommendedScore,
        Map<Concern, FirstLevel> firstLevel,
        Setting planImprovementThresholdPercent,
        Setting homeRoutineIsotretinoinMonths) {

    /** Settings without the step-up table, the plan threshold and the routine's isotretinoin pause. */
    public RuleSettings(Map<String, Setting> isotretinoinWashoutMonths, Map<String, Setting> topicalRetinoidPauseDays,
            Map<String, Setting> minimumAge, Setting fitzpatrickRiskFrom, Map<SkinType, Range> homeCleansingCadenceDays,
            Setting recommendedScore) {
        this(isotretinoinWashoutMonths, topicalRetinoidPauseDays, minimumAge, fitzpatrickRiskFrom,
                homeCleansingCadenceDays, recommendedScore, null, null, null);
    }

    public RuleSettings {
        isotretinoinWashoutMonths = Map.copyOf(isotretinoinWashoutMonths == null ? Map.of() : isotretinoinWashoutMonths);
        topicalRetinoidPauseDays = Map.copyOf(topicalRetinoidPauseDays == null ? Map.of() : topicalRetinoidPauseDays);
        minimumAge = Map.copyOf(minimumAge == null ? Map.of() : minimumAge);
        homeCleansingCadenceDays = Map.copyOf(homeCleansingCadenceDays == null ? Map.of() : homeCleansingCadenceDays);
        firstLevel = Map.copyOf(firstLevel == null ? Map.of() : firstLevel);
    }

    /**
     * The least invasive level that is a real option for a concern, at each severity: the step-up
     * rule recommends nothing more invasive until it was tried. Mild never above moderate, moderate
     * never above severe.
     */
    public record FirstLevel(InvasivenessLevel mild, InvasivenessLevel moderate, InvasivenessLevel severe,
            List<String> sources, String note) {
        public FirstLevel {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        public InvasivenessLevel at(ConcernSeverity severity) {
            return switch (severity) {
                case MILD -> mild;
                case MODERATE -> moderate;
                case SEVERE -> severe;
            };
        }
    }

    /**
     * The first real level for the concern at that severity; a concern the settings do not name starts
     * at the least invasive level (whatever level fits it first).
     */
    public InvasivenessLevel firstLevel(Concern concern, ConcernSeverity severity) {
        FirstLevel f = firstLevel.get(concern);
        InvasivenessLevel level = f == null ? null : f.at(severity);
        return level == null ? InvasivenessLevel.NON_INVASIVE : level;
    }

    /**
     * These settings with what they leave out taken from {@code defaults}: a clinic's settings saved
     * before a setting existed get the sourced default for it.
     */
    public RuleSettings withDefaultsFrom(RuleSettings defaults) {
        Map<Concern, FirstLevel> levels = new java.util.EnumMap<>(Concern.class);
        levels.putAll(defaults.firstLevel());
        levels.putAll(firstLevel);
        return new RuleSettings(isotretinoinWashoutMonths, topicalRetinoidPauseDays, minimumAge,
                fitzpatrickRiskFrom == null ? defaults.fitzpatrickRiskFrom() : fitzpatrickRiskFrom,
                homeCleansingCadenceDays.isEmpty() ? defaults.homeCleansingCadenceDays() : homeCleansingCadenceDays,
                recommendedScore == null ? defaults.recommendedScore() : recommendedScore, levels,
                planImprovementThresholdPercent == null ? defaults.planImprovementThresholdPercent()
                        : planImprovementThresholdPercent,
                homeRoutineIsotretinoinMonths == null ? defaults.homeRoutineIsotretinoinMonths()
                        : homeRoutineIsotretinoinMonths);
    }

    /** The measured improvement (percent) under which a plan steps up; 10 when the settings give none. */
    public int improvementThreshold() {
        return planImprovementThresholdPercent == null ? 10 : planImprovementThresholdPercent.value();
    }

    /** How long after isotretinoin the at-home routine stays gentle, in months (0: not at all). */
    public int homeIsotretinoinMonths() {
        return homeRoutineIsotretinoinMonths == null ? 6 : homeRoutineIsotretinoinMonths.value();
    }

    /** A number with the sources that give it, and a note where they disagree. */
    public record Setting(int value, List<String> sources, String note) {
        public Setting {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** A range of days with its sources. */
    public record Range(int min, int max, List<String> sources) {
        public Range {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** The sourced defaults that ship in {@code recommendation/rule-settings.json}. */
    public static RuleSettings fromClasspath(JsonMapper json) {
        try (InputStream in = RuleSettings.class.getResourceAsStream("/recommendation/rule-settings.json")) {
            if (in == null) {
                throw new IllegalStateException("recommendation/rule-settings.json is not on the class path");
            }
            return json.readValue(in, RuleSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read recommendation/rule-settings.json", e);
        }
    }

    public int washoutMonths(String treatment) {
        Setting s = isotretinoinWashoutMonths.get(treatment);
        return s == null ? 0 : s.value();
    }

    public int retinoidPauseDays(String treatment) {
        Setting s = topicalRetinoidPauseDays.get(treatment);
        return s == null ? 0 : s.value();
    }

    public Integer minimumAge(String treatment) {
        Setting s = minimumAge.get(treatment);
        return s == null ? null : s.value();
    }
}

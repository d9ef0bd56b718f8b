package com.clearskin.recommendation;

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
        Setting recommendedScore) {

    public RuleSettings {
        isotretinoinWashoutMonths = Map.copyOf(isotretinoinWashoutMonths == null ? Map.of() : isotretinoinWashoutMonths);
        topicalRetinoidPauseDays = Map.copyOf(topicalRetinoidPauseDays == null ? Map.of() : topicalRetinoidPauseDays);
        minimumAge = Map.copyOf(minimumAge == null ? Map.of() : minimumAge);
        homeCleansingCadenceDays = Map.copyOf(homeCleansingCadenceDays == null ? Map.of() : homeCleansingCadenceDays);
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

package com.clearskin.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.AssessmentParser;
import com.clearskin.catalog.DefaultCatalog;
import com.clearskin.catalog.SkinType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RecommendationSmokeTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theDefaultSettingsAndCatalogGiveAVerdictForEveryTreatment() throws Exception {
        DefaultCatalog catalog = DefaultCatalog.fromClasspath(JSON);
        RuleSettings settings;
        try (var in = getClass().getResourceAsStream("/recommendation/rule-settings.json")) {
            settings = JSON.readValue(in, RuleSettings.class);
        }
        assertThat(settings.homeCleansingCadenceDays().get(SkinType.OILY).min()).isEqualTo(7);
        Assessment a = AssessmentParser.parse(JSON.readTree("""
                {"age": 30, "skinType": "oily", "fitzpatrick": 2, "concerns": ["blackheads", "enlarged-pores"],
                 "bodyAreas": ["face"], "isotretinoinLastTaken": "never", "topicalRetinoidLastUsed": "never",
                 "medical": {"pregnantOrBreastfeeding": false, "activeInfectionInArea": false, "coldSoreHistory": false,
                   "sunburnOrRecentTan": false, "openWoundsInArea": false, "keloidTendency": false,
                   "rosaceaOrEczemaFlare": false, "psoriasisFlare": false, "photosensitizingMedication": false,
                   "autoimmuneOrImmunosuppressed": false, "recentChemotherapy": false, "skinCancerInArea": false,
                   "pacemakerOrMetalInArea": false, "epilepsy": false, "salicylateAllergy": false},
                 "asOf": "2026-11-21"}"""), LocalDate.of(2026, 11, 21));
        Recommendation r = new RecommendationEngine(ids -> String.join(", ", ids))
                .recommend(a, catalog.all(), settings, "US-CA");
        assertThat(r.treatments()).hasSize(catalog.all().size());
        assertThat(r.treatments().get(0).verdict()).isEqualTo(Verdict.RECOMMENDED);
        assertThat(r.homeCare().exfoliant().ingredient()).contains("salicylic");
        r.treatments().forEach(t -> System.out.println(t.code() + " " + t.verdict() + " " + t.score() + " "
                + t.reasons().stream().map(Reason::rule).toList()));
    }
}

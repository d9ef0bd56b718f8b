package com.clearskin.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.hygiene.SterilizationRules.Minimum;
import com.clearskin.platform.InvalidInputException.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings document: sourced defaults, and each wrong field named. */
class SterilizationSettingsTest {

    @Test
    void theDefaultsAreTheCdcMinimumsWithEventRelatedExpiryAndAWarningForOverdueTests() {
        SterilizationSettings d = SterilizationSettings.defaults();
        assertThat(d.violations()).isEmpty();
        assertThat(d.minimums()).containsKeys("steam-gravity", "steam-prevacuum", "dry-heat");
        assertThat(d.shelfLifeDays()).isNull();
        assertThat(d.blockOnOverdueSporeTest()).isFalse();
        assertThat(d.sources()).anyMatch(s -> s.contains("CDC"));
        assertThat(d.toMinimums()).isEqualTo(SterilizationRules.Minimums.cdc2008());
    }

    @Test
    void everyWrongFieldIsNamed() {
        Map<String, List<Minimum>> minimums = new LinkedHashMap<>(SterilizationSettings.defaults().minimums());
        minimums.put("steam-prevacuum", List.of(new Minimum(121, 4)));
        minimums.put("dry-heat", List.of());
        minimums.put("microwave", List.of(new Minimum(200, 10)));
        minimums.put("steam-gravity", List.of(new Minimum(400, 30)));
        List<String> fields = new SterilizationSettings(minimums, 0, false, List.of()).violations().stream()
                .map(Violation::field).toList();
        assertThat(fields).contains("minimums.steam-prevacuum[0]", "minimums.dry-heat", "minimums.microwave",
                "minimums.steam-gravity[0]", "shelfLifeDays");
    }

    @Test
    void aChangedDocumentNamesTheClinicAsASource() {
        SterilizationSettings d = SterilizationSettings.defaults();
        SterilizationSettings changed = new SterilizationSettings(d.minimums(), 30, false, List.of());
        assertThat(ClinicSterilizationSettings.attribute(d, changed).sources()).contains(ClinicSterilizationSettings.CHANGED_BY_CLINIC);
        assertThat(ClinicSterilizationSettings.attribute(d, d).sources()).doesNotContain(ClinicSterilizationSettings.CHANGED_BY_CLINIC);
    }
}

package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BookingRuleSettingsValidationTest {

    static final Set<String> CATALOG = Set.of("chemical-peel", "microneedling", "led-therapy");

    static BookingRuleSettings settings(List<String> group, Map<String, Integer> days) {
        Map<String, BookingRuleSettings.Days> d = new java.util.HashMap<>();
        days.forEach((k, v) -> d.put(k, new BookingRuleSettings.Days(v, List.of(), null)));
        return new BookingRuleSettings(new BookingRuleSettings.Group(group, List.of(), null), d);
    }

    @Test
    void theShippedDefaultsPassOverTheDefaultCatalog() {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> codes = new java.util.HashSet<>();
        com.clearskin.catalog.DefaultCatalog.fromClasspath(json).all().forEach(t -> codes.add(t.code()));
        assertThat(BookingRuleSettingsValidation.check(BookingRuleSettings.fromClasspath(json), codes)).isEmpty();
    }

    @Test
    void groupNamesKnownTreatments() {
        List<Violation> v = new ArrayList<>();
        BookingRuleSettingsValidation.groupNamesKnownTreatments(settings(List.of("chemical-peel", "facelift"), Map.of()),
                CATALOG, v);
        assertThat(v).extracting(Violation::field).containsExactly("recoveryGroup.treatments");
        assertThat(v.get(0).reason()).contains("facelift");
    }

    @Test
    void groupNamesEachTreatmentOnce() {
        List<Violation> v = new ArrayList<>();
        BookingRuleSettingsValidation.groupNamesEachTreatmentOnce(
                settings(List.of("chemical-peel", "chemical-peel"), Map.of()), v);
        assertThat(v).hasSize(1);
        assertThat(v.get(0).reason()).contains("twice");
    }

    @Test
    void recoveryDaysAreForKnownTreatments() {
        List<Violation> v = new ArrayList<>();
        BookingRuleSettingsValidation.recoveryDaysAreForKnownTreatments(settings(List.of(), Map.of("facelift", 3)),
                CATALOG, v);
        assertThat(v).extracting(Violation::field).containsExactly("recoveryDays.facelift");
    }

    @Test
    void recoveryDaysAreInRange() {
        List<Violation> v = new ArrayList<>();
        BookingRuleSettingsValidation.recoveryDaysAreInRange(
                settings(List.of(), Map.of("microneedling", -1, "chemical-peel", 366, "led-therapy", 365)), v);
        assertThat(v).extracting(Violation::field).containsExactly("recoveryDays.chemical-peel",
                "recoveryDays.microneedling");
    }
}

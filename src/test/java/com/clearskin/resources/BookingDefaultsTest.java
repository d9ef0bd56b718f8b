package com.clearskin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.catalog.DefaultCatalog;
import com.clearskin.catalog.Setting;
import com.clearskin.catalog.Treatment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking defaults follow from the catalog: every piece of equipment of a clinic treatment is a
 * room capability, a device type, or named as not booked, and each treatment's defaults say exactly
 * that; every source cited exists.
 */
class BookingDefaultsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final BookingDefaults DEFAULTS = BookingDefaults.load(JSON);
    static final DefaultCatalog CATALOG = DefaultCatalog.fromClasspath(JSON);

    @Test
    void theDefaultsKeepTheRulesAClinicsEditsKeep() {
        assertThat(DEFAULTS.check()).isEmpty();
        assertThat(DEFAULTS.capabilityCodes()).contains("facial-bed", "body-treatment-bed", "laser-safe");
        assertThat(DEFAULTS.deviceTypeCodes()).contains("steamer", "microdermabrasion-unit", "microneedling-pen",
                "ablative-laser", "non-ablative-laser", "hydradermabrasion-unit", "led-panel", "high-frequency-device");
    }

    @Test
    void everyCatalogTreatmentHasDefaultsAndNothingElseDoes() {
        List<String> codes = CATALOG.all().stream().map(Treatment::code).toList();
        assertThat(DEFAULTS.treatments().keySet()).containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void roomsAndDevicesAreDerivedFromTheCatalogsEquipment() {
        Map<String, String> capabilityOf = new HashMap<>();
        DEFAULTS.roomCapabilities().forEach(c -> c.equipment().forEach(e -> capabilityOf.put(e, c.code())));
        SoftAssertions soft = new SoftAssertions();
        for (Treatment t : CATALOG.all()) {
            BookingDefaults.Need need = DEFAULTS.need(t.code()).orElseThrow();
            if (t.setting() != Setting.CLINIC) {
                soft.assertThat(need.bookable()).as(t.code() + " is done at home").isFalse();
                continue;
            }
            List<String> capabilities = new ArrayList<>();
            List<String> devices = new ArrayList<>();
            for (String item : t.equipment()) {
                if (capabilityOf.containsKey(item)) {
                    capabilities.add(capabilityOf.get(item));
                } else if (DEFAULTS.deviceTypeCodes().contains(item)) {
                    devices.add(item);
                } else {
                    soft.assertThat(DEFAULTS.notBooked().equipment()).as(t.code() + ": " + item + " is classified")
                            .contains(item);
                }
            }
            soft.assertThat(need.bookable()).as(t.code()).isTrue();
            soft.assertThat(need.roomCapabilities()).as(t.code() + " rooms")
                    .containsExactlyInAnyOrderElementsOf(capabilities);
            soft.assertThat(need.deviceTypes()).as(t.code() + " devices").containsExactlyInAnyOrderElementsOf(devices);
        }
        soft.assertAll();
    }

    @Test
    void theHomeRoutineIsNotBookableAndTreatmentsWithToolsHaveCleaningTime() {
        assertThat(DEFAULTS.need("home-deep-pore-cleansing").orElseThrow().bookable()).isFalse();
        for (String code : List.of("extraction-facial", "deep-pore-cleansing", "back-facial", "microneedling")) {
            assertThat(DEFAULTS.need(code).orElseThrow().bufferAfterMinutes()).as(code).isGreaterThanOrEqualTo(15);
        }
    }

    @Test
    void everySourceIsCitedByAKnownId() {
        SoftAssertions soft = new SoftAssertions();
        DEFAULTS.treatments().forEach((code, need) -> {
            soft.assertThat(need.sources()).as(code).isNotEmpty();
            need.sources().forEach(s -> soft.assertThat(CATALOG.sources()).as(code + " cites " + s).containsKey(s));
            soft.assertThat(need.note()).as(code).isNotBlank();
        });
        DEFAULTS.settings().sources().forEach(s -> soft.assertThat(CATALOG.sources()).containsKey(s));
        soft.assertAll();
    }
}

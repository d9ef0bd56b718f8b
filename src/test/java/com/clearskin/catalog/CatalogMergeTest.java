package com.clearskin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** New catalog facts reach a clinic's edited copy where the clinic did not change them; its own values stay. */
class CatalogMergeTest {

    static final DefaultCatalog DEFAULTS = DefaultCatalog.fromClasspath(JsonMapper.builder().build());

    /** A clinic copy from before invasiveness and the reviewed contraindications. */
    static Treatment old(Treatment current, List<Treatment.Contraindication> contraindications) {
        return current.withInvasiveness(null).withContraindications(contraindications);
    }

    @Test
    void aCopyWithoutInvasivenessOrANewContraindicationGetsThem() {
        Treatment def = DEFAULTS.require("microneedling");
        Treatment copy = old(def, def.contraindications().stream().filter(c -> !c.code().equals("sunburn-or-tan"))
                .toList());

        CatalogMerge.Result r = CatalogMerge.merge(copy, def);

        assertThat(r.merged().invasiveness()).isEqualTo(def.invasiveness());
        assertThat(r.merged().contraindications()).extracting(Treatment.Contraindication::code)
                .contains("sunburn-or-tan");
        assertThat(r.changes()).contains("invasiveness", "contraindications.sunburn-or-tan (added)");
        assertThat(CatalogMerge.conflicts(r.merged(), def)).isEmpty();
    }

    @Test
    void aContraindicationTheClinicNeverChangedTakesTheNewDefault() {
        Treatment def = DEFAULTS.require("microdermabrasion");
        Treatment copy = old(def, def.contraindications().stream().map(c -> c.code().equals("rosacea-or-eczema-flare")
                ? new Treatment.Contraindication(c.code(), Severity.RELATIVE, "Rosacea.", List.of("ref-15"), null, false)
                : c).toList());

        Treatment merged = CatalogMerge.merge(copy, def).merged();

        assertThat(merged.contraindications()).filteredOn(c -> c.code().equals("rosacea-or-eczema-flare"))
                .singleElement().satisfies(c -> assertThat(c.severity()).isEqualTo(Severity.ABSOLUTE));
    }

    @Test
    void whatTheClinicChangedStaysAndIsReportedAsAConflict() {
        Treatment def = DEFAULTS.require("chemical-peel");
        Treatment copy = def.withContraindications(def.contraindications().stream()
                .map(c -> c.code().equals("sunburn-or-tan") ? new Treatment.Contraindication(c.code(), Severity.RELATIVE,
                        "Our own wording.", List.of(Treatment.CLINIC_SOURCE), null, false) : c).toList());

        Treatment merged = CatalogMerge.merge(copy, def).merged();

        assertThat(merged.contraindications()).filteredOn(c -> c.code().equals("sunburn-or-tan")).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("Our own wording."));
        assertThat(CatalogMerge.conflicts(merged, def)).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("contraindications.sunburn-or-tan");
            assertThat(c.clinicValue()).startsWith("relative");
            assertThat(c.defaultValue()).startsWith("absolute");
        });
    }

    @Test
    void aClinicsOwnInvasivenessStaysAndIsReportedWhereItDiffers() {
        Treatment def = DEFAULTS.require("chemical-peel");
        Treatment copy = def.withInvasiveness(new Treatment.Invasiveness(InvasivenessLevel.NON_INVASIVE,
                List.of(SkinEffect.EXFOLIATES), List.of(Treatment.CLINIC_SOURCE), null));

        Treatment merged = CatalogMerge.merge(copy, def).merged();

        assertThat(merged.level()).isEqualTo(InvasivenessLevel.NON_INVASIVE);
        assertThat(CatalogMerge.conflicts(merged, def)).extracting(CatalogMerge.Conflict::field)
                .containsExactly("invasiveness");
    }

    @Test
    void theCurrentDefaultsHaveNoConflictWithThemselves() {
        for (Treatment t : DEFAULTS.all()) {
            assertThat(CatalogMerge.conflicts(t, t)).as(t.code()).isEmpty();
            assertThat(CatalogMerge.merge(t, t).changes()).as(t.code()).isEmpty();
        }
    }
}

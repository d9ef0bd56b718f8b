package com.clearskin.recommendation;

import static com.clearskin.recommendation.Engines.CATALOG;
import static com.clearskin.recommendation.Engines.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.Severity;
import com.clearskin.catalog.SkinEffect;
import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.Treatment.Contraindication;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The whole default catalog: each treatment's skin effects and its contraindications tell the same
 * story. Compromised skin (sunburn or a recent tan, open wounds, an active infection, flares)
 * excludes every treatment that wounds, heats or exfoliates; a keloid tendency is at least a
 * caution for every treatment that wounds or reaches the dermis. The engine applies the same floor
 * to any catalog ({@link SkinEffectSafety}); here the defaults must not need it.
 */
class CatalogConsistencyTest {

    static final List<MedicalFlag> COMPROMISED = List.of(MedicalFlag.SUNBURN_OR_RECENT_TAN,
            MedicalFlag.OPEN_WOUNDS_IN_AREA, MedicalFlag.ACTIVE_INFECTION_IN_AREA, MedicalFlag.ROSACEA_OR_ECZEMA_FLARE,
            MedicalFlag.PSORIASIS_FLARE);

    @Test
    void everyTreatmentHasAnInvasivenessWithSources() {
        SoftAssertions soft = new SoftAssertions();
        for (Treatment t : CATALOG.all()) {
            soft.assertThat(t.invasiveness()).as(t.code()).isNotNull();
            if (t.invasiveness() != null) {
                soft.assertThat(t.invasiveness().level()).as(t.code() + " level").isNotNull();
                soft.assertThat(t.invasiveness().sources()).as(t.code() + " sources").isNotEmpty();
                soft.assertThat(CATALOG.sources().keySet()).as(t.code() + " sources known")
                        .containsAll(t.invasiveness().sources());
            }
        }
        soft.assertAll();
    }

    @Test
    void compromisedSkinExcludesEveryTreatmentThatWoundsHeatsOrExfoliates() {
        SoftAssertions soft = new SoftAssertions();
        for (Treatment t : CATALOG.all()) {
            boolean stresses = t.invasiveness().effects().stream().anyMatch(SkinEffect::stressesCompromisedSkin);
            for (MedicalFlag flag : COMPROMISED) {
                Contraindication c = listed(t, flag.contraindication());
                if (stresses) {
                    soft.assertThat(c).as(t.code() + " must list " + flag.contraindication()).isNotNull();
                    if (c != null) {
                        soft.assertThat(c.severity()).as(t.code() + " " + c.code()).isEqualTo(Severity.ABSOLUTE);
                        soft.assertThat(c.sources()).as(t.code() + " " + c.code() + " sources").isNotEmpty();
                    }
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void aKeloidTendencyIsAtLeastACautionForEveryTreatmentThatWoundsOrReachesTheDermis() {
        SoftAssertions soft = new SoftAssertions();
        for (Treatment t : CATALOG.all()) {
            boolean scars = t.invasiveness().effects().stream().anyMatch(SkinEffect::risksRaisedScars);
            if (scars) {
                Contraindication c = listed(t, "keloid-tendency");
                soft.assertThat(c).as(t.code() + " must list keloid-tendency").isNotNull();
                if (c != null) {
                    soft.assertThat(c.sources()).as(t.code() + " keloid-tendency sources").isNotEmpty();
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void aListedSkinContraindicationIsBackedByAnEffect() {
        // The other direction: a treatment that does nothing to the skin surface need not list them,
        // but one that lists a compromised-skin exclusion should say which effect makes it unsafe.
        Set<String> compromised = Set.of("sunburn-or-tan", "open-wounds", "rosacea-or-eczema-flare", "psoriasis-flare");
        SoftAssertions soft = new SoftAssertions();
        for (Treatment t : CATALOG.all()) {
            boolean lists = t.contraindications().stream().anyMatch(c -> compromised.contains(c.code())
                    && c.severity() == Severity.ABSOLUTE && !c.code().equals("open-wounds"));
            if (lists) {
                soft.assertThat(t.invasiveness().effects()).as(t.code() + " lists compromised-skin exclusions")
                        .anyMatch(SkinEffect::stressesCompromisedSkin);
            }
        }
        soft.assertAll();
    }

    @Test
    void theEngineNeedsToAddNothingToTheDefaultCatalog() {
        for (Treatment t : CATALOG.all()) {
            assertThat(new PreparedTreatment(t, SETTINGS).anyFloor()).as(t.code()).isFalse();
        }
    }

    private static Contraindication listed(Treatment t, String code) {
        return t.contraindications().stream().filter(c -> code.equals(c.code())).findFirst().orElse(null);
    }
}

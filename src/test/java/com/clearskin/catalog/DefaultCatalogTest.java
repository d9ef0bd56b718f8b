package com.clearskin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The default catalog as it ships: read from src/main/resources/catalog/ with a plain Jackson 3 mapper. */
class DefaultCatalogTest {

    static final List<String> REQUIRED_CODES = List.of("extraction-facial", "deep-pore-cleansing",
            "home-deep-pore-cleansing", "back-facial", "chemical-peel", "microdermabrasion", "microneedling",
            "laser-resurfacing");
    static final List<String> FURTHER_CODES = List.of("medium-peel", "non-ablative-laser", "hydradermabrasion",
            "led-therapy", "high-frequency");

    private static final DefaultCatalog CATALOG = load();

    static DefaultCatalog load() {
        return new DefaultCatalog(JsonMapper.builder().build());
    }

    /** One fact of a treatment and the sources it cites. */
    record Fact(String where, List<String> sources) {
    }

    static List<Fact> facts(Treatment t) {
        List<Fact> facts = new ArrayList<>();
        t.protocol().forEach(s -> facts.add(new Fact("protocol step " + s.order(), s.sources())));
        facts.add(new Fact("duration", t.duration().sources()));
        facts.add(new Fact("price", t.price().sources()));
        facts.add(new Fact("course", t.course().sources()));
        facts.add(new Fact("downtime", t.downtime().sources()));
        for (int i = 0; i < t.cadence().size(); i++) {
            facts.add(new Fact("cadence[" + i + "]", t.cadence().get(i).sources()));
        }
        t.qualification().scope().forEach(s -> facts.add(new Fact("scope " + s.jurisdiction(), s.sources())));
        t.contraindications().forEach(c -> facts.add(new Fact("contraindication " + c.code(), c.sources())));
        for (int i = 0; i < t.beforeCare().size(); i++) {
            facts.add(new Fact("beforeCare[" + i + "]", t.beforeCare().get(i).sources()));
        }
        for (int i = 0; i < t.aftercare().size(); i++) {
            facts.add(new Fact("aftercare[" + i + "]", t.aftercare().get(i).sources()));
        }
        return facts;
    }

    @Test
    void hasTheRequiredAndFurtherTreatments() {
        List<String> codes = CATALOG.all().stream().map(Treatment::code).toList();

        assertThat(codes).containsAll(REQUIRED_CODES).containsAll(FURTHER_CODES).doesNotHaveDuplicates();
        assertThat(CATALOG.version()).isNotBlank();
        REQUIRED_CODES.forEach(code -> assertThat(CATALOG.find(code)).as(code).isPresent());
    }

    @Test
    void everyFactHasASourceAndEveryCitedSourceIsRegistered() {
        Map<String, Source> sources = CATALOG.sources();
        SoftAssertions softly = new SoftAssertions();
        for (Treatment t : CATALOG.all()) {
            for (Fact fact : facts(t)) {
                softly.assertThat(fact.sources()).as(t.code() + " " + fact.where()).isNotEmpty();
                softly.assertThat(sources.keySet()).as(t.code() + " " + fact.where()).containsAll(fact.sources());
            }
            softly.assertThat(sources.keySet()).as(t.code() + " sourceIds()").containsAll(t.sourceIds());
            softly.assertThat(t.sourceIds()).as(t.code() + " cites no clinic source")
                    .doesNotContain(Treatment.CLINIC_SOURCE);
        }
        softly.assertAll();
    }

    @Test
    void theSourceRegisterHasTheSeedsTheReferencesAndTheClinic() {
        assertThat(CATALOG.sources()).containsKeys("seed-000", "seed-001", "seed-002", "seed-003", "ref-1", "ref-57",
                "inference", Treatment.CLINIC_SOURCE);
        assertThat(CATALOG.sources().get("ref-13").weak()).isTrue();
        assertThat(CATALOG.sources().get("ref-1").weak()).isFalse();
    }

    @Test
    void deepPoreCleansingCarriesTheSeedsWarmTowelAndSteamerTimes() {
        for (String code : List.of("deep-pore-cleansing", "home-deep-pore-cleansing")) {
            List<Treatment.ProtocolStep> protocol = CATALOG.require(code).protocol();

            assertThat(protocol).as(code + ": warm towel 3-5 min (seed-001)")
                    .anySatisfy(s -> assertStep(s, 3, 5, "seed-001"));
            assertThat(protocol).as(code + ": facial steamer 5-10 min (seed-001)")
                    .anySatisfy(s -> assertStep(s, 5, 10, "seed-001"));
        }
    }

    private static void assertStep(Treatment.ProtocolStep s, int min, int max, String source) {
        assertThat(s.minMinutes()).isEqualTo(min);
        assertThat(s.maxMinutes()).isEqualTo(max);
        assertThat(s.sources()).contains(source);
    }

    @Test
    void pricesFollowTheSeeds() {
        assertPrice("chemical-peel", "100", "500");
        assertPrice("laser-resurfacing", "2000", "5000");
        assertPrice("microdermabrasion", "150", "300");
        assertPrice("microneedling", "300", "700");
        CATALOG.all().forEach(t -> assertThat(t.price().currency()).as(t.code()).isEqualTo("USD"));
    }

    private static void assertPrice(String code, String min, String max) {
        Treatment.PriceRange price = CATALOG.require(code).price();
        assertThat(price.min()).as(code + " min").isEqualByComparingTo(min);
        assertThat(price.max()).as(code + " max").isEqualByComparingTo(max);
    }

    @Test
    void homeCleansingCadenceIsTheSeedsAtHomeView() {
        List<Treatment.Cadence> cadence = CATALOG.require("home-deep-pore-cleansing").cadence();

        assertThat(cadence).isNotEmpty().allSatisfy(c -> {
            assertThat(c.view()).isEqualTo("at-home");
            assertThat(c.sources()).contains("seed-001");
        });
        assertThat(cadence).anySatisfy(c -> {
            assertThat(c.skinTypes()).contains(SkinType.OILY, SkinType.ACNE_PRONE);
            assertThat(c.intervalDaysMin()).isEqualTo(7);
            assertThat(c.intervalDaysMax()).isEqualTo(14);
        });
    }

    @Test
    void extractionFacialCadenceIsTheProfessionalView() {
        List<Treatment.Cadence> cadence = CATALOG.require("extraction-facial").cadence();

        assertThat(cadence).isNotEmpty().allSatisfy(c -> {
            assertThat(c.view()).isEqualTo("professional");
            assertThat(c.sources()).doesNotContain("seed-001");
        });
        Treatment.Cadence oily = cadence.stream().filter(c -> c.skinTypes().contains(SkinType.OILY)).findFirst()
                .orElseThrow();
        assertThat(oily.intervalDaysMin()).isGreaterThan(14);
    }

    @Test
    void microneedlingContraindications() {
        assertThat(CATALOG.require("microneedling").contraindications())
                .extracting(Treatment.Contraindication::code)
                .contains("active-infection", "keloid-tendency");
    }

    @Test
    void everyTreatmentIsValid() {
        SoftAssertions softly = new SoftAssertions();
        for (Treatment t : CATALOG.all()) {
            softly.assertThat(TreatmentValidation.check(t)).as(t.code()).isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void treatmentsAreInManifestOrderAndFoundByCode() {
        assertThat(CATALOG.all().get(0).code()).isEqualTo("extraction-facial");
        assertThat(CATALOG.find("no-such-treatment")).isEmpty();
        CATALOG.all().forEach(t -> assertThat(CATALOG.require(t.code())).isSameAs(t));
    }
}

package com.clearskin.catalog;

import static com.clearskin.catalog.TreatmentFixtures.cadence;
import static com.clearskin.catalog.TreatmentFixtures.contraindication;
import static com.clearskin.catalog.TreatmentFixtures.course;
import static com.clearskin.catalog.TreatmentFixtures.downtime;
import static com.clearskin.catalog.TreatmentFixtures.duration;
import static com.clearskin.catalog.TreatmentFixtures.note;
import static com.clearskin.catalog.TreatmentFixtures.price;
import static com.clearskin.catalog.TreatmentFixtures.step;
import static com.clearskin.catalog.TreatmentFixtures.treatment;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of {@link TreatmentValidation}: the valid fixture passes the rule, and a single bad
 * value makes the whole check report exactly the field it is about.
 */
class TreatmentValidationTest {

    private static final Treatment VALID = TreatmentFixtures.valid();

    /** The fields the rule reports for {@code t}. */
    private static List<String> fields(BiConsumer<Treatment, List<Violation>> rule, Treatment t) {
        List<Violation> v = new ArrayList<>();
        rule.accept(t, v);
        return v.stream().map(Violation::field).toList();
    }

    /** The fields the whole check reports for {@code t}. */
    private static List<String> fields(Treatment t) {
        return TreatmentValidation.check(t).stream().map(Violation::field).toList();
    }

    private static String reason(Treatment t, String field) {
        return TreatmentValidation.check(t).stream().filter(v -> v.field().equals(field)).map(Violation::reason)
                .findFirst().orElseThrow();
    }

    @Test
    void theFixtureIsValid() {
        assertThat(TreatmentValidation.check(VALID)).isEmpty();
    }

    @Test
    void codeIsWellFormed() {
        assertThat(fields(TreatmentValidation::codeIsWellFormed, VALID)).isEmpty();
        assertThat(fields(treatment().withCode("a1-b2-c3").build())).isEmpty();
        assertThat(fields(treatment().withCode("Extraction Facial").build())).containsExactly("code");
        assertThat(fields(treatment().withCode("extraction--facial").build())).containsExactly("code");
        assertThat(fields(treatment().withCode("-facial").build())).containsExactly("code");
        assertThat(fields(treatment().withCode(null).build())).containsExactly("code");
        assertThat(fields(treatment().withCode("a".repeat(60)).build())).isEmpty();
        assertThat(fields(treatment().withCode("a".repeat(61)).build())).containsExactly("code");
    }

    @Test
    void invasivenessIsRequiredAndCoherent() {
        assertThat(fields(treatment().withInvasiveness(null).build())).containsExactly("invasiveness");
        assertThat(fields(treatment().withInvasiveness(InvasivenessLevel.NON_INVASIVE, SkinEffect.HEATS,
                SkinEffect.EXFOLIATES).build())).isEmpty();
        assertThat(fields(treatment().withInvasiveness(InvasivenessLevel.NON_INVASIVE, SkinEffect.WOUNDS).build()))
                .containsExactly("invasiveness.level");
        assertThat(fields(treatment().withInvasiveness(InvasivenessLevel.SUPERFICIAL, SkinEffect.BREACHES_DERMIS)
                .build())).containsExactly("invasiveness.level");
        assertThat(fields(treatment().withInvasiveness(InvasivenessLevel.DERMAL, SkinEffect.WOUNDS,
                SkinEffect.BREACHES_DERMIS).build())).isEmpty();
        assertThat(fields(treatment().withInvasiveness(InvasivenessLevel.ABLATIVE, SkinEffect.HEATS).build()))
                .containsExactly("invasiveness.effects");
    }

    @Test
    void nameIsRequired() {
        assertThat(fields(treatment().withName("  ").build())).containsExactly("name");
        assertThat(reason(treatment().withName(null).build(), "name")).isEqualTo("is required");
        assertThat(fields(treatment().withName("n".repeat(120)).build())).isEmpty();
        assertThat(reason(treatment().withName("n".repeat(121)).build(), "name")).contains("at most 120");
    }

    @Test
    void summaryIsRequired() {
        assertThat(fields(treatment().withSummary("").build())).containsExactly("summary");
        assertThat(reason(treatment().withSummary(null).build(), "summary")).isEqualTo("is required");
        assertThat(fields(treatment().withSummary("s".repeat(1001)).build())).containsExactly("summary");
    }

    @Test
    void descriptionIsOptionalButBounded() {
        assertThat(fields(treatment().withDescription(null).build())).isEmpty();
        assertThat(fields(treatment().withDescription("d".repeat(5001)).build())).containsExactly("description");
    }

    @Test
    void categoryAndSettingAreRequired() {
        assertThat(fields(treatment().withCategory(null).build())).containsExactly("category");
        assertThat(fields(treatment().withSetting(null).build())).containsExactly("setting");
    }

    @Test
    void treatsSomeArea() {
        assertThat(fields(TreatmentValidation::treatsSomeArea, VALID)).isEmpty();
        assertThat(fields(treatment().withBodyAreas().build())).containsExactly("bodyAreas");
    }

    @Test
    void protocolIsOrdered() {
        assertThat(fields(TreatmentValidation::protocolIsOrdered, VALID)).isEmpty();
        assertThat(fields(treatment().withProtocol().build())).containsExactly("protocol");
        assertThat(fields(treatment().withProtocol(step(1, "Cleanse", 3, 5, "seed-001"),
                step(3, "Steam", 5, 10, "seed-001")).build())).containsExactly("protocol[1].order");
        assertThat(fields(treatment().withProtocol(step(0, "Cleanse", null, null, "seed-001")).build()))
                .containsExactly("protocol[0].order");
        assertThat(fields(treatment().withProtocol(step(1, "Cleanse", 3, 5, "seed-001"),
                new Treatment.ProtocolStep(2, " ", null, null, null, List.of("seed-001"))).build()))
                .containsExactly("protocol[1].name");
    }

    @Test
    void protocolStepMinutesAreARange() {
        assertThat(fields(treatment().withProtocol(step(1, "Steam", null, 10, "seed-001")).build())).isEmpty();
        assertThat(fields(treatment().withProtocol(step(1, "Steam", 10, 5, "seed-001")).build()))
                .containsExactly("protocol[0].maxMinutes");
        assertThat(fields(treatment().withProtocol(step(1, "Steam", -1, null, "seed-001")).build()))
                .containsExactly("protocol[0].minMinutes");
        assertThat(fields(treatment().withProtocol(step(1, "Steam", 5, 481, "seed-001")).build()))
                .containsExactly("protocol[0].maxMinutes");
    }

    @Test
    void durationIsCoherent() {
        assertThat(fields(TreatmentValidation::durationIsCoherent, VALID)).isEmpty();
        assertThat(fields(treatment().withDuration(null).build())).containsExactly("duration");
        assertThat(fields(treatment().withDuration(duration(0, 60, 30)).build()))
                .containsExactly("duration.minMinutes");
        assertThat(fields(treatment().withDuration(duration(30, 20, 25)).build()))
                .contains("duration.maxMinutes");
        assertThat(fields(treatment().withDuration(duration(30, 481, 60)).build()))
                .containsExactly("duration.maxMinutes");
        assertThat(fields(treatment().withDuration(duration(30, 60, 90)).build()))
                .containsExactly("duration.typicalMinutes");
        assertThat(fields(treatment().withDuration(duration(30, 60, 20)).build()))
                .containsExactly("duration.typicalMinutes");
    }

    @Test
    void priceIsCoherent() {
        assertThat(fields(TreatmentValidation::priceIsCoherent, VALID)).isEmpty();
        assertThat(fields(treatment().withPrice(price("USD", "99.50", "99.50")).build())).isEmpty();
        assertThat(fields(treatment().withPrice(null).build())).containsExactly("price");
        assertThat(fields(treatment().withPrice(price("usd", "85", "250")).build())).containsExactly("price.currency");
        assertThat(fields(treatment().withPrice(price(null, "85", "250")).build())).containsExactly("price.currency");
        assertThat(fields(treatment().withPrice(price("USD", "-1", "250")).build())).containsExactly("price.min");
        assertThat(fields(treatment().withPrice(price("USD", null, "250")).build())).containsExactly("price.min");
        assertThat(fields(treatment().withPrice(price("USD", "250", "85")).build())).containsExactly("price.max");
        assertThat(fields(treatment().withPrice(price("USD", "85", null)).build())).containsExactly("price.max");
        assertThat(fields(treatment().withPrice(price("USD", "85", "1000000.01")).build()))
                .containsExactly("price.max");
        assertThat(fields(treatment().withPrice(price("USD", "85.125", "250")).build())).containsExactly("price");
    }

    @Test
    void courseIsCoherent() {
        assertThat(fields(TreatmentValidation::courseIsCoherent, VALID)).isEmpty();
        assertThat(fields(treatment().withCourse(course(1, null, 28, null, false)).build())).isEmpty();
        assertThat(fields(treatment().withCourse(null).build())).containsExactly("course");
        assertThat(fields(treatment().withCourse(course(0, null, 14, 35, false)).build()))
                .containsExactly("course.sessionsMin");
        assertThat(fields(treatment().withCourse(course(4, 3, 14, 35, false)).build()))
                .containsExactly("course.sessionsMax");
        assertThat(fields(treatment().withCourse(course(4, 6, -1, 35, false)).build()))
                .containsExactly("course.intervalDaysMin");
        assertThat(fields(treatment().withCourse(course(4, 6, 14, 13, false)).build()))
                .containsExactly("course.intervalDaysMax");
    }

    @Test
    void downtimeIsCoherent() {
        assertThat(fields(TreatmentValidation::downtimeIsCoherent, VALID)).isEmpty();
        assertThat(fields(treatment().withDowntime(null).build())).containsExactly("downtime");
        assertThat(fields(treatment().withDowntime(downtime(3, 1, "Some redness.")).build()))
                .containsExactly("downtime.maxDays");
        assertThat(fields(treatment().withDowntime(downtime(0, 366, "Some redness.")).build()))
                .containsExactly("downtime.maxDays");
        assertThat(fields(treatment().withDowntime(downtime(-1, 1, "Some redness.")).build()))
                .containsExactly("downtime.minDays");
        assertThat(fields(treatment().withDowntime(downtime(0, 1, " ")).build())).containsExactly("downtime.text");
    }

    @Test
    void cadenceIsCoherent() {
        assertThat(fields(TreatmentValidation::cadenceIsCoherent, VALID)).isEmpty();
        assertThat(fields(treatment().withCadence().build())).isEmpty();
        Treatment.Cadence good = cadence(List.of(SkinType.DRY), 28, 42, "at-home", "seed-001");
        assertThat(fields(treatment().withCadence(good, cadence(List.of(), 28, 42, "professional")).build()))
                .containsExactly("cadence[1].skinTypes");
        assertThat(fields(treatment().withCadence(good, cadence(List.of(SkinType.OILY), 28, 21, "professional"))
                .build())).containsExactly("cadence[1].intervalDaysMax");
        assertThat(fields(treatment().withCadence(good, cadence(List.of(SkinType.OILY), 0, 21, "professional"))
                .build())).containsExactly("cadence[1].intervalDaysMin");
        assertThat(fields(treatment().withCadence(good, cadence(List.of(SkinType.OILY), 21, 28, "weekly")).build()))
                .containsExactly("cadence[1].view");
    }

    @Test
    void qualificationIsGiven() {
        assertThat(fields(TreatmentValidation::qualificationIsGiven, VALID)).isEmpty();
        assertThat(fields(treatment().withQualification(null).build())).containsExactly("qualification.minimum");
        assertThat(fields(treatment().withQualification(new Treatment.Qualification(null, List.of())).build()))
                .containsExactly("qualification.minimum");
    }

    @Test
    void contraindicationsAreNamed() {
        assertThat(fields(TreatmentValidation::contraindicationsAreNamed, VALID)).isEmpty();
        Treatment.Contraindication good = contraindication("pregnancy", Severity.RELATIVE, "Pregnancy.", "ref-9");
        assertThat(fields(treatment().withContraindications(good,
                contraindication("Active Infection", Severity.ABSOLUTE, "Infection.")).build()))
                .containsExactly("contraindications[1].code");
        assertThat(fields(treatment().withContraindications(good,
                contraindication("active-infection", null, "Infection.")).build()))
                .containsExactly("contraindications[1].severity");
        assertThat(fields(treatment().withContraindications(good,
                contraindication("active-infection", Severity.ABSOLUTE, "")).build()))
                .containsExactly("contraindications[1].text");
    }

    @Test
    void careNotesHaveText() {
        assertThat(fields((t, v) -> TreatmentValidation.careNotesHaveText("aftercare", t.aftercare(), v), VALID))
                .isEmpty();
        assertThat(fields(treatment().withBeforeCare(note(" ")).build())).containsExactly("beforeCare[0].text");
        assertThat(fields(treatment().withAftercare(note("Hydrate.", "seed-001"), note(null)).build()))
                .containsExactly("aftercare[1].text");
        assertThat(fields(treatment().withAftercare(note("x".repeat(1001))).build()))
                .containsExactly("aftercare[0].text");
    }
}

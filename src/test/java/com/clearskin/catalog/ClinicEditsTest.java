package com.clearskin.catalog;

import static com.clearskin.catalog.TreatmentFixtures.course;
import static com.clearskin.catalog.TreatmentFixtures.downtime;
import static com.clearskin.catalog.TreatmentFixtures.duration;
import static com.clearskin.catalog.TreatmentFixtures.from;
import static com.clearskin.catalog.TreatmentFixtures.price;
import static com.clearskin.catalog.TreatmentFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicEditsTest {

    private static final List<String> CLINIC = List.of(Treatment.CLINIC_SOURCE);

    /** The default the clinic edits; its course is disputed. */
    private final Treatment before = TreatmentFixtures.valid();

    @Test
    void aChangedInvasivenessIsTheClinicsAndAnUnchangedOneKeepsItsSources() {
        Treatment same = before.withInvasiveness(new Treatment.Invasiveness(before.level(),
                before.invasiveness().effects(), List.of(), "edited note"));
        Treatment changed = before.withInvasiveness(new Treatment.Invasiveness(InvasivenessLevel.SUPERFICIAL,
                List.of(SkinEffect.EXFOLIATES), before.invasiveness().sources(), null));

        assertThat(ClinicEdits.attribute(before, same).invasiveness().sources())
                .isEqualTo(before.invasiveness().sources());
        assertThat(ClinicEdits.attribute(before, changed).invasiveness().sources())
                .containsExactly(Treatment.CLINIC_SOURCE);
        assertThat(ClinicEdits.attribute(before, before.withInvasiveness(null)).invasiveness()).isNull();
    }

    @Test
    void clinicSourceIsCalledClinic() {
        assertThat(Treatment.CLINIC_SOURCE).isEqualTo("clinic");
    }

    @Test
    void unchangedFactsKeepTheirSources() {
        // The clinic renames the treatment and sends every fact back without sources.
        Treatment after = from(before).withName("Our facial")
                .withProtocol(before.protocol().stream().map(s -> new Treatment.ProtocolStep(s.order(), s.name(),
                        s.description(), s.minMinutes(), s.maxMinutes(), List.of())).toArray(Treatment.ProtocolStep[]::new))
                .build();

        Treatment attributed = ClinicEdits.attribute(before, after);

        assertThat(attributed.name()).isEqualTo("Our facial");
        assertThat(attributed.protocol()).isEqualTo(before.protocol());
        assertThat(attributed.duration()).isEqualTo(before.duration());
        assertThat(attributed.price()).isEqualTo(before.price());
        assertThat(attributed.course()).isEqualTo(before.course());
        assertThat(attributed.downtime()).isEqualTo(before.downtime());
    }

    @Test
    void anUnchangedTreatmentComesBackEqual() {
        assertThat(ClinicEdits.attribute(before, before)).isEqualTo(before);
    }

    @Test
    void samePriceWrittenWithDecimalsKeepsItsSources() {
        Treatment after = from(before).withPrice(price("USD", "85.00", "250.0")).build();

        assertThat(ClinicEdits.attribute(before, after).price().sources()).isEqualTo(before.price().sources());
    }

    @Test
    void changedPriceIsTheClinics() {
        Treatment after = from(before).withPrice(price("USD", "90", "250", "ref-53")).build();

        Treatment attributed = ClinicEdits.attribute(before, after);

        assertThat(attributed.price().sources()).isEqualTo(CLINIC);
        assertThat(attributed.price().min()).isEqualByComparingTo("90");
        assertThat(attributed.duration().sources()).isEqualTo(before.duration().sources());
    }

    @Test
    void changedCurrencyIsTheClinics() {
        Treatment after = from(before).withPrice(price("EUR", "85", "250", "ref-53")).build();

        assertThat(ClinicEdits.attribute(before, after).price().sources()).isEqualTo(CLINIC);
    }

    @Test
    void changedDurationIsTheClinics() {
        Treatment after = from(before).withDuration(duration(30, 60, 50, "ref-46")).build();

        Treatment attributed = ClinicEdits.attribute(before, after);

        assertThat(attributed.duration()).isEqualTo(duration(30, 60, 50, Treatment.CLINIC_SOURCE));
        assertThat(attributed.price().sources()).isEqualTo(before.price().sources());
    }

    @Test
    void changedCourseIsTheClinicsAndNoLongerDisputed() {
        assertThat(before.course().disputed()).isTrue();
        Treatment after = from(before).withCourse(course(3, 6, 14, 35, true, "ref-2", "ref-11")).build();

        Treatment.Course attributed = ClinicEdits.attribute(before, after).course();

        assertThat(attributed.sources()).isEqualTo(CLINIC);
        assertThat(attributed.disputed()).isFalse();
        assertThat(attributed.sessionsMin()).isEqualTo(3);
    }

    @Test
    void openEndingACourseIsAChange() {
        Treatment after = from(before).withCourse(course(4, null, 14, 35, true, "ref-2", "ref-11")).build();

        assertThat(ClinicEdits.attribute(before, after).course().sources()).isEqualTo(CLINIC);
    }

    @Test
    void unchangedCourseStaysDisputed() {
        Treatment.Course attributed = ClinicEdits.attribute(before, from(before).withName("Renamed").build()).course();

        assertThat(attributed.disputed()).isTrue();
        assertThat(attributed.sources()).isEqualTo(before.course().sources());
    }

    @Test
    void changedDowntimeIsTheClinics() {
        Treatment days = from(before).withDowntime(downtime(0, 2, before.downtime().text(), "inference")).build();
        Treatment text = from(before).withDowntime(downtime(0, 1, "No downtime.", "inference")).build();

        assertThat(ClinicEdits.attribute(before, days).downtime().sources()).isEqualTo(CLINIC);
        assertThat(ClinicEdits.attribute(before, text).downtime().sources()).isEqualTo(CLINIC);
    }

    @Test
    void changedStepIsTheClinicsAndTheOthersKeepTheirSources() {
        List<Treatment.ProtocolStep> steps = before.protocol();
        Treatment after = from(before).withProtocol(steps.get(0),
                new Treatment.ProtocolStep(2, "Steam", steps.get(1).description(), 8, 10, List.of("seed-001")),
                steps.get(2)).build();

        List<Treatment.ProtocolStep> attributed = ClinicEdits.attribute(before, after).protocol();

        assertThat(attributed.get(0).sources()).isEqualTo(steps.get(0).sources());
        assertThat(attributed.get(1).sources()).isEqualTo(CLINIC);
        assertThat(attributed.get(1).minMinutes()).isEqualTo(8);
        assertThat(attributed.get(2).sources()).isEqualTo(steps.get(2).sources());
    }

    @Test
    void renamedOrNewStepIsTheClinics() {
        List<Treatment.ProtocolStep> steps = before.protocol();
        Treatment after = from(before).withProtocol(steps.get(0), steps.get(1),
                new Treatment.ProtocolStep(3, "Extractions", steps.get(2).description(), null, null, List.of()),
                step(4, "Mask", 10, 15)).build();

        List<Treatment.ProtocolStep> attributed = ClinicEdits.attribute(before, after).protocol();

        assertThat(attributed).extracting(Treatment.ProtocolStep::sources)
                .containsExactly(steps.get(0).sources(), steps.get(1).sources(), CLINIC, CLINIC);
    }

    @Test
    void reorderedButUnchangedStepKeepsItsSources() {
        List<Treatment.ProtocolStep> steps = before.protocol();
        Treatment after = from(before).withProtocol(renumbered(steps.get(2), 1), renumbered(steps.get(0), 2),
                renumbered(steps.get(1), 3)).build();

        List<Treatment.ProtocolStep> attributed = ClinicEdits.attribute(before, after).protocol();

        assertThat(attributed).extracting(Treatment.ProtocolStep::name).containsExactly("Extract", "Cleanse", "Steam");
        assertThat(attributed).extracting(Treatment.ProtocolStep::order).containsExactly(1, 2, 3);
        assertThat(attributed).extracting(Treatment.ProtocolStep::sources)
                .containsExactly(steps.get(2).sources(), steps.get(0).sources(), steps.get(1).sources());
    }

    private static Treatment.ProtocolStep renumbered(Treatment.ProtocolStep s, int order) {
        return new Treatment.ProtocolStep(order, s.name(), s.description(), s.minMinutes(), s.maxMinutes(), List.of());
    }

    @Test
    void aContraindicationTheClinicAddsOrRewordsIsTheClinicsEvenIfItClaimsASource() {
        Treatment.Contraindication claimed = new Treatment.Contraindication("pregnancy", Severity.ABSOLUTE,
                "Pregnancy.", List.of("ref-9"), null, true);
        Treatment after = from(before).withContraindications(
                before.contraindications().toArray(new Treatment.Contraindication[0])).build();
        after = from(after).withContraindications(java.util.stream.Stream.concat(
                after.contraindications().stream(), java.util.stream.Stream.of(claimed))
                .toArray(Treatment.Contraindication[]::new)).build();

        List<Treatment.Contraindication> attributed = ClinicEdits.attribute(before, after).contraindications();

        assertThat(attributed.subList(0, before.contraindications().size())).isEqualTo(before.contraindications());
        Treatment.Contraindication added = attributed.get(attributed.size() - 1);
        assertThat(added.sources()).containsExactly(Treatment.CLINIC_SOURCE);
        assertThat(added.disputed()).isFalse();
    }

    @Test
    void aCareNoteSentBackUnchangedKeepsItsSourcesAndAChangedOneIsTheClinics() {
        Treatment.CareNote original = before.aftercare().get(0);
        Treatment after = from(before).withAftercare(
                new Treatment.CareNote(original.text(), List.of(), null, false),
                new Treatment.CareNote("Avoid saunas for 48 hours.", List.of("ref-1"), null, false)).build();

        List<Treatment.CareNote> attributed = ClinicEdits.attribute(before, after).aftercare();

        assertThat(attributed.get(0).sources()).isEqualTo(original.sources());
        assertThat(attributed.get(1).sources()).containsExactly(Treatment.CLINIC_SOURCE);
    }

    @Test
    void aChangedCadenceIsTheClinics() {
        Treatment.Cadence c = before.cadence().get(0);
        Treatment after = from(before).withCadence(new Treatment.Cadence(c.skinTypes(), c.intervalDaysMin() + 7,
                c.intervalDaysMax() + 7, c.view(), c.sources(), c.note(), c.disputed())).build();

        assertThat(ClinicEdits.attribute(before, after).cadence().get(0).sources())
                .containsExactly(Treatment.CLINIC_SOURCE);
    }
}

package com.clearskin.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.TreatmentFixtures;
import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TreatmentFormTest {

    /** Three steps: Cleanse (3-5 min), Steam (5-10 min), Extract. */
    private final Treatment t = TreatmentFixtures.valid();
    private final List<Violation> violations = new ArrayList<>();

    /** The form as the edit page shows it for {@code t}, changed by {@code change}. */
    private TreatmentForm form(Consumer<Fields> change) {
        Fields f = new Fields(TreatmentForm.of(t, 7));
        change.accept(f);
        return f.build();
    }

    private Treatment apply(Consumer<Fields> change) {
        return form(change).applyTo(t, violations);
    }

    private List<String> violatedFields() {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void theInvasivenessLevelAndEffectsAreEditedAndAnUnknownLevelIsNamed() {
        Treatment applied = apply(f -> {
            f.invasivenessLevel = "superficial";
            f.skinEffects = List.of("exfoliates", "heats");
        });

        assertThat(violations).isEmpty();
        assertThat(applied.level()).isEqualTo(com.clearskin.catalog.InvasivenessLevel.SUPERFICIAL);
        assertThat(applied.invasiveness().effects()).containsExactly(com.clearskin.catalog.SkinEffect.HEATS,
                com.clearskin.catalog.SkinEffect.EXFOLIATES);
        apply(f -> f.invasivenessLevel = "gentle");
        assertThat(violatedFields()).containsExactly("invasivenessLevel");
    }

    @Test
    void aFormWithoutTheInvasivenessFieldsKeepsTheTreatments() {
        Treatment applied = apply(f -> {
            f.invasivenessLevel = null;
            f.skinEffects = List.of();
            f.skinEffectsShown = null;
        });

        assertThat(applied.invasiveness()).isEqualTo(t.invasiveness());
    }

    @Test
    void ofShowsTheTreatmentAsText() {
        TreatmentForm form = TreatmentForm.of(t, 7);

        assertThat(form.priceMin()).isEqualTo("85");
        assertThat(form.priceMax()).isEqualTo("250");
        assertThat(form.durationTypical()).isEqualTo("45");
        assertThat(form.sessionsMax()).isEqualTo("6");
        assertThat(form.stepOrder()).containsExactly("1", "2", "3");
        assertThat(form.stepName()).containsExactly("Cleanse", "Steam", "Extract");
        assertThat(form.stepMin()).containsExactly("3", "5", "");
        assertThat(form.revision()).isEqualTo("7");
    }

    @Test
    void roundTripGivesAnEqualTreatment() {
        Treatment applied = TreatmentForm.of(t, 7).applyTo(t, violations);

        assertThat(violations).isEmpty();
        assertThat(applied).isEqualTo(t);
    }

    @Test
    void roundTripOfAnOpenEndedCourseKeepsItOpen() {
        Treatment open = TreatmentFixtures.from(t)
                .withCourse(TreatmentFixtures.course(1, null, 28, null, false, "ref-45")).build();

        Treatment applied = TreatmentForm.of(open, 1).applyTo(open, violations);

        assertThat(violations).isEmpty();
        assertThat(applied).isEqualTo(open);
    }

    @Test
    void unreadablePriceIsReportedByField() {
        Treatment applied = apply(f -> f.priceMin = "abc");

        assertThat(applied).isNull();
        assertThat(violations).containsExactly(new Violation("priceMin", "must be a number such as 120 or 99.50"));
    }

    @Test
    void unreadableWholeNumbersAreReportedByField() {
        apply(f -> {
            f.durationMin = "thirty";
            f.sessionsMax = "4.5";
            f.stepMax.set(1, "ten");
        });

        assertThat(violatedFields()).containsExactlyInAnyOrder("durationMin", "sessionsMax", "stepMax[1]");
    }

    @Test
    void blankRequiredFieldsAreRequired() {
        Treatment applied = apply(f -> {
            f.priceMin = "";
            f.priceMax = " ";
            f.durationMin = null;
            f.durationMax = "";
            f.durationTypical = "";
            f.sessionsMin = "";
            f.intervalDaysMin = "";
        });

        assertThat(applied).isNull();
        assertThat(violatedFields()).containsExactlyInAnyOrder("priceMin", "priceMax", "durationMin", "durationMax",
                "durationTypical", "sessionsMin", "intervalDaysMin");
        assertThat(violations).extracting(Violation::reason).containsOnly("is required");
    }

    @Test
    void blankOptionalMaximaMeanOpenEnded() {
        Treatment applied = apply(f -> {
            f.sessionsMax = "";
            f.intervalDaysMax = " ";
        });

        assertThat(violations).isEmpty();
        assertThat(applied.course().sessionsMax()).isNull();
        assertThat(applied.course().intervalDaysMax()).isNull();
    }

    @Test
    void valuesAreTrimmedAndParsed() {
        Treatment applied = apply(f -> {
            f.name = "  Our facial ";
            f.priceMin = " 99.50 ";
            f.durationTypical = " 50 ";
            f.downtimeText = " None. ";
        });

        assertThat(violations).isEmpty();
        assertThat(applied.name()).isEqualTo("Our facial");
        assertThat(applied.price().min()).isEqualByComparingTo("99.50");
        assertThat(applied.duration().typicalMinutes()).isEqualTo(50);
        assertThat(applied.downtime().text()).isEqualTo("None.");
    }

    @Test
    void blankStepNameRemovesTheStep() {
        Treatment applied = apply(f -> f.stepName.set(1, " "));

        assertThat(violations).isEmpty();
        assertThat(applied.protocol()).extracting(Treatment.ProtocolStep::name).containsExactly("Cleanse", "Extract");
        assertThat(applied.protocol()).extracting(Treatment.ProtocolStep::order).containsExactly(1, 2);
    }

    @Test
    void stepOrderNumbersReorderTheStepsWhichAreRenumbered() {
        Treatment applied = apply(f -> {
            f.stepOrder.set(0, "20");
            f.stepOrder.set(1, "30");
            f.stepOrder.set(2, "5");
        });

        assertThat(violations).isEmpty();
        assertThat(applied.protocol()).extracting(Treatment.ProtocolStep::name)
                .containsExactly("Extract", "Cleanse", "Steam");
        assertThat(applied.protocol()).extracting(Treatment.ProtocolStep::order).containsExactly(1, 2, 3);
        assertThat(applied.protocol().get(1).minMinutes()).isEqualTo(3);
        assertThat(applied.protocol().get(1).maxMinutes()).isEqualTo(5);
        assertThat(applied.protocol()).extracting(Treatment.ProtocolStep::sources).containsExactly(
                t.protocol().get(2).sources(), t.protocol().get(0).sources(), t.protocol().get(1).sources());
    }

    @Test
    void equalOrderNumbersKeepTheRowsOrderAndBlankOrderKeepsThePlace() {
        Treatment applied = apply(f -> {
            f.stepOrder.set(0, "2");
            f.stepOrder.set(1, "2");
            f.stepOrder.set(2, "");
        });

        assertThat(violations).isEmpty();
        assertThat(applied.protocol()).extracting(Treatment.ProtocolStep::name)
                .containsExactly("Cleanse", "Steam", "Extract");
    }

    @Test
    void unreadableStepOrderIsReportedByRow() {
        apply(f -> f.stepOrder.set(2, "third"));

        assertThat(violatedFields()).containsExactly("stepOrder[2]");
    }

    @Test
    void theSpareBlankRowIsIgnored() {
        TreatmentForm shown = TreatmentForm.of(t, 7);
        List<TreatmentForm.Step> rows = shown.stepsWithBlank();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(3)).isEqualTo(new TreatmentForm.Step("4", "", "", "", ""));

        Treatment applied = apply(f -> f.addRow("4", "", "", "", ""));

        assertThat(violations).isEmpty();
        assertThat(applied).isEqualTo(t);
    }

    @Test
    void theSpareRowAddsAStepWhenNamed() {
        Treatment applied = apply(f -> f.addRow("4", " Mask ", "Clay mask.", "10", "15"));

        assertThat(violations).isEmpty();
        assertThat(applied.protocol()).hasSize(4);
        assertThat(applied.protocol().get(3))
                .isEqualTo(new Treatment.ProtocolStep(4, "Mask", "Clay mask.", 10, 15, List.of()));
    }

    @Test
    void aStepWithoutDescriptionComesBackWithout() {
        Treatment noDescription = TreatmentFixtures.from(t).withProtocol(
                new Treatment.ProtocolStep(1, "Cleanse", null, null, null, List.of("seed-001"))).build();

        TreatmentForm form = TreatmentForm.of(noDescription, 1);
        assertThat(form.stepDescription()).containsExactly("");

        Treatment applied = form.applyTo(noDescription, violations);
        assertThat(violations).isEmpty();
        assertThat(applied).isEqualTo(noDescription);
    }

    /** The form's values, editable; lists are mutable copies. */
    private static final class Fields {
        String name;
        String summary;
        String priceMin;
        String priceMax;
        String durationMin;
        String durationMax;
        String durationTypical;
        String sessionsMin;
        String sessionsMax;
        String intervalDaysMin;
        String intervalDaysMax;
        String downtimeText;
        final List<String> stepOrder;
        final List<String> stepName;
        final List<String> stepDescription;
        final List<String> stepMin;
        final List<String> stepMax;
        String revision;
        String invasivenessLevel;
        List<String> skinEffects;
        String skinEffectsShown;

        Fields(TreatmentForm f) {
            invasivenessLevel = f.invasivenessLevel();
            skinEffects = new ArrayList<>(f.skinEffects());
            skinEffectsShown = f.skinEffectsShown();
            name = f.name();
            summary = f.summary();
            priceMin = f.priceMin();
            priceMax = f.priceMax();
            durationMin = f.durationMin();
            durationMax = f.durationMax();
            durationTypical = f.durationTypical();
            sessionsMin = f.sessionsMin();
            sessionsMax = f.sessionsMax();
            intervalDaysMin = f.intervalDaysMin();
            intervalDaysMax = f.intervalDaysMax();
            downtimeText = f.downtimeText();
            stepOrder = new ArrayList<>(f.stepOrder());
            stepName = new ArrayList<>(f.stepName());
            stepDescription = new ArrayList<>(f.stepDescription());
            stepMin = new ArrayList<>(f.stepMin());
            stepMax = new ArrayList<>(f.stepMax());
            revision = f.revision();
        }

        void addRow(String order, String name, String description, String min, String max) {
            stepOrder.add(order);
            stepName.add(name);
            stepDescription.add(description);
            stepMin.add(min);
            stepMax.add(max);
        }

        TreatmentForm build() {
            return new TreatmentForm(name, summary, priceMin, priceMax, durationMin, durationMax, durationTypical,
                    sessionsMin, sessionsMax, intervalDaysMin, intervalDaysMax, downtimeText, stepOrder, stepName,
                    stepDescription, stepMin, stepMax, revision, invasivenessLevel, skinEffects, skinEffectsShown);
        }
    }
}

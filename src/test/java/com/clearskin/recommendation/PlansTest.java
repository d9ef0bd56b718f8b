package com.clearskin.recommendation;

import static com.clearskin.recommendation.Engines.CATALOG;
import static com.clearskin.recommendation.Engines.SETTINGS;
import static com.clearskin.recommendation.Engines.client;
import static com.clearskin.recommendation.Engines.recommend;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.ConcernSeverity;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.InvasivenessLevel;
import com.clearskin.catalog.SkinType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The plan: the first step as a dated course, when to re-measure, and the next level if it does not help. */
class PlansTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    static TreatmentPlan plan(Assessment a, TreatmentPlan.Progress progress) {
        return Plans.plan(recommend(a), a, CATALOG.all(), SETTINGS, TODAY, progress);
    }

    @Test
    void severeAcneScarsStartWithMicroneedlingDatedFromTheClinicsTodayAtItsCadence() {
        Assessment a = client().concerns(Concern.ACNE_SCARS).build().withSeverity(Concern.ACNE_SCARS,
                ConcernSeverity.SEVERE);

        TreatmentPlan p = plan(a, TreatmentPlan.Progress.NONE);

        assertThat(p.status()).isEqualTo("start");
        assertThat(p.firstStep().invasiveness()).isEqualTo(InvasivenessLevel.DERMAL);
        assertThat(p.firstStep().dates()).first().isEqualTo(TODAY);
        int interval = p.firstStep().intervalDaysMin();
        assertThat(p.firstStep().dates()).hasSize(p.firstStep().sessions());
        for (int k = 1; k < p.firstStep().dates().size(); k++) {
            assertThat(p.firstStep().dates().get(k)).isEqualTo(TODAY.plusDays((long) k * interval));
        }
        LocalDate last = p.firstStep().dates().get(p.firstStep().dates().size() - 1);
        assertThat(p.remeasureOn()).isAfter(last);
        assertThat(p.nextStep()).isNotNull();
        assertThat(p.nextStep().invasiveness()).isEqualTo(InvasivenessLevel.ABLATIVE);
        assertThat(p.improvementThresholdPercent()).isEqualTo(SETTINGS.improvementThreshold());
        assertThat(p.summary()).contains(p.firstStep().name()).contains(p.nextStep().name());
    }

    @Test
    void blackheadsStartNonInvasiveAndStepUpToASuperficialTreatment() {
        Assessment a = client().skin(SkinType.OILY).age(28).concerns(Concern.BLACKHEADS).build();

        TreatmentPlan p = plan(a, TreatmentPlan.Progress.NONE);

        assertThat(p.firstStep().invasiveness()).isEqualTo(InvasivenessLevel.NON_INVASIVE);
        assertThat(p.nextStep().invasiveness()).isEqualTo(InvasivenessLevel.SUPERFICIAL);
        assertThat(p.nextStep().dates()).isEmpty();
    }

    @Test
    void progressMovesThePlanOn() {
        Assessment a = client().concerns(Concern.ACNE_SCARS).build().withSeverity(Concern.ACNE_SCARS,
                ConcernSeverity.SEVERE);
        int sessions = plan(a, TreatmentPlan.Progress.NONE).firstStep().sessions();

        assertThat(plan(a, new TreatmentPlan.Progress(sessions, null)).status()).isEqualTo("re-measure");
        assertThat(plan(a, new TreatmentPlan.Progress(sessions, 5)).status()).isEqualTo("step-up");
        assertThat(plan(a, new TreatmentPlan.Progress(sessions, 40)).status()).isEqualTo("continue");
        assertThat(plan(a, new TreatmentPlan.Progress(sessions, 40)).firstStep().dates()).isEmpty();
    }

    @Test
    void theThresholdIsTheClinicsSetting() {
        Assessment a = client().concerns(Concern.BLACKHEADS).build();
        int sessions = plan(a, TreatmentPlan.Progress.NONE).firstStep().sessions();
        RuleSettings strict = new RuleSettings(SETTINGS.isotretinoinWashoutMonths(), SETTINGS.topicalRetinoidPauseDays(),
                SETTINGS.minimumAge(), SETTINGS.fitzpatrickRiskFrom(), SETTINGS.homeCleansingCadenceDays(),
                SETTINGS.recommendedScore(), SETTINGS.firstLevel(), Engines.setting(50),
                SETTINGS.homeRoutineIsotretinoinMonths());

        TreatmentPlan p = Plans.plan(recommend(a), a, CATALOG.all(), strict, TODAY,
                new TreatmentPlan.Progress(sessions, 40));

        assertThat(p.status()).isEqualTo("step-up");
        assertThat(p.improvementThresholdPercent()).isEqualTo(50);
    }

    @Test
    void noPlanWhenNothingIsRecommended() {
        assertThat(plan(client().build(), TreatmentPlan.Progress.NONE)).isNull();
    }
}

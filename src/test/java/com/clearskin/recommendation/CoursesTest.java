package com.clearskin.recommendation;

import static com.clearskin.catalog.TreatmentFixtures.contraindication;
import static com.clearskin.catalog.TreatmentFixtures.course;
import static com.clearskin.catalog.TreatmentFixtures.price;
import static com.clearskin.recommendation.Engines.ENGINE;
import static com.clearskin.recommendation.Engines.client;
import static com.clearskin.recommendation.Engines.input;
import static com.clearskin.recommendation.Engines.judge;
import static com.clearskin.recommendation.Engines.treatment;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.Severity;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.TreatmentFixtures;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Courses: sessions times the price per session, as ranges; the cadence for the skin type over the interval. */
class CoursesTest {

    static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void theCourseCostsTheSessionsTimesThePriceRange() {
        CoursePlan peel = Courses.plan(treatment("chemical-peel"), client().build());

        assertThat(peel.sessionsMin()).isEqualTo(4);
        assertThat(peel.sessionsMax()).isEqualTo(6);
        assertThat(peel.costPerSession().min()).isEqualByComparingTo("100");
        assertThat(peel.costPerSession().max()).isEqualByComparingTo("500");
        assertThat(peel.courseCost().min()).isEqualByComparingTo("400");
        assertThat(peel.courseCost().max()).isEqualByComparingTo("3000");
        assertThat(peel.currency()).isEqualTo("USD");
        assertThat(peel.intervalDaysMin()).isEqualTo(14);
        assertThat(peel.intervalDaysMax()).isEqualTo(35);
        assertThat(peel.downtime().minDays()).isEqualTo(1);
        assertThat(peel.downtime().maxDays()).isEqualTo(14);
    }

    @Test
    void aFixedCourseCostsItsSessionsExactly() {
        CoursePlan led = Courses.plan(treatment("led-therapy"), client().build());

        assertThat(led.courseCost().min()).isEqualByComparingTo("200");
        assertThat(led.courseCost().max()).isEqualByComparingTo("1200");
        CoursePlan hydra = Courses.plan(treatment("hydradermabrasion"), client().build());
        assertThat(hydra.courseCost().min()).isEqualByComparingTo("1200");
        assertThat(hydra.courseCost().max()).isEqualByComparingTo("1800");
    }

    @Test
    void anOpenEndedCourseIsPricedForItsMinimumSessionsAndSaysSo() {
        CoursePlan laser = Courses.plan(treatment("laser-resurfacing"), client().build());

        assertThat(laser.sessionsMax()).isNull();
        assertThat(laser.courseCost().min()).isEqualByComparingTo("2000");
        assertThat(laser.courseCost().max()).isEqualByComparingTo("5000");
        assertThat(laser.intervalDaysMin()).isEqualTo(180);
        assertThat(laser.intervalDaysMax()).isNull();
        assertThat(laser.note()).contains("Open-ended: the course cost covers 1 session.");

        Treatment three = TreatmentFixtures.treatment().withCourse(course(3, null, 7, 14, false, "ref-2")).build();
        assertThat(Courses.plan(three, client().build()).courseCost().max()).isEqualByComparingTo("750");
        assertThat(Courses.plan(three, client().build()).note()).contains("covers 3 sessions.");
    }

    @Test
    void theCadenceForTheSkinTypeOverridesTheCatalogInterval() {
        CoursePlan oily = Courses.plan(treatment("extraction-facial"), client().skin(SkinType.OILY).build());
        CoursePlan sensitive = Courses.plan(treatment("extraction-facial"), client().skin(SkinType.SENSITIVE).build());
        CoursePlan unknown = Courses.plan(treatment("extraction-facial"), client().skin(null).build());

        assertThat(oily.intervalDaysMin()).isEqualTo(21);
        assertThat(oily.intervalDaysMax()).isEqualTo(28);
        assertThat(oily.note()).startsWith("Interval for oily skin (professional guidance).");
        assertThat(sensitive.intervalDaysMin()).isEqualTo(42);
        assertThat(sensitive.intervalDaysMax()).isEqualTo(56);
        assertThat(unknown.intervalDaysMin()).isEqualTo(28);
        assertThat(unknown.intervalDaysMax()).isEqualTo(42);
        assertThat(Courses.plan(treatment("home-deep-pore-cleansing"), client().skin(SkinType.NORMAL).build()).note())
                .startsWith("Interval for normal skin (at-home guidance).");
    }

    @Test
    void theCourseIsInTheTreatmentsCurrency() {
        Treatment euros = TreatmentFixtures.treatment().withPrice(price("EUR", "60.50", "90", "clinic")).build();

        CoursePlan plan = Courses.plan(euros, client().build());

        assertThat(plan.currency()).isEqualTo("EUR");
        assertThat(plan.courseCost().min()).isEqualByComparingTo("242.00");
        assertThat(plan.courseCost().max()).isEqualByComparingTo("540");
    }

    @Test
    void theEngineGivesACourseToRecommendedPossibleAndCautionOnly() {
        assertThat(judge(client().build(), "chemical-peel").course()).isNotNull();
        assertThat(judge(client().yes(MedicalFlag.KELOID_TENDENCY).build(), "chemical-peel").course()).isNotNull();
        assertThat(judge(client().yes(MedicalFlag.KELOID_TENDENCY).build(), "microneedling").course()).isNull();
        assertThat(judge(client().unknown(MedicalFlag.KELOID_TENDENCY).build(), "chemical-peel").course()).isNull();
        Treatment caution = TreatmentFixtures.treatment().withContraindications(
                contraindication("epilepsy", Severity.RELATIVE, "Epilepsy.", "ref-48")).build();
        assertThat(ENGINE.judge(input(client().yes(MedicalFlag.EPILEPSY).build(), caution)).course())
                .isEqualTo(Courses.plan(caution, client().build()));
    }
}

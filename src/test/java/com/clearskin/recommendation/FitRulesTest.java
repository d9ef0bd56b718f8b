package com.clearskin.recommendation;

import static com.clearskin.recommendation.Engines.ENGINE;
import static com.clearskin.recommendation.Engines.apply;
import static com.clearskin.recommendation.Engines.client;
import static com.clearskin.recommendation.Engines.input;
import static com.clearskin.recommendation.Engines.judge;
import static com.clearskin.recommendation.Engines.rule;
import static com.clearskin.recommendation.Engines.treatment;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.Cause;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.TreatmentFixtures;
import com.clearskin.recommendation.Findings.Finding;
import com.clearskin.recommendation.Findings.Kind;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FitRulesTest {

    @Test
    void theFitRulesAreThese() {
        assertThat(FitRules.all()).extracting(Rule::name)
                .containsExactly("concern-match", "body-area", "cause-match", "cadence-by-skin-type");
    }

    static Finding only(Findings f) {
        assertThat(f.all()).hasSize(1);
        return f.all().get(0);
    }

    @Nested
    class ConcernMatch {

        final Rule rule = rule("concern-match");

        Finding match(Assessment a, String treatment) {
            return only(apply(rule, input(a, treatment(treatment))));
        }

        @Test
        void everyConcernSuitedGives60Points() {
            Finding f = match(client().concerns(Concern.ACNE, Concern.BLACKHEADS).build(), "chemical-peel");

            assertThat(f.kind()).isEqualTo(Kind.FIT);
            assertThat(f.points()).isEqualTo(FitRules.CONCERN_POINTS);
            assertThat(f.reason().text()).isEqualTo("It suits acne, blackheads.");
        }

        @Test
        void theShareOfConcernsSuitedGivesTheShareOfPointsRounded() {
            assertThat(match(client().concerns(Concern.ACNE, Concern.REDNESS).build(), "chemical-peel").points())
                    .isEqualTo(30);
            assertThat(match(client().concerns(Concern.ACNE, Concern.REDNESS, Concern.DULLNESS).build(),
                    "chemical-peel").points()).isEqualTo(20);
            assertThat(match(client().concerns(Concern.ACNE, Concern.BLACKHEADS, Concern.REDNESS).build(),
                    "chemical-peel").points()).isEqualTo(40);
        }

        @Test
        void noneSuitedGivesNothingAndNoConcernGivesANeutralScore() {
            Finding none = match(client().concerns(Concern.BACK_ACNE).build(), "laser-resurfacing");
            Finding neutral = match(client().build(), "laser-resurfacing");

            assertThat(none.points()).isZero();
            assertThat(none.reason().text()).isEqualTo("It is not aimed at your concerns.");
            assertThat(neutral.points()).isEqualTo(FitRules.NO_CONCERNS_POINTS);
            assertThat(neutral.reason().text()).contains("no concern");
        }

        @Test
        void aConcernNamedTwiceCountsOnce() {
            Assessment twice = client().concerns(Concern.ACNE, Concern.ACNE, Concern.REDNESS).build();

            assertThat(twice.concerns()).containsExactly(Concern.ACNE, Concern.REDNESS);
            assertThat(match(twice, "chemical-peel").points()).isEqualTo(30);
        }

        @Test
        void theSuitedConcernsAreNamedInTheTreatmentsOrderWhateverTheClientsOrder() {
            Finding one = match(client().concerns(Concern.BLACKHEADS, Concern.ACNE).build(), "chemical-peel");
            Finding other = match(client().concerns(Concern.ACNE, Concern.BLACKHEADS).build(), "chemical-peel");

            assertThat(one).isEqualTo(other);
        }
    }

    @Nested
    class BodyAreaFit {

        final Rule rule = rule("body-area");

        @Test
        void aTreatmentForAWantedAreaGets25Points() {
            Finding f = only(apply(rule, input(client().areas(BodyArea.BACK, BodyArea.FACE).build(),
                    treatment("back-facial"))));

            assertThat(f.points()).isEqualTo(FitRules.AREA_POINTS);
            assertThat(f.reason().text()).isEqualTo("It treats your back.");
        }

        @Test
        void aTreatmentForNoWantedAreaGetsNothing() {
            Finding f = only(apply(rule, input(client().areas(BodyArea.BACK, BodyArea.ARMS).build(),
                    treatment("laser-resurfacing"))));

            assertThat(f.points()).isZero();
            assertThat(f.reason().text()).isEqualTo("It is not done on your back or arms.");
        }

        @Test
        void noAreaMeansTheFace() {
            assertThat(only(apply(rule, input(client().build(), treatment("laser-resurfacing")))).points())
                    .isEqualTo(FitRules.AREA_POINTS);
            assertThat(only(apply(rule, input(client().build(), treatment("back-facial")))).points()).isZero();
        }

        @Test
        void aSafeTreatmentForNoWantedAreaIsOnlyPossibleHoweverWellItSuitsTheConcerns() {
            Assessment back = client().areas(BodyArea.BACK).concerns(Concern.CONGESTION)
                    .causes(Cause.EXCESS_SEBUM).build();

            TreatmentVerdict extraction = judge(back, "extraction-facial");
            assertThat(extraction.score()).isEqualTo(75);
            assertThat(extraction.verdict()).isEqualTo(Verdict.POSSIBLE);
            assertThat(judge(back, "back-facial").verdict()).isEqualTo(Verdict.RECOMMENDED);
        }
    }

    @Nested
    class CauseMatch {

        final Rule rule = rule("cause-match");

        @Test
        void aTreatmentForAConcernTheCauseLeadsToGets15PointsCitingSeed002() {
            Finding f = only(apply(rule, input(client().causes(Cause.SUN_DAMAGE, Cause.GENETICS).build(),
                    treatment("laser-resurfacing"))));

            assertThat(f.points()).isEqualTo(FitRules.CAUSE_POINTS);
            assertThat(f.reason().text()).isEqualTo("It works on what contributes to your concerns: genetics, "
                    + "sun damage.");
            assertThat(f.reason().source()).isEqualTo("seed-002");
        }

        @Test
        void unrelatedCausesOrNoneFindNothing() {
            assertThat(apply(rule, input(client().causes(Cause.SKINCARE_HABITS).build(),
                    treatment("laser-resurfacing"))).all()).isEmpty();
            assertThat(apply(rule, input(client().build(), treatment("chemical-peel"))).all()).isEmpty();
            assertThat(apply(rule, input(client().causes(Cause.values()).build(), treatment("high-frequency")))
                    .all()).isEmpty();
        }

        @Test
        void everyCauseLeadsToSomeConcern() {
            for (Cause cause : Cause.values()) {
                assertThat(FitRules.CAUSE_CONCERNS.get(cause)).as(cause.name()).isNotEmpty();
            }
        }
    }

    @Nested
    class CadenceBySkinType {

        final Rule rule = rule("cadence-by-skin-type");

        Findings cadence(SkinType type, String treatment) {
            return apply(rule, input(client().skin(type).build(), treatment(treatment)));
        }

        @Test
        void professionalFacialsFollowTheDermatologyCadence() {
            Finding oily = only(cadence(SkinType.OILY, "extraction-facial"));

            assertThat(oily.kind()).isEqualTo(Kind.NOTE);
            assertThat(oily.reason().text()).isEqualTo("For oily skin: every 21-28 days (professional guidance).");
            assertThat(oily.reason().source()).isEqualTo("ref-45");
            assertThat(only(cadence(SkinType.SENSITIVE, "extraction-facial")).reason().text()).contains("42-56");
        }

        @Test
        void theAtHomeCleanseFollowsSeed001() {
            assertThat(only(cadence(SkinType.ACNE_PRONE, "home-deep-pore-cleansing")).reason().text())
                    .isEqualTo("For acne-prone skin: every 7-14 days (at-home guidance).");
            assertThat(only(cadence(SkinType.COMBINATION, "home-deep-pore-cleansing")).reason().text())
                    .contains("14-21");
            assertThat(only(cadence(SkinType.DRY, "home-deep-pore-cleansing")).reason().text()).contains("28-31");
        }

        @Test
        void noSkinTypeOrNoCadenceInTheCatalogFindsNothing() {
            assertThat(cadence(null, "extraction-facial").all()).isEmpty();
            assertThat(cadence(SkinType.OILY, "chemical-peel").all()).isEmpty();
        }

        @Test
        void theCourseFollowsTheCadence() {
            TreatmentVerdict v = judge(client().skin(SkinType.OILY).build(), "extraction-facial");

            assertThat(v.course().intervalDaysMin()).isEqualTo(21);
            assertThat(v.course().intervalDaysMax()).isEqualTo(28);
        }
    }

    @Nested
    class RecommendedOrPossible {

        final Treatment facial = TreatmentFixtures.valid();

        @Test
        void aSafeTreatmentFittingWellIsRecommendedFromTheScoreInTheSettings() {
            Assessment half = client().concerns(Concern.ACNE, Concern.REDNESS).build();

            TreatmentVerdict v = ENGINE.judge(input(half, facial));
            assertThat(v.score()).isEqualTo(55);
            assertThat(v.verdict()).isEqualTo(Verdict.RECOMMENDED);
            assertThat(ENGINE.judge(input(half, facial, Engines.withRecommendedScore(56), null)).verdict())
                    .isEqualTo(Verdict.POSSIBLE);
        }

        @Test
        void withoutAConcernItSuitsItIsOnlyPossible() {
            assertThat(ENGINE.judge(input(client().build(), facial)).verdict()).isEqualTo(Verdict.POSSIBLE);
            assertThat(ENGINE.judge(input(client().concerns(Concern.REDNESS).causes(Cause.values()).build(), facial))
                    .verdict()).isEqualTo(Verdict.POSSIBLE);
        }

        @Test
        void theScoreAddsConcernsAreaAndCauseUpTo100() {
            Assessment perfect = client().concerns(Concern.ACNE).areas(BodyArea.FACE).causes(Cause.EXCESS_SEBUM)
                    .build();

            assertThat(ENGINE.judge(input(perfect, facial)).score()).isEqualTo(100);
            assertThat(List.of(FitRules.CONCERN_POINTS, FitRules.AREA_POINTS, FitRules.CAUSE_POINTS)
                    .stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        }
    }
}

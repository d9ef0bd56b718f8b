package com.clearskin.recommendation;

import static com.clearskin.catalog.TreatmentFixtures.contraindication;
import static com.clearskin.catalog.TreatmentFixtures.course;
import static com.clearskin.catalog.TreatmentFixtures.price;
import static com.clearskin.recommendation.Engines.AS_OF;
import static com.clearskin.recommendation.Engines.CATALOG;
import static com.clearskin.recommendation.Engines.ENGINE;
import static com.clearskin.recommendation.Engines.SETTINGS;
import static com.clearskin.recommendation.Engines.client;
import static com.clearskin.recommendation.Engines.input;
import static com.clearskin.recommendation.Engines.judge;
import static com.clearskin.recommendation.Engines.recommend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.InvasivenessLevel;
import com.clearskin.catalog.SkinEffect;
import com.clearskin.catalog.Severity;
import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.TreatmentFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecommendationEngineTest {

    /** A test treatment with an absolute (epilepsy), a relative (keloids) and an unknown-able (pregnancy) question. */
    static final Treatment MIXED = TreatmentFixtures.treatment().withCode("mixed").withContraindications(
            contraindication("epilepsy", Severity.ABSOLUTE, "Epilepsy.", "ref-48"),
            contraindication("keloid-tendency", Severity.RELATIVE, "Keloids.", "ref-3"),
            contraindication("pregnancy", Severity.ABSOLUTE, "Pregnancy.", "ref-9")).build();

    static TreatmentVerdict mixed(Engines.Client c) {
        return ENGINE.judge(input(c.concerns(Concern.ACNE).build(), MIXED));
    }

    @Nested
    class VerdictPrecedence {

        @Test
        void excludedOverNeedsInformationOverCaution() {
            TreatmentVerdict all = mixed(client().yes(MedicalFlag.EPILEPSY).unknown(MedicalFlag.PREGNANT_OR_BREASTFEEDING)
                    .yes(MedicalFlag.KELOID_TENDENCY));

            assertThat(all.verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(all.reasons()).extracting(Reason::rule).startsWith("epilepsy", "pregnancy", "keloid-tendency");
        }

        @Test
        void needsInformationOverCaution() {
            TreatmentVerdict v = mixed(client().unknown(MedicalFlag.PREGNANT_OR_BREASTFEEDING)
                    .yes(MedicalFlag.KELOID_TENDENCY));

            assertThat(v.verdict()).isEqualTo(Verdict.NEEDS_INFORMATION);
            assertThat(v.reasons()).extracting(Reason::rule).startsWith("pregnancy", "keloid-tendency");
        }

        @Test
        void cautionOverAGoodFit() {
            TreatmentVerdict v = mixed(client().yes(MedicalFlag.KELOID_TENDENCY));

            assertThat(v.verdict()).isEqualTo(Verdict.CAUTION);
            assertThat(v.score()).isEqualTo(85);
        }

        @Test
        void aSafeGoodFitIsRecommended() {
            assertThat(mixed(client()).verdict()).isEqualTo(Verdict.RECOMMENDED);
        }

        @Test
        void everyReasonNamesItsRuleAndSaysSomething() {
            Assessment a = client().concerns(Concern.ACNE).yes(MedicalFlag.EPILEPSY).jurisdiction("US-CA").build();
            TreatmentVerdict v = ENGINE.recommend(a, List.of(MIXED), SETTINGS, null).treatments().get(0);

            assertThat(v.reasons()).allSatisfy(r -> {
                assertThat(r.rule()).isNotBlank();
                assertThat(r.text()).isNotBlank();
            });
            assertThat(v.reasons()).extracting(Reason::rule).containsExactly("epilepsy", "concern-match", "body-area",
                    "scope-of-practice");
        }
    }

    @Nested
    class ReconsiderOn {

        @Test
        void whenEveryExclusionIsTimeBoundItIsTheLatestEnd() {
            Assessment both = client().isotretinoinOn("2026-06-01").retinoidOn("2026-11-20").build();

            TreatmentVerdict micro = judge(both, "microdermabrasion");

            assertThat(micro.verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(micro.reconsiderOn()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(micro.reasons()).extracting(Reason::rule).contains("isotretinoin-washout",
                    "topical-retinoid-pause");
        }

        @Test
        void theLatestEndWhicheverRuleGivesIt() {
            Assessment retinoidLast = client().isotretinoinOn("2026-05-22").retinoidOn("2026-11-20").build();
            Assessment isotretinoinLast = client().isotretinoinOn("2026-11-01").retinoidOn("2026-11-20").build();

            assertThat(judge(retinoidLast, "microdermabrasion").reconsiderOn()).isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(judge(isotretinoinLast, "microdermabrasion").reconsiderOn())
                    .isEqualTo(LocalDate.of(2027, 5, 1));
        }

        @Test
        void noneWhenOneExclusionDoesNotEndByItself() {
            Assessment washoutAndPregnancy = client().isotretinoinOn("2026-06-01")
                    .yes(MedicalFlag.PREGNANT_OR_BREASTFEEDING).build();

            TreatmentVerdict peel = judge(washoutAndPregnancy, "medium-peel");

            assertThat(peel.verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(peel.reconsiderOn()).isNull();
        }

        @Test
        void noneWhenNotExcludedEvenIfSomethingTimeBoundIsUnknownToo() {
            Assessment unknownAndRecent = client().isotretinoin(LastUse.UNKNOWN).build();

            assertThat(judge(unknownAndRecent, "medium-peel").verdict()).isEqualTo(Verdict.NEEDS_INFORMATION);
            assertThat(judge(unknownAndRecent, "medium-peel").reconsiderOn()).isNull();
            assertThat(judge(client().build(), "medium-peel").reconsiderOn()).isNull();
        }

        @Test
        void aTimeBoundExclusionWithAnUnknownAnswerStillSaysWhenTheWashoutEnds() {
            Assessment a = client().isotretinoinOn("2026-06-01").unknown(MedicalFlag.PREGNANT_OR_BREASTFEEDING).build();

            TreatmentVerdict peel = judge(a, "medium-peel");

            assertThat(peel.verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(peel.reconsiderOn()).isEqualTo(LocalDate.of(2027, 6, 1));
        }
    }

    @Nested
    class Ranking {

        static Treatment priced(String code, String min, String max, Concern... concerns) {
            return TreatmentFixtures.treatment().withCode(code).withConcerns(concerns)
                    .withPrice(price("USD", min, max, "ref-53")).withCourse(course(1, 1, 28, 42, false, "ref-2"))
                    .withContraindications(contraindication("epilepsy", Severity.ABSOLUTE, "Epilepsy.", "ref-48"),
                            contraindication("keloid-tendency", Severity.RELATIVE, "Keloids.", "ref-3"))
                    .build();
        }

        static List<String> codes(Recommendation r) {
            return r.treatments().stream().map(TreatmentVerdict::code).toList();
        }

        @Test
        void byVerdictFirst() {
            Treatment excluded = TreatmentFixtures.treatment().withCode("a-excluded").withContraindications(
                    contraindication("epilepsy", Severity.ABSOLUTE, "Epilepsy.", "ref-48")).build();
            Treatment unknown = TreatmentFixtures.treatment().withCode("b-unknown").withContraindications(
                    contraindication("pregnancy", Severity.ABSOLUTE, "Pregnancy.", "ref-9")).build();
            Treatment caution = TreatmentFixtures.treatment().withCode("c-caution").withContraindications(
                    contraindication("keloid-tendency", Severity.RELATIVE, "Keloids.", "ref-3")).build();
            Treatment possible = TreatmentFixtures.treatment().withCode("d-possible").withConcerns(Concern.REDNESS)
                    .build();
            Treatment recommended = TreatmentFixtures.treatment().withCode("e-recommended").build();
            Assessment a = client().concerns(Concern.ACNE).yes(MedicalFlag.EPILEPSY)
                    .unknown(MedicalFlag.PREGNANT_OR_BREASTFEEDING).yes(MedicalFlag.KELOID_TENDENCY).build();

            Recommendation r = ENGINE.recommend(a, List.of(excluded, unknown, caution, possible, recommended),
                    SETTINGS, null);

            assertThat(codes(r)).containsExactly("e-recommended", "d-possible", "c-caution", "b-unknown",
                    "a-excluded");
        }

        @Test
        void thenWithinBudgetFirstThenByScoreThenByCost() {
            Treatment cheapWeak = priced("cheap-weak", "100", "150", Concern.ACNE);
            Treatment dearStrong = priced("dear-strong", "900", "1000", Concern.ACNE, Concern.TEXTURE);
            Treatment cheapStrongB = priced("cheap-strong-b", "100", "150", Concern.ACNE, Concern.TEXTURE);
            Treatment cheapStrongA = priced("cheap-strong-a", "200", "300", Concern.ACNE, Concern.TEXTURE);
            Assessment a = client().concerns(Concern.ACNE, Concern.TEXTURE).budget("500").build();

            Recommendation r = ENGINE.recommend(a, List.of(cheapWeak, dearStrong, cheapStrongB, cheapStrongA),
                    SETTINGS, null);

            assertThat(r.treatments()).extracting(TreatmentVerdict::verdict).containsOnly(Verdict.RECOMMENDED);
            assertThat(codes(r)).containsExactly("cheap-strong-b", "cheap-strong-a", "cheap-weak", "dear-strong");
            assertThat(r.treatments().get(3).withinBudget()).isFalse();
            Recommendation noBudget = ENGINE.recommend(client().concerns(Concern.ACNE, Concern.TEXTURE).build(),
                    List.of(cheapWeak, dearStrong, cheapStrongB, cheapStrongA), SETTINGS, null);
            assertThat(codes(noBudget)).containsExactly("cheap-strong-b", "cheap-strong-a", "dear-strong",
                    "cheap-weak");
        }

        @Test
        void amongEqualFitsTheLeastInvasiveFirstThenTheLeastDowntimeThenTheLeastCost() {
            Treatment dearGentle = TreatmentFixtures.from(priced("a-dear-gentle", "900", "1000", Concern.ACNE))
                    .withInvasiveness(InvasivenessLevel.NON_INVASIVE).build();
            Treatment cheapDeeper = TreatmentFixtures.from(priced("b-cheap-deeper", "10", "20", Concern.ACNE))
                    .withInvasiveness(InvasivenessLevel.SUPERFICIAL, SkinEffect.EXFOLIATES).build();
            Treatment longDowntime = TreatmentFixtures.from(priced("c-long-downtime", "5", "10", Concern.ACNE))
                    .withInvasiveness(InvasivenessLevel.NON_INVASIVE)
                    .withDowntime(TreatmentFixtures.downtime(3, 5, "Some days.", "inference")).build();
            Assessment a = client().concerns(Concern.ACNE).build();

            Recommendation r = ENGINE.recommend(a, List.of(cheapDeeper, longDowntime, dearGentle), SETTINGS, null);

            assertThat(codes(r)).containsExactly("a-dear-gentle", "c-long-downtime", "b-cheap-deeper");
        }

        @Test
        void aBudgetNeverLiftsATreatmentAboveABetterVerdict() {
            Treatment cheapCaution = priced("cheap-caution", "10", "20", Concern.ACNE);
            Treatment dearSafe = TreatmentFixtures.from(priced("dear-safe", "5000", "9000", Concern.ACNE))
                    .withContraindications().build();
            Assessment keloids = client().concerns(Concern.ACNE).budget("100").yes(MedicalFlag.KELOID_TENDENCY).build();

            Recommendation r = ENGINE.recommend(keloids, List.of(cheapCaution, dearSafe), SETTINGS, null);

            assertThat(r.treatments()).extracting(TreatmentVerdict::verdict)
                    .containsExactly(Verdict.RECOMMENDED, Verdict.CAUTION);
            assertThat(codes(r)).containsExactly("dear-safe", "cheap-caution");
            assertThat(r.treatments()).extracting(TreatmentVerdict::withinBudget).containsExactly(false, true);
        }

        @Test
        void aBudgetInDollarsDoesNotRankCoursesInAnotherCurrency() {
            Treatment cheapEuro = TreatmentFixtures.from(priced("a-euro", "10", "20", Concern.ACNE))
                    .withPrice(price("EUR", "10", "20", "clinic")).build();
            Treatment dearEuro = TreatmentFixtures.from(priced("b-euro", "5000", "9000", Concern.ACNE, Concern.TEXTURE))
                    .withPrice(price("EUR", "5000", "9000", "clinic")).build();
            Assessment a = client().concerns(Concern.ACNE, Concern.TEXTURE).budget("100").build();

            Recommendation r = ENGINE.recommend(a, List.of(cheapEuro, dearEuro), SETTINGS, null);

            assertThat(codes(r)).containsExactly("b-euro", "a-euro");
            assertThat(r.treatments()).allSatisfy(t -> assertThat(t.withinBudget()).isTrue());
        }

        @Test
        void theOrderIsStableWhateverTheCatalogOrder() {
            Assessment a = client().concerns(Concern.ACNE, Concern.BLACKHEADS).budget("1000").build();
            List<Treatment> catalog = new java.util.ArrayList<>(CATALOG.all());
            Recommendation first = ENGINE.recommend(a, catalog, SETTINGS, null);
            Random random = new Random(3);
            for (int i = 0; i < 20; i++) {
                java.util.Collections.shuffle(catalog, random);
                assertThat(ENGINE.recommend(a, catalog, SETTINGS, null)).isEqualTo(first);
            }
        }

        @Test
        void theRankingIsTheDocumentedComparator() {
            Recommendation r = recommend(client().concerns(Concern.ACNE).budget("600").nothingAnswered().build());

            assertThat(r.treatments()).isSortedAccordingTo(RecommendationEngine.RANKING);
        }
    }

    @Nested
    class CoursesByVerdict {

        @Test
        void excludedAndNeedsInformationGetNoCourse() {
            Recommendation r = recommend(client().nothingAnswered().yes(MedicalFlag.EPILEPSY).build());

            assertThat(r.treatments()).filteredOn(t -> !t.verdict().plannable())
                    .isNotEmpty().allSatisfy(t -> assertThat(t.course()).isNull());
            assertThat(r.treatments()).filteredOn(t -> t.verdict().plannable())
                    .allSatisfy(t -> assertThat(t.course()).isNotNull());
        }

        @Test
        void aTreatmentWithoutCourseIsNotWithinABudget() {
            TreatmentVerdict excluded = judge(client().yes(MedicalFlag.EPILEPSY).budget("100000").build(),
                    "high-frequency");

            assertThat(excluded.course()).isNull();
            assertThat(excluded.withinBudget()).isFalse();
        }
    }

    @Test
    void everyTreatmentOfTheCatalogGetsOneVerdictAndTheAssessmentsDate() {
        Recommendation r = recommend(client().build());

        assertThat(r.treatments()).extracting(TreatmentVerdict::code)
                .containsExactlyInAnyOrderElementsOf(CATALOG.all().stream().map(Treatment::code).toList());
        assertThat(r.asOf()).isEqualTo(AS_OF);
        assertThat(r.homeCare()).isNotNull();
    }

    @Test
    void anAssessmentWithoutItsDateIsRefused() {
        Assessment undated = new Assessment(30, null, null, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> recommend(undated)).isInstanceOf(NullPointerException.class).hasMessage("asOf");
    }

    @Test
    void thePreparedCatalogGivesWhatThePlainCatalogGives() {
        PreparedCatalog prepared = ENGINE.prepare(CATALOG.all(), SETTINGS);
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            Assessment a = RecommendationProperties.randomAssessment(random);
            assertThat(ENGINE.recommend(a, prepared, "US-TX")).isEqualTo(ENGINE.recommend(a, CATALOG.all(), SETTINGS,
                    "US-TX"));
        }
    }

    @Test
    void anEmptyCatalogGivesNoTreatmentsButAHomeRoutine() {
        Recommendation r = ENGINE.recommend(client().build(), List.of(), SETTINGS, null);

        assertThat(r.treatments()).isEmpty();
        assertThat(r.homeCare().professionalCadence()).isNull();
        assertThat(r.homeCare().exfoliant()).isNotNull();
    }
}

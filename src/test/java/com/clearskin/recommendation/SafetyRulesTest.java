package com.clearskin.recommendation;

import static com.clearskin.catalog.TreatmentFixtures.contraindication;
import static com.clearskin.recommendation.Engines.AS_OF;
import static com.clearskin.recommendation.Engines.ENGINE;
import static com.clearskin.recommendation.Engines.SETTINGS;
import static com.clearskin.recommendation.Engines.apply;
import static com.clearskin.recommendation.Engines.client;
import static com.clearskin.recommendation.Engines.input;
import static com.clearskin.recommendation.Engines.judge;
import static com.clearskin.recommendation.Engines.rule;
import static com.clearskin.recommendation.Engines.treatment;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.Performer;
import com.clearskin.catalog.Severity;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.TreatmentFixtures;
import com.clearskin.recommendation.Findings.Finding;
import com.clearskin.recommendation.Findings.Kind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One or more tests per rule of {@link SafetyRules#all()}, each rule on its own and through the engine. */
class SafetyRulesTest {

    @Test
    void theSafetyRulesAreTheseAndEachHasItsTestsBelow() {
        List<String> expected = Stream.concat(Arrays.stream(MedicalFlag.values()).map(MedicalFlag::contraindication),
                Stream.of("skin-effect-safety", "isotretinoin-washout", "topical-retinoid-pause", "fitzpatrick-pigmentation-risk",
                        "minimum-age", "thin-or-sensitive-skin", "checked-at-visit", "scope-of-practice")).toList();

        assertThat(SafetyRules.all()).extracting(Rule::name).containsExactlyElementsOf(expected);
    }

    /** A test treatment whose only contraindication is the one a yes to {@code flag} matches. */
    static Treatment probe(MedicalFlag flag, Severity severity) {
        return TreatmentFixtures.treatment().withCode("probe")
                .withContraindications(contraindication(flag.contraindication(), severity, "The probe's text.", "ref-1"))
                .build();
    }

    static Findings medical(MedicalFlag flag, Answer answer, Treatment t) {
        return apply(rule(flag.contraindication()), input(client().answer(flag, answer).build(), t));
    }

    static TreatmentVerdict engineVerdict(Assessment a, Treatment t) {
        return ENGINE.judge(input(a, t));
    }

    /** The 15 medical questions, each matched against the contraindication of the same code. */
    @Nested
    class MedicalAnswers {

        @ParameterizedTest(name = "{0}")
        @EnumSource(MedicalFlag.class)
        void yesWithAnAbsoluteContraindicationExcludesForGood(MedicalFlag flag) {
            Treatment t = probe(flag, Severity.ABSOLUTE);

            List<Finding> found = medical(flag, Answer.YES, t).all();

            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.EXCLUDE);
                assertThat(f.until()).isNull();
                assertThat(f.reason().rule()).isEqualTo(flag.contraindication());
                assertThat(f.reason().text()).contains(flag.question()).contains("The probe's text.");
                assertThat(f.reason().source()).isEqualTo("ref-1");
            });
            TreatmentVerdict v = engineVerdict(client().yes(flag).build(), t);
            assertThat(v.verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(v.reconsiderOn()).isNull();
            assertThat(v.course()).isNull();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(MedicalFlag.class)
        void yesWithARelativeContraindicationAsksForCaution(MedicalFlag flag) {
            Treatment t = probe(flag, Severity.RELATIVE);

            List<Finding> found = medical(flag, Answer.YES, t).all();

            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.CAUTION);
                assertThat(f.reason().rule()).isEqualTo(flag.contraindication());
                assertThat(f.reason().text()).contains(flag.question()).contains("practitioner will decide");
            });
            TreatmentVerdict v = engineVerdict(client().yes(flag).build(), t);
            assertThat(v.verdict()).isEqualTo(Verdict.CAUTION);
            assertThat(v.course()).isNotNull();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(MedicalFlag.class)
        void unknownNeedsTheAnswerWhateverTheSeverity(MedicalFlag flag) {
            for (Severity severity : Severity.values()) {
                Treatment t = probe(flag, severity);

                List<Finding> found = medical(flag, Answer.UNKNOWN, t).all();

                assertThat(found).singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.NEEDS_INFORMATION);
                    assertThat(f.reason().rule()).isEqualTo(flag.contraindication());
                    assertThat(f.reason().text()).contains(flag.question()).contains("the probe's text.");
                });
                TreatmentVerdict v = engineVerdict(client().unknown(flag).build(), t);
                assertThat(v.verdict()).isEqualTo(Verdict.NEEDS_INFORMATION);
                assertThat(v.course()).isNull();
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(MedicalFlag.class)
        void noFindsNothing(MedicalFlag flag) {
            for (Severity severity : Severity.values()) {
                assertThat(medical(flag, Answer.NO, probe(flag, severity)).all()).isEmpty();
            }
            assertThat(engineVerdict(client().build(), probe(flag, Severity.ABSOLUTE)).verdict()).isIn(
                    Verdict.RECOMMENDED, Verdict.POSSIBLE);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(MedicalFlag.class)
        void aTreatmentWithoutThatContraindicationIsNotConcernedEvenIfItHasAllTheOthers(MedicalFlag flag) {
            Treatment others = TreatmentFixtures.treatment().withCode("others").withContraindications(
                    Arrays.stream(MedicalFlag.values()).filter(f -> f != flag)
                            .map(f -> contraindication(f.contraindication(), Severity.ABSOLUTE, "Other.", "ref-1"))
                            .toArray(Treatment.Contraindication[]::new)).build();

            for (Answer answer : Answer.values()) {
                assertThat(medical(flag, answer, others).all()).isEmpty();
            }
            Assessment onlyThisYes = client().yes(flag).build();
            assertThat(engineVerdict(onlyThisYes, others).verdict()).isIn(Verdict.RECOMMENDED, Verdict.POSSIBLE);
        }

        @Test
        void highFrequencyIsExcludedWithAPacemakerAndEpilepsyButADeepCleanseOnlyAsksForCaution() {
            Assessment pacemaker = client().yes(MedicalFlag.PACEMAKER_OR_METAL_IN_AREA).build();
            Assessment epilepsy = client().yes(MedicalFlag.EPILEPSY).build();

            assertThat(judge(pacemaker, "high-frequency").verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(judge(epilepsy, "high-frequency").verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(judge(pacemaker, "deep-pore-cleansing").verdict()).isEqualTo(Verdict.CAUTION);
            assertThat(judge(epilepsy, "deep-pore-cleansing").verdict()).isEqualTo(Verdict.CAUTION);
            assertThat(judge(pacemaker, "led-therapy").verdict()).isNotEqualTo(Verdict.EXCLUDED);
        }

        @Test
        void pregnancyExcludesTheMediumPeelAndHighFrequencyButOnlyCautionsTheSuperficialPeel() {
            Assessment pregnant = client().yes(MedicalFlag.PREGNANT_OR_BREASTFEEDING).build();

            assertThat(judge(pregnant, "medium-peel").verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(judge(pregnant, "high-frequency").verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(judge(pregnant, "chemical-peel").verdict()).isEqualTo(Verdict.CAUTION);
        }

        @Test
        void aSalicylateAllergyExcludesTheChemicalPeel() {
            assertThat(judge(client().yes(MedicalFlag.SALICYLATE_ALLERGY).build(), "chemical-peel").verdict())
                    .isEqualTo(Verdict.EXCLUDED);
        }

        @Test
        void aTreatmentListingTheSameCodeTwiceIsJudgedByTheFirst() {
            Treatment twice = TreatmentFixtures.treatment().withCode("twice").withContraindications(
                    contraindication("keloid-tendency", Severity.RELATIVE, "First.", "ref-1"),
                    contraindication("keloid-tendency", Severity.ABSOLUTE, "Second.", "ref-2")).build();

            assertThat(medical(MedicalFlag.KELOID_TENDENCY, Answer.YES, twice).all()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.CAUTION));
        }
    }

    @Nested
    class IsotretinoinWashout {

        final Rule rule = rule("isotretinoin-washout");

        Findings washout(LastUse last, String treatment) {
            return apply(rule, input(client().isotretinoin(last).build(), treatment(treatment)));
        }

        @Test
        void unknownAsksWhenWithTheTreatmentsWashout() {
            assertThat(washout(LastUse.UNKNOWN, "medium-peel").all()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.NEEDS_INFORMATION);
                assertThat(f.reason().text()).contains("12-month pause");
                assertThat(f.reason().source()).isEqualTo("ref-5");
            });
            assertThat(washout(LastUse.UNKNOWN, "chemical-peel").all()).singleElement()
                    .satisfies(f -> assertThat(f.reason().text()).contains("6-month pause"));
        }

        @Test
        void neverFindsNothing() {
            assertThat(washout(LastUse.NEVER, "laser-resurfacing").all()).isEmpty();
        }

        @Test
        void insideTheWindowExcludesUntilTheWashoutEnds() {
            List<Finding> found = washout(LastUse.on(LocalDate.of(2026, 3, 1)), "laser-resurfacing").all();

            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.EXCLUDE);
                assertThat(f.until()).isEqualTo(LocalDate.of(2027, 3, 1));
                assertThat(f.reason().text()).contains("2026-03-01").contains("12 months").contains("2027-03-01");
                assertThat(f.reason().source()).isEqualTo("ref-24");
            });
            TreatmentVerdict v = judge(client().isotretinoinOn("2026-03-01").build(), "laser-resurfacing");
            assertThat(v.verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(v.reconsiderOn()).isEqualTo(LocalDate.of(2027, 3, 1));
            assertThat(v.course()).isNull();
        }

        @Test
        void theWashoutEndsOnTheDayItNamesAndNotBefore() {
            LocalDate lastDay = AS_OF.minusMonths(6);

            assertThat(washout(LastUse.on(lastDay), "microneedling").all()).isEmpty();
            assertThat(washout(LastUse.on(lastDay.plusDays(1)), "microneedling").all()).singleElement()
                    .satisfies(f -> assertThat(f.until()).isEqualTo(AS_OF.plusDays(1)));
        }

        @Test
        void afterTheWindowFindsNothing() {
            assertThat(washout(LastUse.on(LocalDate.of(2020, 1, 1)), "laser-resurfacing").all()).isEmpty();
        }

        @Test
        void monthsAreCalendarMonthsEndingOnTheLastDayOfAShortMonth() {
            Assessment a = client().isotretinoinOn("2026-08-31").asOf("2026-11-21").build();

            assertThat(apply(rule, input(a, treatment("microneedling"))).reconsiderOn())
                    .isEqualTo(LocalDate.of(2027, 2, 28));
        }

        @Test
        void theWashoutIsPerTreatmentFromTheSettings() {
            Assessment eightMonthsAgo = client().isotretinoin(LastUse.on(AS_OF.minusMonths(8))).build();

            assertThat(judge(eightMonthsAgo, "chemical-peel").verdict()).isNotEqualTo(Verdict.EXCLUDED);
            assertThat(judge(eightMonthsAgo, "microdermabrasion").verdict()).isNotEqualTo(Verdict.EXCLUDED);
            assertThat(judge(eightMonthsAgo, "medium-peel").verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(judge(eightMonthsAgo, "laser-resurfacing").reconsiderOn()).isEqualTo(AS_OF.plusMonths(4));
        }

        @Test
        void aClinicsOwnWashoutCountsAndZeroMonthsMeansNoRule() {
            Assessment twoMonthsAgo = client().isotretinoin(LastUse.on(AS_OF.minusMonths(2))).build();
            Treatment peel = treatment("chemical-peel");

            assertThat(apply(rule, input(twoMonthsAgo, peel, Engines.withWashout("chemical-peel", 18), null))
                    .reconsiderOn()).isEqualTo(AS_OF.plusMonths(16));
            assertThat(apply(rule, input(twoMonthsAgo, peel, Engines.withWashout("chemical-peel", 0), null)).all())
                    .isEmpty();
            Assessment unknown = client().isotretinoin(LastUse.UNKNOWN).build();
            assertThat(apply(rule, input(unknown, peel, Engines.withWashout("chemical-peel", 0), null)).all())
                    .isEmpty();
            assertThat(apply(rule, input(unknown, treatment("led-therapy"))).all()).isEmpty();
        }
    }

    @Nested
    class TopicalRetinoidPause {

        final Rule rule = rule("topical-retinoid-pause");

        Findings pause(LastUse last, String treatment) {
            return apply(rule, input(client().retinoid(last).build(), treatment(treatment)));
        }

        @Test
        void usedYesterdayExcludesMicrodermabrasionForThreeDaysFromThen() {
            assertThat(pause(LastUse.on(AS_OF.minusDays(1)), "microdermabrasion").all()).singleElement()
                    .satisfies(f -> {
                        assertThat(f.kind()).isEqualTo(Kind.EXCLUDE);
                        assertThat(f.until()).isEqualTo(AS_OF.plusDays(2));
                        assertThat(f.reason().source()).isEqualTo("ref-5, ref-14");
                    });
            assertThat(judge(client().retinoid(LastUse.on(AS_OF.minusDays(1))).build(), "microdermabrasion")
                    .reconsiderOn()).isEqualTo(AS_OF.plusDays(2));
        }

        @Test
        void afterThePauseFindsNothing() {
            assertThat(pause(LastUse.on(AS_OF.minusDays(3)), "microdermabrasion").all()).isEmpty();
            assertThat(pause(LastUse.on(AS_OF.minusDays(2)), "hydradermabrasion").all()).isEmpty();
            assertThat(pause(LastUse.on(AS_OF.minusDays(1)), "hydradermabrasion").all()).singleElement()
                    .satisfies(f -> assertThat(f.until()).isEqualTo(AS_OF.plusDays(1)));
        }

        @Test
        void unknownAsksAndNeverFindsNothing() {
            assertThat(pause(LastUse.UNKNOWN, "microdermabrasion").all()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.NEEDS_INFORMATION);
                assertThat(f.reason().text()).contains("3 days");
            });
            assertThat(pause(LastUse.NEVER, "microdermabrasion").all()).isEmpty();
        }

        @Test
        void onlyTreatmentsWithAPauseInTheSettingsAreConcerned() {
            assertThat(pause(LastUse.on(AS_OF), "chemical-peel").all()).isEmpty();
            assertThat(pause(LastUse.UNKNOWN, "laser-resurfacing").all()).isEmpty();
            Assessment today = client().retinoid(LastUse.on(AS_OF)).build();
            assertThat(apply(rule, input(today, treatment("chemical-peel"), Engines.withRetinoidPause("chemical-peel",
                    7), null)).reconsiderOn()).isEqualTo(AS_OF.plusDays(7));
        }
    }

    @Nested
    class FitzpatrickPigmentationRisk {

        final Rule rule = rule("fitzpatrick-pigmentation-risk");

        Findings risk(Integer type, String treatment) {
            return apply(rule, input(client().fitzpatrick(type).build(), treatment(treatment)));
        }

        @ParameterizedTest(name = "Fitzpatrick {0}")
        @ValueSource(ints = {4, 5, 6})
        void typesFromTheThresholdExcludeAblativeLaserAndAskCautionForPeels(int type) {
            assertThat(risk(type, "laser-resurfacing").all()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.EXCLUDE);
                assertThat(f.until()).isNull();
                assertThat(f.reason().text()).contains("Fitzpatrick " + SafetyRules.roman(type));
                assertThat(f.reason().source()).isEqualTo("ref-24, ref-27");
            });
            assertThat(risk(type, "medium-peel").all()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.CAUTION));
            assertThat(risk(type, "chemical-peel").all()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.CAUTION));
            assertThat(judge(client().fitzpatrick(type).build(), "laser-resurfacing").verdict())
                    .isEqualTo(Verdict.EXCLUDED);
            assertThat(judge(client().fitzpatrick(type).build(), "medium-peel").verdict()).isEqualTo(Verdict.CAUTION);
        }

        @ParameterizedTest(name = "Fitzpatrick {0}")
        @ValueSource(ints = {1, 2, 3})
        void typesBelowTheThresholdFindNothing(int type) {
            assertThat(risk(type, "laser-resurfacing").all()).isEmpty();
            assertThat(risk(type, "medium-peel").all()).isEmpty();
        }

        @Test
        void anUnknownTypeAsksForIt() {
            assertThat(risk(null, "laser-resurfacing").all()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.NEEDS_INFORMATION));
        }

        @Test
        void theThresholdIsASetting() {
            Assessment four = client().fitzpatrick(4).build();
            Assessment three = client().fitzpatrick(3).build();
            Treatment laser = treatment("laser-resurfacing");

            assertThat(apply(rule, input(four, laser, Engines.withFitzpatrickRiskFrom(5), null)).all()).isEmpty();
            assertThat(apply(rule, input(three, laser, Engines.withFitzpatrickRiskFrom(3), null)).all())
                    .singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.EXCLUDE));
        }

        @Test
        void treatmentsWithoutThePigmentationRiskAreNotConcerned() {
            assertThat(risk(6, "microneedling").all()).isEmpty();
            assertThat(risk(null, "led-therapy").all()).isEmpty();
        }
    }

    @Nested
    class MinimumAge {

        final Rule rule = rule("minimum-age");

        Findings age(Integer age, String treatment) {
            return apply(rule, input(client().age(age).build(), treatment(treatment)));
        }

        @Test
        void microneedlingIsForPeopleAged22AndOver() {
            assertThat(age(21, "microneedling").all()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.EXCLUDE);
                assertThat(f.reason().text()).contains("22");
                assertThat(f.reason().source()).isEqualTo("ref-18");
            });
            assertThat(age(22, "microneedling").all()).isEmpty();
            assertThat(judge(client().age(21).build(), "microneedling").verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(judge(client().age(21).build(), "microneedling").reconsiderOn()).isNull();
        }

        @Test
        void theResurfacingLaserAndMediumPeelAreForAdults() {
            assertThat(age(17, "laser-resurfacing").all()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.EXCLUDE));
            assertThat(age(18, "medium-peel").all()).isEmpty();
            assertThat(age(15, "extraction-facial").all()).isEmpty();
        }

        @Test
        void anUnknownAgeAsksForIt() {
            assertThat(age(null, "microneedling").all()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.NEEDS_INFORMATION));
            assertThat(age(null, "led-therapy").all()).isEmpty();
        }

        @Test
        void theAgeIsASettingAndARelativeContraindicationOnlyAsksForCaution() {
            Assessment twenty = client().age(20).build();
            Treatment relative = TreatmentFixtures.treatment().withCode("young").withContraindications(
                    contraindication("under-minimum-age", Severity.RELATIVE, "With a parent's consent.", "ref-1"))
                    .build();

            assertThat(apply(rule, input(twenty, treatment("microneedling"), Engines.withMinimumAge("microneedling",
                    18), null)).all()).isEmpty();
            assertThat(apply(rule, input(twenty, relative, Engines.withMinimumAge("young", 21), null)).all())
                    .singleElement().satisfies(f -> {
                        assertThat(f.kind()).isEqualTo(Kind.CAUTION);
                        assertThat(f.reason().text()).contains("parent's consent");
                    });
        }
    }

    @Nested
    class ThinOrSensitiveSkin {

        final Rule rule = rule("thin-or-sensitive-skin");

        @Test
        void sensitiveSkinAsksForCautionWithTheAtHomeCleanse() {
            Findings f = apply(rule, input(client().skin(SkinType.SENSITIVE).build(),
                    treatment("home-deep-pore-cleansing")));

            assertThat(f.all()).singleElement().satisfies(found -> {
                assertThat(found.kind()).isEqualTo(Kind.CAUTION);
                assertThat(found.reason().text()).contains("low suction");
                assertThat(found.reason().source()).isEqualTo("ref-30, seed-001");
            });
        }

        @Test
        void otherSkinTypesFindNothingAndAnUnknownOneAsks() {
            for (SkinType type : SkinType.values()) {
                if (type != SkinType.SENSITIVE) {
                    assertThat(apply(rule, input(client().skin(type).build(), treatment("home-deep-pore-cleansing")))
                            .all()).isEmpty();
                }
            }
            assertThat(apply(rule, input(client().skin(null).build(), treatment("home-deep-pore-cleansing"))).all())
                    .singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.NEEDS_INFORMATION));
        }

        @Test
        void anAbsoluteOneExcludesAndTreatmentsWithoutItAreNotConcerned() {
            Treatment absolute = TreatmentFixtures.treatment().withContraindications(
                    contraindication("thin-or-sensitive-skin", Severity.ABSOLUTE, "Not for thin skin.", "ref-1")).build();
            Assessment sensitive = client().skin(SkinType.SENSITIVE).build();

            assertThat(apply(rule, input(sensitive, absolute)).all()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.EXCLUDE));
            assertThat(apply(rule, input(sensitive, treatment("chemical-peel"))).all()).isEmpty();
        }
    }

    @Nested
    class CheckedAtVisit {

        final Rule rule = rule("checked-at-visit");

        @Test
        void contraindicationsTheIntakeDoesNotAskAreNamedForTheVisit() {
            Findings f = apply(rule, input(client().build(), treatment("hydradermabrasion")));

            assertThat(f.all()).singleElement().satisfies(found -> {
                assertThat(found.kind()).isEqualTo(Kind.NOTE);
                assertThat(found.reason().text()).isEqualTo("Your practitioner will check at the visit for: "
                        + "an active rash.");
                assertThat(found.reason().source()).isEqualTo("ref-29");
            });
            assertThat(apply(rule, input(client().build(), treatment("microdermabrasion"))).all()).singleElement()
                    .satisfies(found -> assertThat(found.reason().text()).contains("broken capillaries")
                            .contains("pustular (inflamed) acne").doesNotContain("etinoid"));
        }

        @Test
        void aTreatmentWhoseContraindicationsAreAllAskedGetsNoNote() {
            assertThat(apply(rule, input(client().build(), treatment("laser-resurfacing"))).all()).isEmpty();
            assertThat(apply(rule, input(client().build(), treatment("high-frequency"))).all()).isEmpty();
        }

        @Test
        void isotretinoinWithoutAWashoutSettingIsLeftToThePractitioner() {
            Findings noWashout = apply(rule, input(client().build(), treatment("chemical-peel"),
                    Engines.withWashout("chemical-peel", 0), null));

            assertThat(noWashout.all()).singleElement()
                    .satisfies(f -> assertThat(f.reason().text()).contains("isotretinoin"));
            assertThat(apply(rule, input(client().build(), treatment("chemical-peel"))).all()).isEmpty();
        }

        @Test
        void anAgeContraindicationWithoutAMinimumAgeIsLeftToThePractitioner() {
            Findings noAge = apply(rule, input(client().build(), treatment("microneedling"),
                    Engines.withMinimumAge("microneedling", null), null));

            assertThat(noAge.all()).singleElement().satisfies(f -> assertThat(f.reason().text()).contains("under 22"));
        }
    }

    @Nested
    class ScopeOfPractice {

        final Rule rule = rule("scope-of-practice");

        @Test
        void namesWhoMayPerformItWhereTheClinicPractises() {
            Findings f = apply(rule, input(client().build(), treatment("chemical-peel"), SETTINGS, "US-TX"));

            assertThat(f.all()).singleElement().satisfies(found -> {
                assertThat(found.kind()).isEqualTo(Kind.NOTE);
                assertThat(found.reason().text()).startsWith("In US-TX this treatment is performed by: "
                        + Performer.NURSE.label() + ", " + Performer.PHYSICIAN.label() + ".");
            });
            assertThat(apply(rule, input(client().build(), treatment("chemical-peel"), SETTINGS, "US-CA")).all())
                    .singleElement().satisfies(found -> assertThat(found.reason().text())
                            .contains(Performer.ESTHETICIAN.label()));
        }

        @Test
        void saysNothingWhereTheCatalogDoesNotKnowTheJurisdictionOrNoneIsGiven() {
            assertThat(apply(rule, input(client().build(), treatment("chemical-peel"), SETTINGS, "GB")).all())
                    .isEmpty();
            assertThat(apply(rule, input(client().build(), treatment("chemical-peel"), SETTINGS, null)).all())
                    .isEmpty();
            assertThat(apply(rule, input(client().build(), treatment("laser-resurfacing"), SETTINGS, "US-CA")).all())
                    .isEmpty();
        }

        @Test
        void theClinicsJurisdictionComesFirstThenTheAssessments() {
            Assessment inTexas = client().jurisdiction("US-TX").build();
            Recommendation own = ENGINE.recommend(inTexas, List.of(treatment("chemical-peel")), SETTINGS, null);
            Recommendation clinic = ENGINE.recommend(inTexas, List.of(treatment("chemical-peel")), SETTINGS, "US-CA");

            assertThat(own.treatments().get(0).reasons()).anySatisfy(r -> assertThat(r.text()).contains("US-TX"));
            assertThat(clinic.treatments().get(0).reasons()).anySatisfy(r -> assertThat(r.text()).contains("US-CA"))
                    .noneSatisfy(r -> assertThat(r.text()).contains("US-TX"));
        }
    }

    /** What a treatment does to the skin decides where it is never safe, whatever its list says. */
    @Nested
    class SkinEffectSafetyRule {

        final Rule rule = rule(SkinEffectSafety.RULE);

        /** A clinic's copy of microneedling whose contraindication list was emptied. */
        Treatment emptied(Treatment t) {
            return t.withContraindications(List.of());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = MedicalFlag.class, names = {"SUNBURN_OR_RECENT_TAN", "OPEN_WOUNDS_IN_AREA",
                "ACTIVE_INFECTION_IN_AREA", "ROSACEA_OR_ECZEMA_FLARE", "PSORIASIS_FLARE"})
        void compromisedSkinExcludesAWoundingTreatmentEvenWhenTheCatalogForgotIt(MedicalFlag flag) {
            Treatment t = emptied(treatment("microneedling"));

            TreatmentVerdict v = engineVerdict(client().answer(flag, Answer.YES).build(), t);

            assertThat(v.verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(v.reasons()).anySatisfy(r -> {
                assertThat(r.rule()).isEqualTo(SkinEffectSafety.RULE);
                assertThat(r.text()).contains(flag.question()).contains("wounds");
            });
            assertThat(v.reconsiderOn()).isNull();
        }

        @Test
        void aKeloidTendencyIsACautionForATreatmentThatReachesTheDermis() {
            Treatment t = emptied(treatment("non-ablative-laser"));

            TreatmentVerdict v = engineVerdict(client().answer(MedicalFlag.KELOID_TENDENCY, Answer.YES).build(), t);

            assertThat(v.verdict()).isEqualTo(Verdict.CAUTION);
            assertThat(v.reasons()).anySatisfy(r -> assertThat(r.text()).contains("dermis"));
        }

        @Test
        void anUnknownAnswerThatTheEffectsMakeMatterIsAskedFor() {
            Treatment t = emptied(treatment("chemical-peel"));

            List<Finding> found = apply(rule, input(client().answer(MedicalFlag.SUNBURN_OR_RECENT_TAN, Answer.UNKNOWN)
                    .build(), t)).all();

            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.NEEDS_INFORMATION);
                assertThat(f.reason().text()).contains(MedicalFlag.SUNBURN_OR_RECENT_TAN.question());
            });
        }

        @Test
        void aContraindicationTheClinicWeakenedIsRaisedBackToTheFloor() {
            Treatment peel = treatment("chemical-peel");
            Treatment weakened = peel.withContraindications(peel.contraindications().stream()
                    .map(c -> c.code().equals("sunburn-or-tan") ? new Treatment.Contraindication(c.code(),
                            Severity.RELATIVE, c.text(), List.of("clinic"), null, false) : c).toList());

            TreatmentVerdict v = engineVerdict(client().answer(MedicalFlag.SUNBURN_OR_RECENT_TAN, Answer.YES).build(),
                    weakened);

            assertThat(v.verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(v.reasons()).extracting(Reason::rule).contains(SkinEffectSafety.RULE)
                    .doesNotContain("sunburn-or-tan");
        }

        @Test
        void aTreatmentThatDoesNothingToTheSkinIsNotConcerned() {
            Treatment led = treatment("led-therapy");

            assertThat(rule.mayApplyTo(new PreparedTreatment(led, SETTINGS))).isFalse();
            assertThat(engineVerdict(client().answer(MedicalFlag.SUNBURN_OR_RECENT_TAN, Answer.YES).build(), led)
                    .verdict()).isNotEqualTo(Verdict.EXCLUDED);
        }

        @Test
        void aTreatmentWithoutAnInvasivenessFactIsReadAsDoingEverything() {
            Treatment unknown = emptied(treatment("led-therapy")).withInvasiveness(null);

            assertThat(engineVerdict(client().answer(MedicalFlag.OPEN_WOUNDS_IN_AREA, Answer.YES).build(), unknown)
                    .verdict()).isEqualTo(Verdict.EXCLUDED);
        }

        @Test
        void whereTheCatalogListsItAsStronglyTheCatalogsOwnRuleSpeaks() {
            Treatment t = treatment("microneedling");

            assertThat(rule.mayApplyTo(new PreparedTreatment(t, SETTINGS))).isFalse();
            assertThat(engineVerdict(client().answer(MedicalFlag.OPEN_WOUNDS_IN_AREA, Answer.YES).build(), t)
                    .reasons()).extracting(Reason::rule).contains("open-wounds");
        }
    }
}

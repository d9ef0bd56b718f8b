package com.clearskin.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.SkinType;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class AssessmentParserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    static Assessment parse(String json) {
        return AssessmentParser.parse(JSON.readTree(json), TODAY);
    }

    /** The violations {@code json} is refused with. */
    static List<Violation> refused(String json) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse(json));
        assertThat(e).as("refused: " + json).isNotNull();
        return e.violations();
    }

    static Violation only(String json) {
        List<Violation> violations = refused(json);
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    @Test
    void aConcernsSeverityIsReadAndAConcernNotNamedIsModerate() {
        Assessment a = parse("""
                {"concerns": ["acne-scars", "blackheads", "texture"], "severity": {"acne-scars": "severe", "texture": "mild"}}""");

        assertThat(a.severityOf(com.clearskin.catalog.Concern.ACNE_SCARS)).isEqualTo(ConcernSeverity.SEVERE);
        assertThat(a.severityOf(com.clearskin.catalog.Concern.TEXTURE)).isEqualTo(ConcernSeverity.MILD);
        assertThat(a.severityOf(com.clearskin.catalog.Concern.BLACKHEADS)).isEqualTo(ConcernSeverity.MODERATE);
    }

    @Test
    void aSeverityKeyThatIsNotAmongTheConcernsIsRefusedByName() {
        assertThat(only("{\"concerns\": [\"acne\"], \"severity\": {\"acne-scars\": \"severe\"}}").field())
                .isEqualTo("severity.acne-scars");
        assertThat(only("{\"concerns\": [\"acne\"], \"severity\": {\"wrinkles\": \"mild\"}}").field())
                .isEqualTo("severity.wrinkles");
        assertThat(only("{\"concerns\": [\"acne\"], \"severity\": {\"acne\": \"terrible\"}}").field())
                .isEqualTo("severity.acne");
        assertThat(only("{\"concerns\": [\"acne\"], \"severity\": [\"acne\"]}").field()).isEqualTo("severity");
    }

    @Test
    void theLevelsTriedWithoutEnoughImprovementAreRead() {
        Assessment a = parse("{\"concerns\": [\"acne-scars\"], \"triedWithoutEnoughImprovement\": [\"superficial\"]}");

        assertThat(a.triedWithoutEnoughImprovement()).containsExactly(com.clearskin.catalog.InvasivenessLevel.SUPERFICIAL);
        assertThat(only("{\"triedWithoutEnoughImprovement\": [\"gentle\"]}").field())
                .isEqualTo("triedWithoutEnoughImprovement[0]");
    }

    @Test
    void severityAndTriedTravelBackThroughTheJson() {
        Assessment a = parse("""
                {"concerns": ["acne-scars"], "severity": {"acne-scars": "severe"}, "triedWithoutEnoughImprovement": ["superficial"]}""");

        assertThat(AssessmentParser.parse(JSON.valueToTree(AssessmentJson.toMap(a)), TODAY)).isEqualTo(a);
    }

    @Test
    void aFullAssessment() {
        Assessment a = parse("""
                {"age": 34, "skinType": "acne-prone", "fitzpatrick": 5, "concerns": ["acne", "back-acne"],
                 "bodyAreas": ["face", "back"], "causes": ["excess-sebum"], "pregnantOrBreastfeeding": false,
                 "medical": {"epilepsy": true, "keloidTendency": null},
                 "isotretinoinLastTaken": "2026-02-01", "topicalRetinoidLastUsed": "never",
                 "asOf": "2026-11-01", "budgetUsd": 750.50, "jurisdiction": "US-TX"}""");

        assertThat(a.age()).isEqualTo(34);
        assertThat(a.skinType()).isEqualTo(SkinType.ACNE_PRONE);
        assertThat(a.fitzpatrick()).isEqualTo(5);
        assertThat(a.concerns()).containsExactly(Concern.ACNE, Concern.BACK_ACNE);
        assertThat(a.bodyAreas()).containsExactly(BodyArea.FACE, BodyArea.BACK);
        assertThat(a.causes()).containsExactly(Cause.EXCESS_SEBUM);
        assertThat(a.answer(MedicalFlag.PREGNANT_OR_BREASTFEEDING)).isEqualTo(Answer.NO);
        assertThat(a.answer(MedicalFlag.EPILEPSY)).isEqualTo(Answer.YES);
        assertThat(a.answer(MedicalFlag.KELOID_TENDENCY)).isEqualTo(Answer.UNKNOWN);
        assertThat(a.answer(MedicalFlag.SALICYLATE_ALLERGY)).isEqualTo(Answer.UNKNOWN);
        assertThat(a.isotretinoinLastTaken()).isEqualTo(LastUse.on(LocalDate.of(2026, 2, 1)));
        assertThat(a.topicalRetinoidLastUsed()).isEqualTo(LastUse.NEVER);
        assertThat(a.asOf()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(a.budgetUsd()).isEqualByComparingTo("750.50");
        assertThat(a.jurisdiction()).isEqualTo("US-TX");
    }

    @Test
    void anEmptyObjectIsAnAssessmentWhereEverythingIsUnknownAsOfToday() {
        Assessment a = parse("{}");

        assertThat(a.age()).isNull();
        assertThat(a.skinType()).isNull();
        assertThat(a.fitzpatrick()).isNull();
        assertThat(a.concerns()).isEmpty();
        assertThat(a.medical().values()).containsOnly(Answer.UNKNOWN);
        assertThat(a.medical()).hasSize(MedicalFlag.values().length);
        assertThat(a.isotretinoinLastTaken().unknown()).isTrue();
        assertThat(a.topicalRetinoidLastUsed().unknown()).isTrue();
        assertThat(a.asOf()).isEqualTo(TODAY);
        assertThat(a.budgetUsd()).isNull();
    }

    @Test
    void whatTheJsonFormWritesReadsBackTheSame() throws Exception {
        Assessment a = parse("""
                {"age": 34, "skinType": "dry", "fitzpatrick": 2, "concerns": ["texture"], "epilepsy": true,
                 "salicylateAllergy": false, "isotretinoinLastTaken": "2025-01-31", "budgetUsd": 100}""");

        assertThat(parse(JSON.writeValueAsString(AssessmentJson.toMap(a)))).isEqualTo(a);
    }

    @Nested
    class Codes {

        @Test
        void anUnknownSkinTypeIsNamedWithTheAllowedCodes() {
            Violation v = only("{\"skinType\": \"greasy\"}");

            assertThat(v.field()).isEqualTo("skinType");
            assertThat(v.reason()).contains("'greasy'").contains("oily").contains("acne-prone").contains("sensitive");
        }

        @Test
        void anUnknownConcernIsNamedByItsPlaceInTheList() {
            List<Violation> violations = refused("{\"concerns\": [\"acne\", \"wrinkles\", \"texture\", 7]}");

            assertThat(violations).extracting(Violation::field).containsExactly("concerns[1]", "concerns[3]");
            assertThat(violations.get(0).reason()).contains("'wrinkles'").contains("enlarged-pores");
        }

        @Test
        void bodyAreasAndCausesToo() {
            assertThat(refused("{\"bodyAreas\": [\"face\", \"feet\"], \"causes\": [\"stress\"]}"))
                    .extracting(Violation::field).containsExactly("bodyAreas[1]", "causes[0]");
        }

        @Test
        void aNullInAListIsRefusedNotSkipped() {
            assertThat(only("{\"concerns\": [\"acne\", null]}").field()).isEqualTo("concerns[1]");
        }

        @Test
        void aListMustBeAList() {
            assertThat(only("{\"concerns\": \"acne\"}").field()).isEqualTo("concerns");
            assertThat(only("{\"skinType\": 3}").field()).isEqualTo("skinType");
        }

        @Test
        void aCodeNamedTwiceCountsOnce() {
            assertThat(parse("{\"concerns\": [\"acne\", \"texture\", \"acne\"]}").concerns())
                    .containsExactly(Concern.ACNE, Concern.TEXTURE);
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest(name = "fitzpatrick {0}")
        @ValueSource(strings = {"0", "7", "-1", "4.5", "\"VII\"", "\"4\"", "true", "99999999999999999999999"})
        void aFitzpatrickTypeOutside1To6IsRefused(String value) {
            Violation v = only("{\"fitzpatrick\": " + value + "}");

            assertThat(v.field()).isEqualTo("fitzpatrick");
            assertThat(v.reason()).contains("1 to 6");
        }

        @Test
        void fitzpatrickTypesAreNumbersOrRomanNumerals() {
            assertThat(parse("{\"fitzpatrick\": 1}").fitzpatrick()).isEqualTo(1);
            assertThat(parse("{\"fitzpatrick\": 6}").fitzpatrick()).isEqualTo(6);
            assertThat(parse("{\"fitzpatrick\": \"IV\"}").fitzpatrick()).isEqualTo(4);
            assertThat(parse("{\"fitzpatrick\": \"vi\"}").fitzpatrick()).isEqualTo(6);
            assertThat(parse("{\"fitzpatrick\": \" ii \"}").fitzpatrick()).isEqualTo(2);
            assertThat(parse("{\"fitzpatrick\": \"I\"}").fitzpatrick()).isEqualTo(1);
        }

        @ParameterizedTest(name = "age {0}")
        @ValueSource(strings = {"-1", "121", "30.5", "\"thirty\"", "99999999999999999999999", "-1e400"})
        void anAgeMustBeAWholeNumberFrom0To120(String value) {
            Violation v = only("{\"age\": " + value + "}");

            assertThat(v.field()).isEqualTo("age");
            assertThat(v.reason()).contains("0 to 120");
        }

        @Test
        void agesAtTheLimitsAreAccepted() {
            assertThat(parse("{\"age\": 0}").age()).isZero();
            assertThat(parse("{\"age\": 120}").age()).isEqualTo(120);
        }

        @ParameterizedTest(name = "budget {0}")
        @ValueSource(strings = {"-0.01", "10000000.01", "\"500\"", "1e400", "-1e400"})
        void aBudgetMustBeAnAmountFrom0To10Million(String value) {
            assertThat(only("{\"budgetUsd\": " + value + "}").field()).isEqualTo("budgetUsd");
        }

        @Test
        void budgetsAtTheLimitsAreAccepted() {
            assertThat(parse("{\"budgetUsd\": 0}").budgetUsd()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(parse("{\"budgetUsd\": 10000000}").budgetUsd()).isEqualByComparingTo("10000000");
        }
    }

    @Nested
    class Dates {

        @Test
        void isotretinoinTakenAfterTheAssessmentsDateIsRefused() {
            Violation v = only("{\"asOf\": \"2026-06-01\", \"isotretinoinLastTaken\": \"2026-06-02\"}");

            assertThat(v.field()).isEqualTo("isotretinoinLastTaken");
            assertThat(v.reason()).contains("future").contains("2026-06-02").contains("2026-06-01");
            assertThat(parse("{\"asOf\": \"2026-06-01\", \"isotretinoinLastTaken\": \"2026-06-01\"}")
                    .isotretinoinLastTaken().date()).isEqualTo(LocalDate.of(2026, 6, 1));
        }

        @Test
        void withoutAnAssessmentDateTheFutureStartsTomorrow() {
            assertThat(only("{\"topicalRetinoidLastUsed\": \"2026-11-22\"}").field())
                    .isEqualTo("topicalRetinoidLastUsed");
            assertThat(parse("{\"topicalRetinoidLastUsed\": \"2026-11-21\"}").topicalRetinoidLastUsed().date())
                    .isEqualTo(TODAY);
        }

        @Test
        void neverAndUnknownAreWords() {
            Assessment a = parse("{\"isotretinoinLastTaken\": \"Never\", \"topicalRetinoidLastUsed\": \"unknown\"}");

            assertThat(a.isotretinoinLastTaken()).isEqualTo(LastUse.NEVER);
            assertThat(a.topicalRetinoidLastUsed()).isEqualTo(LastUse.UNKNOWN);
            assertThat(parse("{\"isotretinoinLastTaken\": null}").isotretinoinLastTaken()).isEqualTo(LastUse.UNKNOWN);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"2026-02-30\"", "\"01/02/2026\"", "\"yesterday\"", "20260101", "true"})
        void aMalformedDateIsRefusedWithWhatIsAllowed(String value) {
            Violation v = only("{\"isotretinoinLastTaken\": " + value + "}");

            assertThat(v.field()).isEqualTo("isotretinoinLastTaken");
            assertThat(v.reason()).contains("YYYY-MM-DD").contains("never");
        }

        @Test
        void theAssessmentDateIsADateWithinReason() {
            assertThat(only("{\"asOf\": \"1899-12-31\"}").field()).isEqualTo("asOf");
            assertThat(only("{\"asOf\": \"2037-01-01\"}").field()).isEqualTo("asOf");
            assertThat(only("{\"asOf\": \"soon\"}").field()).isEqualTo("asOf");
            assertThat(parse("{\"asOf\": \"2030-01-01\"}").asOf()).isEqualTo(LocalDate.of(2030, 1, 1));
        }
    }

    @Nested
    class MedicalAnswers {

        @Test
        void answersMayBeFlatOrNestedUnderMedical() {
            Assessment flat = parse("{\"epilepsy\": true, \"coldSoreHistory\": false}");
            Assessment nested = parse("{\"medical\": {\"epilepsy\": true, \"coldSoreHistory\": false}}");

            assertThat(flat).isEqualTo(nested);
            assertThat(flat.answer(MedicalFlag.EPILEPSY)).isEqualTo(Answer.YES);
            assertThat(flat.answer(MedicalFlag.COLD_SORE_HISTORY)).isEqualTo(Answer.NO);
        }

        @Test
        void theMedicinesMayBeNestedToo() {
            Assessment a = parse("{\"medical\": {\"isotretinoinLastTaken\": \"never\", "
                    + "\"topicalRetinoidLastUsed\": \"2026-11-01\"}}");

            assertThat(a.isotretinoinLastTaken()).isEqualTo(LastUse.NEVER);
            assertThat(a.topicalRetinoidLastUsed().date()).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(only("{\"medical\": {\"isotretinoinLastTaken\": \"2027-01-01\"}}").field())
                    .isEqualTo("medical.isotretinoinLastTaken");
        }

        @Test
        void yesNoAndUnknownMayBeWords() {
            Assessment a = parse("{\"epilepsy\": \"yes\", \"coldSoreHistory\": \"No\", \"keloidTendency\": \"unknown\", "
                    + "\"psoriasisFlare\": \"TRUE\", \"recentChemotherapy\": \"false\", \"skinCancerInArea\": \"\"}");

            assertThat(a.answer(MedicalFlag.EPILEPSY)).isEqualTo(Answer.YES);
            assertThat(a.answer(MedicalFlag.COLD_SORE_HISTORY)).isEqualTo(Answer.NO);
            assertThat(a.answer(MedicalFlag.KELOID_TENDENCY)).isEqualTo(Answer.UNKNOWN);
            assertThat(a.answer(MedicalFlag.PSORIASIS_FLARE)).isEqualTo(Answer.YES);
            assertThat(a.answer(MedicalFlag.RECENT_CHEMOTHERAPY)).isEqualTo(Answer.NO);
            assertThat(a.answer(MedicalFlag.SKIN_CANCER_IN_AREA)).isEqualTo(Answer.UNKNOWN);
        }

        @Test
        void anythingElseIsRefusedWhereItWasGiven() {
            assertThat(refused("{\"epilepsy\": 1, \"medical\": {\"keloidTendency\": \"maybe\"}}"))
                    .extracting(Violation::field).containsExactlyInAnyOrder("epilepsy", "medical.keloidTendency");
            assertThat(only("{\"epilepsy\": null, \"medical\": {\"epilepsy\": [true]}}").field())
                    .isEqualTo("medical.epilepsy");
        }

        @Test
        void flatAndNestedAnswersMustAgree() {
            Violation v = only("{\"epilepsy\": false, \"medical\": {\"epilepsy\": true}}");

            assertThat(v.field()).isEqualTo("epilepsy");
            assertThat(v.reason()).contains("both");
            assertThat(parse("{\"epilepsy\": true, \"medical\": {\"epilepsy\": \"yes\"}}").answer(MedicalFlag.EPILEPSY))
                    .isEqualTo(Answer.YES);
            assertThat(parse("{\"epilepsy\": null, \"medical\": {\"epilepsy\": true}}").answer(MedicalFlag.EPILEPSY))
                    .isEqualTo(Answer.YES);
            assertThat(only("{\"isotretinoinLastTaken\": \"never\", \"medical\": {\"isotretinoinLastTaken\": "
                    + "\"2026-01-01\"}}").field()).isEqualTo("isotretinoinLastTaken");
        }

        @Test
        void medicalMustBeAnObjectOfKnownQuestions() {
            assertThat(only("{\"medical\": [true]}").field()).isEqualTo("medical");
            Violation misspelt = only("{\"medical\": {\"epilepsie\": true}}");
            assertThat(misspelt.field()).isEqualTo("medical.epilepsie");
            assertThat(only("{\"medical\": {\"age\": 30}}").field()).isEqualTo("medical.age");
            assertThat(parse("{\"medical\": null}").medical().values()).containsOnly(Answer.UNKNOWN);
        }

        @Test
        void everyQuestionHasItsField() {
            for (MedicalFlag flag : MedicalFlag.values()) {
                assertThat(parse("{\"" + flag.field() + "\": true}").answer(flag)).as(flag.field())
                        .isEqualTo(Answer.YES);
                assertThat(MedicalFlag.byField(flag.field())).contains(flag);
            }
        }
    }

    @Nested
    class Shape {

        @Test
        void anUnknownTopLevelFieldIsRefusedSoAMisspeltQuestionIsNeverReadAsUnknown() {
            Violation v = only("{\"pregnant\": true}");

            assertThat(v.field()).isEqualTo("pregnant");
            assertThat(v.reason()).contains("not a field");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[]", "[{\"age\": 30}]", "\"assessment\"", "42", "null", "true"})
        void aBodyThatIsNotAnObjectIsRefused(String json) {
            assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("body"));
        }

        @Test
        void noBodyAtAllIsRefused() {
            assertThatThrownBy(() -> AssessmentParser.parse(null, TODAY)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        void everyWrongFieldIsReportedAtOnce() {
            List<Violation> violations = refused("""
                    {"age": -3, "skinType": "shiny", "fitzpatrick": 0, "concerns": ["pimples"], "epilepsy": "often",
                     "isotretinoinLastTaken": "2027-01-01", "budgetUsd": -5, "jurisdiction": "texas", "colour": "red"}""");

            assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("age", "skinType",
                    "fitzpatrick", "concerns[0]", "epilepsy", "isotretinoinLastTaken", "budgetUsd", "jurisdiction",
                    "colour");
            assertThat(violations).allSatisfy(v -> assertThat(v.reason()).isNotBlank());
        }

        @Test
        void aJurisdictionIsAnIsoCode() {
            assertThat(parse("{\"jurisdiction\": \"US-CA\"}").jurisdiction()).isEqualTo("US-CA");
            assertThat(parse("{\"jurisdiction\": \"GB\"}").jurisdiction()).isEqualTo("GB");
            assertThat(only("{\"jurisdiction\": \"us-ca\"}").field()).isEqualTo("jurisdiction");
            assertThat(only("{\"jurisdiction\": 5}").field()).isEqualTo("jurisdiction");
        }
    }

    @Test
    void anAssessmentBuiltInCodeKeepsEveryAnswerAndNoDuplicates() {
        Assessment a = new Assessment(null, null, null, List.of(Concern.ACNE, Concern.ACNE), null, null,
                Map.of(MedicalFlag.EPILEPSY, Answer.YES), null, null, TODAY, null, null);

        assertThat(a.concerns()).containsExactly(Concern.ACNE);
        assertThat(a.medical()).hasSize(MedicalFlag.values().length);
        assertThat(a.answer(MedicalFlag.EPILEPSY)).isEqualTo(Answer.YES);
        assertThat(a.answer(MedicalFlag.PSORIASIS_FLARE)).isEqualTo(Answer.UNKNOWN);
        assertThat(a.with(MedicalFlag.EPILEPSY, Answer.NO).answer(MedicalFlag.EPILEPSY)).isEqualTo(Answer.NO);
        assertThat(a.areasOrFace()).containsExactly(BodyArea.FACE);
    }
}

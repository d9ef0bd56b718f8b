package com.clearskin.clients.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.AssessmentParser;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.SkinType;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.ObjectNode;

class IntakeFormTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    static MultiValueMap<String, String> posted() {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        p.add("age", " 34 ");
        p.add("skinType", "oily");
        p.add("fitzpatrick", "4");
        p.add("concerns", "acne");
        p.add("concerns", "blackheads");
        p.add("bodyAreas", "back");
        p.add("epilepsy", "yes");
        p.add("pregnantOrBreastfeeding", "no");
        p.add("isotretinoinLastTaken", "date");
        p.add("isotretinoinLastTakenDate", "2026-08-21");
        p.add("topicalRetinoidLastUsed", "never");
        p.add("budgetUsd", "450.50");
        return p;
    }

    static Assessment parse(MultiValueMap<String, String> params, List<Violation> violations) {
        ObjectNode json = IntakeForm.from(params).toJson(violations);
        return AssessmentParser.parse(json, TODAY);
    }

    @Test
    void theFormBecomesTheAssessmentTheApiWouldRead() {
        List<Violation> violations = new ArrayList<>();
        Assessment a = parse(posted(), violations);
        assertThat(violations).isEmpty();
        assertThat(a.age()).isEqualTo(34);
        assertThat(a.skinType()).isEqualTo(SkinType.OILY);
        assertThat(a.fitzpatrick()).isEqualTo(4);
        assertThat(a.concerns()).containsExactly(Concern.ACNE, Concern.BLACKHEADS);
        assertThat(a.answer(MedicalFlag.EPILEPSY)).isEqualTo(Answer.YES);
        assertThat(a.answer(MedicalFlag.PREGNANT_OR_BREASTFEEDING)).isEqualTo(Answer.NO);
        assertThat(a.answer(MedicalFlag.COLD_SORE_HISTORY)).as("not asked is unknown").isEqualTo(Answer.UNKNOWN);
        assertThat(a.isotretinoinLastTaken()).isEqualTo(LastUse.on(LocalDate.of(2026, 8, 21)));
        assertThat(a.topicalRetinoidLastUsed()).isEqualTo(LastUse.NEVER);
        assertThat(a.budgetUsd()).isEqualByComparingTo("450.50");
        assertThat(a.asOf()).isEqualTo(TODAY);
    }

    @Test
    void aBlankFormIsAnAssessmentWithEverythingUnknown() {
        Assessment a = parse(new LinkedMultiValueMap<>(), new ArrayList<>());
        assertThat(a.age()).isNull();
        assertThat(a.skinType()).isNull();
        assertThat(a.fitzpatrick()).isNull();
        assertThat(a.medical().values()).containsOnly(Answer.UNKNOWN);
        assertThat(a.isotretinoinLastTaken().unknown()).isTrue();
    }

    @Test
    void aDateTypedCountsEvenIfOnADateWasNotTicked() {
        MultiValueMap<String, String> p = posted();
        p.set("isotretinoinLastTaken", "unknown");
        assertThat(parse(p, new ArrayList<>()).isotretinoinLastTaken().date()).isEqualTo(LocalDate.of(2026, 8, 21));
    }

    @Test
    void aChosenDateMustBeGivenAndNeverTakesNoDate() {
        MultiValueMap<String, String> p = posted();
        p.set("isotretinoinLastTakenDate", "");
        p.set("topicalRetinoidLastUsedDate", "2026-01-01");
        List<Violation> violations = new ArrayList<>();
        IntakeForm.from(p).toJson(violations);
        assertThat(violations).extracting(Violation::field)
                .containsExactly("isotretinoinLastTaken", "topicalRetinoidLastUsed");
    }

    @Test
    void whatTheFormCannotReadIsPassedOnForTheParserToName() {
        MultiValueMap<String, String> p = posted();
        p.set("age", "thirty");
        p.set("fitzpatrick", "7");
        p.set("budgetUsd", "lots");
        p.set("epilepsy", "perhaps");
        p.add("concerns", "wrinkles");
        try {
            parse(p, new ArrayList<>());
        } catch (InvalidInputException e) {
            assertThat(e.violations()).extracting(v -> IntakeForm.formField(v.field()))
                    .containsExactlyInAnyOrder("age", "fitzpatrick", "budgetUsd", "epilepsy", "concerns");
            return;
        }
        throw new AssertionError("the parser accepted a wrong form");
    }

    @Test
    void parserFieldsMapToTheFormFieldsTheyAreShownBeside() {
        assertThat(IntakeForm.formField("medical.epilepsy")).isEqualTo("epilepsy");
        assertThat(IntakeForm.formField("concerns[3]")).isEqualTo("concerns");
        assertThat(IntakeForm.formField("isotretinoinLastTaken")).isEqualTo("isotretinoinLastTaken");
    }
}

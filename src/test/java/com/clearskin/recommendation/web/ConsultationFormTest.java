package com.clearskin.recommendation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.AssessmentParser;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.SkinType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

class ConsultationFormTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void aBlankFormIsAnAssessmentWithEverythingUnknown() {
        Assessment a = AssessmentParser.parse(ConsultationForm.empty().toJson(), TODAY);
        assertThat(a.age()).isNull();
        assertThat(a.skinType()).isNull();
        assertThat(a.medical().values()).containsOnly(Answer.UNKNOWN);
        assertThat(a.isotretinoinLastTaken()).isEqualTo(LastUse.UNKNOWN);
        assertThat(a.asOf()).isEqualTo(TODAY);
    }

    @Test
    void theFormsValuesBecomeTheAssessment() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("_csrf", "token");
        params.add("age", " 41 ");
        params.add("skinType", "dry");
        params.add("fitzpatrick", "5");
        params.addAll("concerns", List.of("texture", "fine-lines"));
        params.add("bodyAreas", "neck");
        params.add("epilepsy", "yes");
        params.add("coldSoreHistory", "no");
        params.add("isotretinoin", "never");
        params.add("retinoid", "date");
        params.add("retinoidDate", "2026-05-20");
        params.add("budgetUsd", "$1,250.50");
        Assessment a = AssessmentParser.parse(ConsultationForm.read(params).toJson(), TODAY);
        assertThat(a.age()).isEqualTo(41);
        assertThat(a.skinType()).isEqualTo(SkinType.DRY);
        assertThat(a.fitzpatrick()).isEqualTo(5);
        assertThat(a.concerns()).extracting(c -> c.code()).containsExactly("texture", "fine-lines");
        assertThat(a.answer(MedicalFlag.EPILEPSY)).isEqualTo(Answer.YES);
        assertThat(a.answer(MedicalFlag.COLD_SORE_HISTORY)).isEqualTo(Answer.NO);
        assertThat(a.answer(MedicalFlag.PREGNANT_OR_BREASTFEEDING)).isEqualTo(Answer.UNKNOWN);
        assertThat(a.isotretinoinLastTaken()).isEqualTo(LastUse.NEVER);
        assertThat(a.topicalRetinoidLastUsed()).isEqualTo(LastUse.on(LocalDate.of(2026, 5, 20)));
        assertThat(a.budgetUsd()).isEqualByComparingTo("1250.50");
    }

    @Test
    void aTypedDateCountsUnlessNeverIsChosen() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("isotretinoin", "unknown");
        params.add("isotretinoinDate", "2026-01-02");
        params.add("retinoid", "never");
        params.add("retinoidDate", "2026-01-02");
        JsonNode json = ConsultationForm.read(params).toJson();
        assertThat(json.get("medical").get("isotretinoinLastTaken").asString()).isEqualTo("2026-01-02");
        assertThat(json.get("medical").get("topicalRetinoidLastUsed").asString()).isEqualTo("never");
    }

    @Test
    void valuesThatAreNotNumbersReachTheParserAsTextForItToName() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("age", "thirty");
        params.add("budgetUsd", "lots");
        JsonNode json = ConsultationForm.read(params).toJson();
        assertThat(json.get("age").asString()).isEqualTo("thirty");
        assertThat(json.get("budgetUsd").asString()).isEqualTo("lots");
    }

    @Test
    void theParsersFieldsMapToTheFormsFieldsAndSteps() {
        assertThat(ConsultationPages.formField("concerns[2]")).isEqualTo("concerns");
        assertThat(ConsultationPages.formField("medical.epilepsy")).isEqualTo("epilepsy");
        assertThat(ConsultationPages.formField("isotretinoinLastTaken")).isEqualTo("isotretinoin");
        assertThat(ConsultationPages.formField("topicalRetinoidLastUsed")).isEqualTo("retinoid");
        assertThat(ConsultationPages.step("age")).isEqualTo(1);
        assertThat(ConsultationPages.step("causes")).isEqualTo(2);
        assertThat(ConsultationPages.step("epilepsy")).isEqualTo(3);
        assertThat(ConsultationPages.step("retinoid")).isEqualTo(3);
        assertThat(ConsultationPages.step("budgetUsd")).isEqualTo(4);
        assertThat(ConsultationPages.step("body")).isEqualTo(1);
    }

    @Test
    void theAnswersRoundTripThroughHiddenFields() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("age", "29");
        params.addAll("concerns", List.of("acne", "redness"));
        params.add("salicylateAllergy", "yes");
        ConsultationForm form = ConsultationForm.read(params);
        MultiValueMap<String, String> back = new LinkedMultiValueMap<>();
        form.fields().forEach(f -> back.add(f.name(), f.value()));
        assertThat(ConsultationForm.read(back)).isEqualTo(form);
    }
}

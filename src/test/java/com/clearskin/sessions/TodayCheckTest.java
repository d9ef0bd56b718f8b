package com.clearskin.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The day's check: every answer required (unknown is never no), laid over the assessment. */
class TodayCheckTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyAnswerIsRequiredAndAMissingOneIsNamed() {
        assertThatThrownBy(() -> TodayCheck.parse(JSON.readTree("""
                {"sunburnOrRecentTan": false, "activeInfectionInArea": false, "openWoundsInArea": null,
                 "pregnantOrBreastfeeding": "no"}""")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field)
                        .containsExactly("todayCheck.openWoundsInArea", "todayCheck.pregnantOrBreastfeeding",
                                "todayCheck.newMedicationSinceAssessment"));
        assertThatThrownBy(() -> TodayCheck.parse(null)).isInstanceOf(InvalidInputException.class);
        TodayCheck check = TodayCheck.parse(JSON.readTree("""
                {"sunburnOrRecentTan": true, "activeInfectionInArea": false, "openWoundsInArea": false,
                 "pregnantOrBreastfeeding": false, "newMedicationSinceAssessment": false}"""));
        assertThat(check.sunburnOrRecentTan()).isTrue();
    }

    static Assessment assessment() {
        Map<MedicalFlag, Answer> medical = new EnumMap<>(MedicalFlag.class);
        for (MedicalFlag f : MedicalFlag.values()) {
            medical.put(f, Answer.NO);
        }
        medical.put(MedicalFlag.PREGNANT_OR_BREASTFEEDING, Answer.YES);
        return new Assessment(30, null, 2, null, null, null, medical, LastUse.NEVER, LastUse.NEVER,
                LocalDate.parse("2026-01-01"), null, null);
    }

    @Test
    void theDaysAnswersReplaceTheAssessments() {
        Assessment today = new TodayCheck(true, false, false, false, false).layOver(assessment());
        assertThat(today.answer(MedicalFlag.SUNBURN_OR_RECENT_TAN)).isEqualTo(Answer.YES);
        assertThat(today.answer(MedicalFlag.PREGNANT_OR_BREASTFEEDING)).as("no longer pregnant").isEqualTo(Answer.NO);
        assertThat(today.answer(MedicalFlag.PHOTOSENSITIZING_MEDICATION)).isEqualTo(Answer.NO);
        assertThat(today.isotretinoinLastTaken()).isEqualTo(LastUse.NEVER);
    }

    @Test
    void aNewMedicationMakesTheMedicationAnswersUnknownAgain() {
        Assessment today = new TodayCheck(false, false, false, false, true).layOver(assessment());
        assertThat(today.answer(MedicalFlag.PHOTOSENSITIZING_MEDICATION)).isEqualTo(Answer.UNKNOWN);
        assertThat(today.isotretinoinLastTaken().unknown()).isTrue();
        assertThat(today.answer(MedicalFlag.EPILEPSY)).isEqualTo(Answer.NO);
    }
}

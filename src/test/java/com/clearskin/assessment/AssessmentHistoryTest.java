package com.clearskin.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a client's assessments say together: a later unknown never erases an earlier known time-bound fact. */
class AssessmentHistoryTest {

    static final LocalDate TAKEN = LocalDate.of(2026, 9, 24);

    static Assessment full() {
        return new Assessment(30, null, 2, List.of(), List.of(), List.of(),
                Map.of(MedicalFlag.PREGNANT_OR_BREASTFEEDING, Answer.YES, MedicalFlag.EPILEPSY, Answer.NO),
                LastUse.on(TAKEN), LastUse.NEVER, LocalDate.of(2026, 10, 1), null, null);
    }

    static Assessment noMedicalAnswers() {
        return new Assessment(31, null, 3, List.of(), List.of(), List.of(), Map.of(), null, null,
                LocalDate.of(2026, 11, 20), null, null);
    }

    @Test
    void aLaterUnknownKeepsTheEarlierKnownTimeBoundAnswers() {
        Assessment merged = noMedicalAnswers().mergeKnown(full());
        assertThat(merged.isotretinoinLastTaken()).isEqualTo(LastUse.on(TAKEN));
        assertThat(merged.topicalRetinoidLastUsed()).isEqualTo(LastUse.NEVER);
        assertThat(merged.answer(MedicalFlag.PREGNANT_OR_BREASTFEEDING)).isEqualTo(Answer.YES);
    }

    @Test
    void everythingElseIsTheLaterAssessmentsAndAnUnknownCurrentStateStaysUnknown() {
        Assessment merged = noMedicalAnswers().mergeKnown(full());
        assertThat(merged.fitzpatrick()).isEqualTo(3);
        assertThat(merged.asOf()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(merged.answer(MedicalFlag.EPILEPSY)).isEqualTo(Answer.UNKNOWN);
    }

    @Test
    void aLaterExplicitNoReplacesAnEarlierYes() {
        assertThat(Answer.latestKnown(Answer.NO, Answer.YES)).isEqualTo(Answer.NO);
        assertThat(Answer.latestKnown(Answer.UNKNOWN, Answer.YES)).isEqualTo(Answer.YES);
        assertThat(Answer.latestKnown(Answer.UNKNOWN, Answer.UNKNOWN)).isEqualTo(Answer.UNKNOWN);
    }

    @Test
    void unknownStaysUnknownNeverNo() {
        assertThat(LastUse.latestKnown(LastUse.UNKNOWN, LastUse.UNKNOWN)).isEqualTo(LastUse.UNKNOWN);
        assertThat(Answer.latestKnown(Answer.UNKNOWN, null)).isEqualTo(Answer.UNKNOWN);
    }

    @Test
    void aLastUseKeepsTheLatestKnownAnswer() {
        assertThat(LastUse.latestKnown(LastUse.UNKNOWN, LastUse.on(TAKEN))).isEqualTo(LastUse.on(TAKEN));
        assertThat(LastUse.latestKnown(LastUse.UNKNOWN, LastUse.NEVER)).isEqualTo(LastUse.NEVER);
        assertThat(LastUse.latestKnown(LastUse.NEVER, LastUse.on(TAKEN))).as("a later explicit answer corrects")
                .isEqualTo(LastUse.NEVER);
        assertThat(LastUse.latestKnown(LastUse.on(TAKEN.plusDays(5)), LastUse.on(TAKEN)))
                .isEqualTo(LastUse.on(TAKEN.plusDays(5)));
        assertThat(LastUse.latestKnown(LastUse.on(TAKEN), LastUse.NEVER)).isEqualTo(LastUse.on(TAKEN));
    }

    @Test
    void theEffectiveAssessmentFoldsTheHistoryNewestFirst() {
        Assessment newest = noMedicalAnswers();
        Assessment between = noMedicalAnswers().with(MedicalFlag.PREGNANT_OR_BREASTFEEDING, Answer.NO);
        Assessment effective = Assessment.effective(List.of(newest, between, full()));
        assertThat(effective.answer(MedicalFlag.PREGNANT_OR_BREASTFEEDING)).isEqualTo(Answer.NO);
        assertThat(effective.isotretinoinLastTaken()).isEqualTo(LastUse.on(TAKEN));
        assertThat(Assessment.effective(List.of())).isNull();
        assertThat(Assessment.effective(List.of(newest))).isEqualTo(newest);
    }
}

package com.clearskin.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.catalog.Performer;
import com.clearskin.catalog.Treatment;
import com.clearskin.recommendation.Reason;
import com.clearskin.recommendation.TreatmentVerdict;
import com.clearskin.recommendation.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link SessionRules}. */
class SessionRulesTest {

    static Treatment.Qualification qualification(Performer minimum, String jurisdiction, Performer... performers) {
        return new Treatment.Qualification(minimum, jurisdiction == null ? List.of()
                : List.of(new Treatment.Scope(jurisdiction, List.of(performers), null, List.of())));
    }

    @Test
    void theLeastPerformerIsTheJurisdictionsScopeWhenTheCatalogListsIt() {
        Treatment.Qualification peel = qualification(Performer.ESTHETICIAN, "US-TX", Performer.NURSE, Performer.PHYSICIAN);
        assertThat(SessionRules.leastPerformer(peel, "US-TX")).isEqualTo(Performer.NURSE);
        assertThat(SessionRules.leastPerformer(peel, "US-CA")).as("not listed: the minimum").isEqualTo(Performer.ESTHETICIAN);
        assertThat(SessionRules.leastPerformer(peel, null)).isEqualTo(Performer.ESTHETICIAN);
    }

    @Test
    void nurseOrPhysicianLevelNeedsTheMedicalDirectorsCosignature() {
        assertThat(SessionRules.oversight(qualification(Performer.ESTHETICIAN, "US-TX", Performer.NURSE), "US-TX"))
                .contains(Performer.NURSE);
        assertThat(SessionRules.oversight(qualification(Performer.PHYSICIAN, null), "US-CA")).contains(Performer.PHYSICIAN);
        assertThat(SessionRules.oversight(qualification(Performer.ESTHETICIAN, "US-CA", Performer.ESTHETICIAN,
                Performer.NURSE), "US-CA")).isEmpty();
    }

    static TreatmentVerdict verdict(Verdict verdict, Reason... reasons) {
        return new TreatmentVerdict("t", "T", verdict, 50, List.of(reasons), null, null, true,
                com.clearskin.catalog.InvasivenessLevel.NON_INVASIVE);
    }

    @Test
    void onlyTheSafetyReasonsOfACautionAreToAcknowledge() {
        Reason pregnancy = new Reason("pregnancy", "Pregnant: the practitioner decides.", "ref");
        Reason fit = new Reason("concern-match", "Suits your concerns.", "");
        Reason scope = new Reason("scope-of-practice", "Performed by nurses.", "");
        assertThat(SessionRules.cautions(verdict(Verdict.CAUTION, pregnancy, fit, scope)))
                .containsOnlyKeys("pregnancy");
        assertThat(SessionRules.cautions(verdict(Verdict.NEEDS_INFORMATION, new Reason("isotretinoin-washout", "When?", ""))))
                .containsOnlyKeys("isotretinoin-washout");
        assertThat(SessionRules.cautions(verdict(Verdict.POSSIBLE, fit))).isEmpty();
        assertThat(SessionRules.cautions(null)).isEmpty();
    }

    @Test
    void anExclusionIsNeverOverridden() {
        assertThat(SessionRules.excluded(verdict(Verdict.EXCLUDED))).isTrue();
        assertThat(SessionRules.excluded(verdict(Verdict.CAUTION))).isFalse();
        assertThat(SessionRules.excluded(null)).isFalse();
    }

    @Test
    void everyCautionNeedsAReason() {
        Map<String, String> cautions = Map.of("pregnancy", "x", "photosensitizing-medication", "y");
        assertThat(SessionRules.unacknowledged(cautions, Map.of("pregnancy", "checked with her physician")))
                .containsExactly("photosensitizing-medication");
        assertThat(SessionRules.unacknowledged(cautions, Map.of("pregnancy", " ", "photosensitizing-medication", "ok")))
                .containsExactly("pregnancy");
    }

    @Test
    void aStepPastItsMaximumIsOverrunAndTheTimerIsTheServers() {
        Instant start = Instant.parse("2026-05-01T10:00:00Z");
        assertThat(SessionRules.overrun(start, null, 10, start.plusSeconds(600))).isFalse();
        assertThat(SessionRules.overrun(start, null, 10, start.plusSeconds(601))).isTrue();
        assertThat(SessionRules.overrun(start, start.plusSeconds(300), 10, start.plusSeconds(9999))).isFalse();
        assertThat(SessionRules.overrun(start, null, null, start.plusSeconds(99999))).as("no maximum").isFalse();
        assertThat(SessionRules.secondsLeft(start, null, 10, start.plusSeconds(60))).isEqualTo(540);
        assertThat(SessionRules.secondsLeft(start, null, 10, start.plusSeconds(660))).isEqualTo(-60);
        assertThat(SessionRules.secondsLeft(null, null, 10, start)).isNull();
    }
}

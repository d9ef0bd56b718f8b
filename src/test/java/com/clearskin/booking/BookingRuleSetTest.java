package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.DefaultCatalog;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.recommendation.RecommendationEngine;
import com.clearskin.recommendation.Rule;
import com.clearskin.recommendation.RuleSettings;
import com.clearskin.recommendation.TreatmentVerdict;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each booking rule on its own, over the real default catalog and the shipped booking-rule data. */
class BookingRuleSetTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DefaultCatalog CATALOG = DefaultCatalog.fromClasspath(JSON);
    static final Map<String, Treatment> BY_CODE = CATALOG.all().stream()
            .collect(Collectors.toMap(Treatment::code, t -> t));
    static final RuleSettings RULES = RuleSettings.fromClasspath(JSON);
    static final BookingRuleSettings BOOKING = BookingRuleSettings.fromClasspath(JSON);
    static final Rule.Sources IDS = ids -> String.join(", ", ids);
    static final RecommendationEngine ENGINE = new RecommendationEngine(IDS);
    static final BookingRuleSet SET = new BookingRuleSet(IDS);
    static final LocalDate DAY = LocalDate.of(2026, 6, 10);

    /** A client who answered no to every medical question and never took isotretinoin or a retinoid. */
    static Assessment healthy(SkinType skin) {
        Map<MedicalFlag, Answer> medical = new EnumMap<>(MedicalFlag.class);
        for (MedicalFlag f : MedicalFlag.values()) {
            medical.put(f, Answer.NO);
        }
        return new Assessment(35, skin, 2, List.of(Concern.values()[0]), List.of(BodyArea.FACE), List.of(), medical,
                LastUse.NEVER, LastUse.NEVER, DAY, null, null);
    }

    static TreatmentVerdict verdict(Assessment a, String code, LocalDate on) {
        Assessment onTheDay = BookingRules.onTheDay(a, null, on);
        return ENGINE.recommend(onTheDay, ENGINE.prepare(List.of(BY_CODE.get(code)), RULES), null).treatments().get(0);
    }

    static BookingRuleSet.Input input(String code, LocalDate on, Assessment a, TreatmentHistory.Session... history) {
        return input(code, on, a, BOOKING, history);
    }

    static BookingRuleSet.Input input(String code, LocalDate on, Assessment a, BookingRuleSettings booking,
            TreatmentHistory.Session... history) {
        return new BookingRuleSet.Input(BY_CODE.get(code), on, a == null ? null : a.skinType(),
                a == null ? null : verdict(a, code, on), new TreatmentHistory(List.of(history)), BY_CODE, booking);
    }

    static TreatmentHistory.Session session(String code, LocalDate on) {
        return new TreatmentHistory.Session(UUID.randomUUID(), code, on);
    }

    @Nested
    class NoAssessment {
        @Test
        void withoutAnAssessmentTheBookingNeedsAReview() {
            RuleFinding f = SET.noAssessment(input("extraction-facial", DAY, null)).orElseThrow();
            assertThat(f.rule()).isEqualTo("no-assessment");
            assertThat(f.level()).isEqualTo(RuleFinding.Level.CAUTION);
            assertThat(f.message()).contains("no skin assessment").contains("Wednesday 10 June 2026");
        }

        @Test
        void anAssessmentOnFileSatisfiesIt() {
            assertThat(SET.noAssessment(input("extraction-facial", DAY, healthy(SkinType.OILY)))).isEmpty();
        }
    }

    @Nested
    class Contraindications {
        @Test
        void anIsotretinoinWashoutExcludesUntilItEndsOnTheDayOfTreatment() {
            Assessment a = withIsotretinoin(healthy(SkinType.NORMAL), LocalDate.of(2026, 3, 1));
            RuleFinding f = SET.contraindications(input("microneedling", DAY, a)).orElseThrow();
            assertThat(f.excluded()).isTrue();
            assertThat(f.rule()).isEqualTo("isotretinoin-washout");
            assertThat(f.allowedFrom()).isEqualTo(LocalDate.of(2026, 9, 1));
            assertThat(f.message()).contains("Microneedling").contains("isotretinoin-washout")
                    .contains("Tuesday 1 September 2026");
        }

        @Test
        void theSameAssessmentAllowsABookingOnTheDayTheWashoutEnds() {
            Assessment a = withIsotretinoin(healthy(SkinType.NORMAL), LocalDate.of(2026, 3, 1));
            assertThat(SET.contraindications(input("microneedling", LocalDate.of(2026, 9, 1), a))).isEmpty();
        }

        @Test
        void anAbsoluteContraindicationThatDoesNotEndHasNoDate() {
            Assessment a = healthy(SkinType.NORMAL).with(MedicalFlag.KELOID_TENDENCY, Answer.YES);
            RuleFinding f = SET.contraindications(input("microneedling", DAY, a)).orElseThrow();
            assertThat(f.excluded()).isTrue();
            assertThat(f.rule()).isEqualTo("keloid-tendency");
            assertThat(f.allowedFrom()).isNull();
            assertThat(f.message()).contains("No date will allow it");
        }

        @Test
        void aRelativeContraindicationIsACaution() {
            Assessment a = healthy(SkinType.NORMAL).with(MedicalFlag.PREGNANT_OR_BREASTFEEDING, Answer.YES);
            RuleFinding f = SET.contraindications(input("deep-pore-cleansing", DAY, a)).orElseThrow();
            assertThat(f.level()).isEqualTo(RuleFinding.Level.CAUTION);
            assertThat(f.rule()).isEqualTo("pregnancy");
            assertThat(f.message()).contains("recorded reason");
        }

        @Test
        void withoutHealthAccessAWashoutIsAMedicalReasonWithoutItsDate() {
            Assessment a = withIsotretinoin(healthy(SkinType.NORMAL), LocalDate.of(2026, 3, 1));
            RuleFinding f = SET.contraindications(input("microneedling", DAY, a)).orElseThrow().withoutMedicalDetails();
            assertThat(f.rule()).isEqualTo("isotretinoin-washout");
            assertThat(f.excluded()).isTrue();
            assertThat(f.allowedFrom()).isNull();
            assertThat(f.message()).contains("a medical reason: a practitioner must review")
                    .doesNotContain("isotretinoin").doesNotContain("2026-03-01").doesNotContain("September");
        }

        @Test
        void withoutHealthAccessACautionNamesNoQuestionOrAnswer() {
            Assessment a = healthy(SkinType.NORMAL).with(MedicalFlag.PREGNANT_OR_BREASTFEEDING, Answer.YES);
            RuleFinding f = SET.contraindications(input("deep-pore-cleansing", DAY, a)).orElseThrow().shownTo(false);
            assertThat(f.level()).isEqualTo(RuleFinding.Level.CAUTION);
            assertThat(f.message()).contains("a medical reason: a practitioner must review")
                    .doesNotContain(MedicalFlag.PREGNANT_OR_BREASTFEEDING.question()).doesNotContain("pregnan")
                    .doesNotContain("answered");
        }

        @Test
        void withHealthAccessTheFindingIsWhole() {
            Assessment a = withIsotretinoin(healthy(SkinType.NORMAL), LocalDate.of(2026, 3, 1));
            RuleFinding f = SET.contraindications(input("microneedling", DAY, a)).orElseThrow();
            assertThat(f.shownTo(true)).isEqualTo(f);
        }

        @Test
        void anUnknownAnswerThatMattersIsACaution() {
            Assessment a = healthy(SkinType.NORMAL).with(MedicalFlag.KELOID_TENDENCY, Answer.UNKNOWN);
            RuleFinding f = SET.contraindications(input("microneedling", DAY, a)).orElseThrow();
            assertThat(f.level()).isEqualTo(RuleFinding.Level.CAUTION);
            assertThat(f.rule()).isEqualTo("keloid-tendency");
        }

        @Test
        void aSafeTreatmentPasses() {
            assertThat(SET.contraindications(input("extraction-facial", DAY, healthy(SkinType.OILY)))).isEmpty();
        }

        @Test
        void theAgeOnTheDayOfTreatmentCounts() {
            Assessment at21 = new Assessment(21, SkinType.NORMAL, 2, List.of(), List.of(BodyArea.FACE), List.of(),
                    healthy(SkinType.NORMAL).medical(), LastUse.NEVER, LastUse.NEVER, DAY, null, null);
            LocalDate born = LocalDate.of(2004, 7, 1);
            Assessment before = BookingRules.onTheDay(at21, born, LocalDate.of(2026, 6, 30));
            Assessment after = BookingRules.onTheDay(at21, born, LocalDate.of(2026, 7, 1));
            assertThat(before.age()).isEqualTo(21);
            assertThat(after.age()).isEqualTo(22);
            assertThat(after.asOf()).isEqualTo(LocalDate.of(2026, 7, 1));
        }
    }

    @Nested
    class ProfessionalCadence {
        @Test
        void oilySkinFollowsTheProfessionalCadenceNotTheAtHomeOne() {
            Assessment a = healthy(SkinType.OILY);
            RuleFinding f = SET.professionalCadence(input("extraction-facial", DAY, a,
                    session("extraction-facial", DAY.minusDays(14)))).orElseThrow();
            assertThat(f.rule()).isEqualTo("professional-cadence");
            assertThat(f.excluded()).isTrue();
            assertThat(f.allowedFrom()).isEqualTo(DAY.minusDays(14).plusDays(21));
            assertThat(f.message()).contains("professional cadence for oily skin").contains("21-28 days")
                    .contains("ref-45");
        }

        @Test
        void aSessionAsFarApartAsTheCadenceIsAllowed() {
            assertThat(SET.professionalCadence(input("extraction-facial", DAY, healthy(SkinType.OILY),
                    session("extraction-facial", DAY.minusDays(21))))).isEmpty();
        }

        @Test
        void sensitiveSkinWaitsLongerThanTheCourseMinimum() {
            RuleFinding f = SET.professionalCadence(input("extraction-facial", DAY, healthy(SkinType.SENSITIVE),
                    session("extraction-facial", DAY.minusDays(30)))).orElseThrow();
            assertThat(f.allowedFrom()).isEqualTo(DAY.minusDays(30).plusDays(42));
        }

        @Test
        void aTreatmentWithoutAProfessionalCadenceIsLeftToTheMinimumInterval() {
            assertThat(SET.professionalCadence(input("microneedling", DAY, healthy(SkinType.OILY),
                    session("microneedling", DAY.minusDays(3))))).isEmpty();
        }
    }

    @Nested
    class MinimumInterval {
        @Test
        void anEarlierSessionSetsTheFirstAllowedDate() {
            RuleFinding f = SET.minimumInterval(input("microneedling", DAY, healthy(SkinType.NORMAL),
                    session("microneedling", DAY.minusDays(20)))).orElseThrow();
            assertThat(f.rule()).isEqualTo("minimum-interval");
            assertThat(f.allowedFrom()).isEqualTo(DAY.plusDays(8));
            assertThat(f.message()).contains("at least 28 days apart").contains("ref-19");
        }

        @Test
        void aLaterSessionIsNamedAndTheDateAfterItGiven() {
            RuleFinding f = SET.minimumInterval(input("microneedling", DAY, healthy(SkinType.NORMAL),
                    session("microneedling", DAY.plusDays(10)))).orElseThrow();
            assertThat(f.allowedFrom()).isEqualTo(DAY.plusDays(38));
            assertThat(f.message()).contains("later session").contains("on or before Saturday 23 May 2026");
        }

        @Test
        void theFirstAllowedDateClearsEverySession() {
            RuleFinding f = SET.minimumInterval(input("microneedling", DAY, healthy(SkinType.NORMAL),
                    session("microneedling", DAY.minusDays(20)), session("microneedling", DAY.plusDays(20))))
                    .orElseThrow();
            assertThat(f.allowedFrom()).isEqualTo(DAY.plusDays(48));
        }

        @Test
        void withoutAnAssessmentACadenceTreatmentUsesTheCourseInterval() {
            RuleFinding f = SET.minimumInterval(input("extraction-facial", DAY, null,
                    session("extraction-facial", DAY.minusDays(25)))).orElseThrow();
            assertThat(f.allowedFrom()).isEqualTo(DAY.plusDays(3));
        }

        @Test
        void otherTreatmentsAndFarSessionsDoNotCount() {
            assertThat(SET.minimumInterval(input("microneedling", DAY, healthy(SkinType.NORMAL),
                    session("microneedling", DAY.minusDays(28)), session("led-therapy", DAY.minusDays(1)))))
                    .isEmpty();
        }
    }

    @Nested
    class RecoveryWindow {
        @Test
        void noPeelWithinTheRecoveryOfMicroneedling() {
            RuleFinding f = SET.recoveryWindow(input("chemical-peel", DAY, healthy(SkinType.NORMAL),
                    session("microneedling", DAY.minusDays(1)))).orElseThrow();
            assertThat(f.rule()).isEqualTo("recovery-window");
            assertThat(f.excluded()).isTrue();
            assertThat(f.allowedFrom()).isEqualTo(DAY.plusDays(2)); // microneedling downtime: up to 3 days
            assertThat(f.message()).contains("recovery from your Microneedling").contains("3 days");
        }

        @Test
        void andViceVersaNoMicroneedlingThatPutsABookedPeelInItsRecovery() {
            RuleFinding f = SET.recoveryWindow(input("microneedling", DAY, healthy(SkinType.NORMAL),
                    session("chemical-peel", DAY.plusDays(2)))).orElseThrow();
            assertThat(f.message()).contains("within this treatment's recovery").contains("later session");
            assertThat(f.allowedFrom()).isEqualTo(DAY.plusDays(2 + 14)); // after the peel's 14-day recovery
        }

        @Test
        void laserRecoveryBlocksMicrodermabrasion() {
            RuleFinding f = SET.recoveryWindow(input("microdermabrasion", DAY, healthy(SkinType.NORMAL),
                    session("laser-resurfacing", DAY.minusDays(10)))).orElseThrow();
            assertThat(f.allowedFrom()).isEqualTo(DAY.plusDays(4));
        }

        @Test
        void theClinicsRecoveryDaysReplaceTheDowntime() {
            Map<String, BookingRuleSettings.Days> days = new HashMap<>(BOOKING.recoveryDays());
            days.put("microneedling", new BookingRuleSettings.Days(14, List.of("clinic"), null));
            BookingRuleSettings longer = new BookingRuleSettings(BOOKING.recoveryGroup(), days);
            RuleFinding f = SET.recoveryWindow(input("chemical-peel", DAY, healthy(SkinType.NORMAL), longer,
                    session("microneedling", DAY.minusDays(5)))).orElseThrow();
            assertThat(f.allowedFrom()).isEqualTo(DAY.plusDays(9));
            assertThat(f.message()).contains("the clinic's recovery setting");
        }

        @Test
        void noTwoResurfacingTreatmentsOnOneDayEvenWithoutDowntime() {
            RuleFinding f = SET.recoveryWindow(input("non-ablative-laser", DAY, healthy(SkinType.NORMAL),
                    session("hydradermabrasion", DAY))).orElseThrow();
            assertThat(f.allowedFrom()).isEqualTo(DAY.plusDays(2));
        }

        @Test
        void aTreatmentOutsideTheGroupIsNotBlocked() {
            assertThat(SET.recoveryWindow(input("led-therapy", DAY, healthy(SkinType.NORMAL),
                    session("laser-resurfacing", DAY.minusDays(1))))).isEmpty();
        }

        @Test
        void aClinicMayTakeATreatmentOutOfTheGroup() {
            BookingRuleSettings without = new BookingRuleSettings(new BookingRuleSettings.Group(
                    List.of("chemical-peel", "laser-resurfacing"), List.of("clinic"), null), Map.of());
            assertThat(SET.recoveryWindow(input("chemical-peel", DAY, healthy(SkinType.NORMAL), without,
                    session("microneedling", DAY.minusDays(1))))).isEmpty();
        }

        @Test
        void afterTheRecoveryTheBookingPasses() {
            assertThat(SET.recoveryWindow(input("chemical-peel", DAY, healthy(SkinType.NORMAL),
                    session("microneedling", DAY.minusDays(3))))).isEmpty();
        }
    }

    @Test
    void checkListsExcludedFindingsFirst() {
        List<RuleFinding> all = SET.check(input("chemical-peel", DAY, null, session("microneedling", DAY)));
        assertThat(all).extracting(RuleFinding::rule).containsExactly("recovery-window", "no-assessment");
    }

    static Assessment withIsotretinoin(Assessment a, LocalDate taken) {
        return new Assessment(a.age(), a.skinType(), a.fitzpatrick(), a.concerns(), a.bodyAreas(), a.causes(),
                a.medical(), LastUse.on(taken), a.topicalRetinoidLastUsed(), a.asOf(), a.budgetUsd(), a.jurisdiction());
    }
}

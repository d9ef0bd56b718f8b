package com.clearskin.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.catalog.Performer;
import com.clearskin.licences.LicenceRules.Bar;
import com.clearskin.licences.LicenceRules.Fact;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LicenceRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    static final Set<Performer> NURSE_AND_UP = EnumSet.of(Performer.NURSE, Performer.PHYSICIAN);
    static final Set<Performer> ANYONE = EnumSet.of(Performer.ESTHETICIAN, Performer.NURSE, Performer.PHYSICIAN);

    static Fact nurse(LocalDate expires, Review review) {
        return new Fact(LicenceType.NURSE, expires, review);
    }

    @Test
    void aLicenceCountsOnlyWhenVerifiedAndNotExpiredOnTheDay() {
        assertThat(LicenceRules.counts(nurse(TODAY, Review.VERIFIED), TODAY)).as("valid on its expiry date").isTrue();
        assertThat(LicenceRules.counts(nurse(TODAY, Review.VERIFIED), TODAY.plusDays(1))).as("the day after").isFalse();
        assertThat(LicenceRules.counts(nurse(TODAY.plusYears(1), Review.PENDING), TODAY)).isFalse();
        assertThat(LicenceRules.counts(nurse(TODAY.plusYears(1), Review.REJECTED), TODAY)).isFalse();
    }

    @Test
    void theLevelATreatmentNeedsIsTheLeastQualifiedPerformerAllowedNeverTheClient() {
        assertThat(LicenceRules.requiredLevel(NURSE_AND_UP)).contains(Performer.NURSE);
        assertThat(LicenceRules.requiredLevel(ANYONE)).contains(Performer.ESTHETICIAN);
        assertThat(LicenceRules.requiredLevel(EnumSet.of(Performer.SELF, Performer.PHYSICIAN))).contains(Performer.PHYSICIAN);
        assertThat(LicenceRules.requiredLevel(EnumSet.of(Performer.SELF))).isEmpty();
    }

    @Test
    void aLicenceIsForATreatmentWhenItsLevelIsAllowedToPerformIt() {
        assertThat(LicenceRules.isFor(LicenceType.NURSE_PRACTITIONER, NURSE_AND_UP)).isTrue();
        assertThat(LicenceRules.isFor(LicenceType.ESTHETICIAN, NURSE_AND_UP)).isFalse();
        assertThat(LicenceRules.isFor(LicenceType.COSMETOLOGIST, ANYONE)).isTrue();
    }

    @Test
    void theWarningWindowIsThirtyDaysUpToTheExpiryDate() {
        assertThat(LicenceRules.inWarningWindow(TODAY.plusDays(30), TODAY)).isTrue();
        assertThat(LicenceRules.inWarningWindow(TODAY.plusDays(31), TODAY)).isFalse();
        assertThat(LicenceRules.inWarningWindow(TODAY, TODAY)).isTrue();
        assertThat(LicenceRules.inWarningWindow(TODAY.minusDays(1), TODAY)).as("already expired").isFalse();
    }

    @Test
    void noWarningForARejectedLicenceOrOneWhoseRenewalIsOnFile() {
        Fact expiring = nurse(TODAY.plusDays(10), Review.VERIFIED);
        assertThat(LicenceRules.warnsOfExpiry(expiring, List.of(expiring), TODAY)).isTrue();
        assertThat(LicenceRules.warnsOfExpiry(expiring, List.of(expiring, nurse(TODAY.plusYears(2), Review.PENDING)), TODAY))
                .isFalse();
        assertThat(LicenceRules.warnsOfExpiry(expiring, List.of(expiring, nurse(TODAY.plusYears(2), Review.REJECTED)),
                TODAY)).isTrue();
        assertThat(LicenceRules.warnsOfExpiry(nurse(TODAY.plusDays(10), Review.REJECTED), List.of(), TODAY)).isFalse();
    }

    @Test
    void withoutRequiredVerificationNoLicenceOnFileStaysBookable() {
        assertThat(LicenceRules.bar(List.of(), NURSE_AND_UP, false)).isEmpty();
        assertThat(LicenceRules.bar(List.of(nurse(TODAY.plusYears(1), Review.REJECTED)), NURSE_AND_UP, false)).isEmpty();
        assertThat(LicenceRules.bar(List.of(new Fact(LicenceType.ESTHETICIAN, TODAY.minusDays(3), Review.VERIFIED)),
                NURSE_AND_UP, false)).as("a licence of another level does not bar").isEmpty();
    }

    @Test
    void anExpiredLicenceBarsFromTheDayAfterItsExpiryWhateverTheSetting() {
        Optional<Bar> bar = LicenceRules.bar(List.of(nurse(TODAY.minusDays(1), Review.VERIFIED)), NURSE_AND_UP, false);
        assertThat(bar).map(Bar::rule).contains(LicenceRules.EXPIRED);
        assertThat(bar).map(Bar::lastBookableDay).contains(TODAY.minusDays(1));
        assertThat(LicenceRules.bar(List.of(nurse(TODAY.plusDays(5), Review.PENDING),
                nurse(TODAY.plusYears(1), Review.PENDING)), NURSE_AND_UP, false)).map(Bar::lastBookableDay)
                .contains(TODAY.plusYears(1));
    }

    @Test
    void whereVerificationIsRequiredOnlyAVerifiedLicenceMakesBookable() {
        assertThat(LicenceRules.bar(List.of(), NURSE_AND_UP, true)).map(Bar::rule).contains(LicenceRules.NOT_VERIFIED);
        assertThat(LicenceRules.bar(List.of(nurse(TODAY.plusYears(1), Review.PENDING)), NURSE_AND_UP, true))
                .map(Bar::lastBookableDay).isEmpty();
        assertThat(LicenceRules.bar(List.of(nurse(TODAY.plusYears(1), Review.PENDING)), NURSE_AND_UP, true))
                .map(Bar::rule).contains(LicenceRules.NOT_VERIFIED);
        assertThat(LicenceRules.bar(List.of(nurse(TODAY.plusYears(1), Review.VERIFIED)), NURSE_AND_UP, true))
                .map(Bar::lastBookableDay).contains(TODAY.plusYears(1));
    }

    @Test
    void aTreatmentForTheClientThemselfNeedsNoLicence() {
        assertThat(LicenceRules.bar(List.of(), EnumSet.of(Performer.SELF), true)).isEmpty();
    }
}

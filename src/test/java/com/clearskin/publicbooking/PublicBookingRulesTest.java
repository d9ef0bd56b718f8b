package com.clearskin.publicbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.platform.InvalidInputException.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule of the public booking form. */
class PublicBookingRulesTest {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Test
    void aTimeMustBeChosenAndWellFormed() {
        List<Violation> v = new ArrayList<>();
        assertThat(PublicBookingRules.timeIsChosen(null, v)).isNull();
        assertThat(PublicBookingRules.timeIsChosen("tomorrow", v)).isNull();
        assertThat(PublicBookingRules.timeIsChosen("2027-03-02T10:00:00-06:00", v)).isNotNull();
        assertThat(v).extracting(Violation::reason).containsExactly("Please choose a time.",
                "Please choose a time from the list of free times.");
    }

    @Test
    void aTreatmentMustBeChosen() {
        List<Violation> v = new ArrayList<>();
        assertThat(PublicBookingRules.treatmentIsChosen(" ", v)).isNull();
        assertThat(v.get(0).reason()).isEqualTo("Please choose a treatment.");
    }

    @Test
    void theEmailIsAnAddressAndLowerCased() {
        List<Violation> v = new ArrayList<>();
        assertThat(PublicBookingRules.emailIsAnAddress(" Nina@Example.COM ", v)).isEqualTo("nina@example.com");
        assertThat(PublicBookingRules.emailIsAnAddress("nina", v)).isNull();
        assertThat(v).hasSize(1);
    }

    @Test
    void thePhoneIsANumber() {
        List<Violation> v = new ArrayList<>();
        assertThat(PublicBookingRules.phoneIsANumber("+1 (555) 010-0199", v)).isNotNull();
        assertThat(PublicBookingRules.phoneIsANumber("call me", v)).isNull();
        assertThat(PublicBookingRules.phoneIsANumber("12", v)).isNull();
        assertThat(v).hasSize(2);
    }

    @Test
    void theBirthDateLiesBetween1900AndToday() {
        List<Violation> v = new ArrayList<>();
        assertThat(PublicBookingRules.birthDateIsPlausible("1990-04-21", TODAY, v)).isNotNull();
        assertThat(PublicBookingRules.birthDateIsPlausible("2030-01-01", TODAY, v)).isNull();
        assertThat(PublicBookingRules.birthDateIsPlausible("21/04/1990", TODAY, v)).isNull();
        assertThat(v).hasSize(2);
    }

    @Test
    void namesAreGivenAndShort() {
        List<Violation> v = new ArrayList<>();
        assertThat(PublicBookingRules.nameIsGiven("client.firstName", "", "your first name", v)).isNull();
        assertThat(PublicBookingRules.nameIsGiven("client.firstName", "x".repeat(101), "your first name", v)).isNull();
        assertThat(v.get(0).reason()).isEqualTo("Please enter your first name.");
    }

    @Test
    void thePolicyMustBeAccepted() {
        List<Violation> v = new ArrayList<>();
        PublicBookingRules.policyIsAccepted(true, v);
        assertThat(v).isEmpty();
        PublicBookingRules.policyIsAccepted(null, v);
        PublicBookingRules.policyIsAccepted(false, v);
        assertThat(v).hasSize(2).allMatch(x -> x.field().equals("acceptPolicy"));
    }

    @Test
    void theHoneypotStaysEmpty() {
        List<Violation> v = new ArrayList<>();
        PublicBookingRules.honeypotIsEmpty("", v);
        PublicBookingRules.honeypotIsEmpty(null, v);
        assertThat(v).isEmpty();
        PublicBookingRules.honeypotIsEmpty("http://spam", v);
        assertThat(v).hasSize(1);
    }

    @Test
    void atMostTwoUnconfirmedHoldsAndTheHourlyLimits() {
        assertThat(PublicBookingRules.holdsBelowLimit(1, 2)).isTrue();
        assertThat(PublicBookingRules.holdsBelowLimit(2, 2)).isFalse();
        assertThat(PublicBookingRules.withinHourlyLimit(5, 6)).isTrue();
        assertThat(PublicBookingRules.withinHourlyLimit(6, 6)).isFalse();
    }

    @Test
    void aRulesMessageLosesItsCode() {
        assertThat(PublicBookingRules.plain("Microneedling cannot be booked for Monday (rule minimum-age): too young."))
                .isEqualTo("Microneedling cannot be booked for Monday: too young.");
    }
}

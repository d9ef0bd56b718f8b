package com.clearskin.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewClientTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    static Client make(String first, String last, String email, String phone, String born) {
        return new NewClient(first, last, email, phone, born).toClient(UUID.randomUUID(), TODAY, Instant.EPOCH);
    }

    static List<String> fields(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.violations().stream().map(Violation::field).toList();
        }
        throw new AssertionError("no violation");
    }

    @Test
    void valuesAreTrimmedAndBlankOptionalsAreLeftOut() {
        Client c = make(" Maya ", "Lopez\t", "  ", "", null);
        assertThat(c.firstName()).isEqualTo("Maya");
        assertThat(c.lastName()).isEqualTo("Lopez");
        assertThat(c.email()).isNull();
        assertThat(c.phone()).isNull();
        assertThat(c.dateOfBirth()).isNull();
    }

    @Test
    void namesAreRequiredAndAtMost100Characters() {
        assertThat(fields(() -> make(null, " ", null, null, null))).containsExactly("firstName", "lastName");
        assertThat(fields(() -> make("a".repeat(101), "b", null, null, null))).containsExactly("firstName");
        assertThat(make("a".repeat(100), "b", null, null, null).firstName()).hasSize(100);
    }

    @Test
    void anEmailMustLookLikeOne() {
        assertThat(fields(() -> make("a", "b", "maya", null, null))).containsExactly("email");
        assertThat(fields(() -> make("a", "b", "maya@host", null, null))).containsExactly("email");
        assertThat(fields(() -> make("a", "b", "a b@example.com", null, null))).containsExactly("email");
        assertThat(make("a", "b", "maya.lopez+skin@example.co.uk", null, null).email())
                .isEqualTo("maya.lopez+skin@example.co.uk");
    }

    @Test
    void aPhoneIsDigitsSpacesPlusMinusAndBracketsUpTo30() {
        assertThat(make("a", "b", null, "+1 (555) 010-0199", null).phone()).isEqualTo("+1 (555) 010-0199");
        assertThat(fields(() -> make("a", "b", null, "555-CALL-NOW", null))).containsExactly("phone");
        assertThat(fields(() -> make("a", "b", null, "1".repeat(31), null))).containsExactly("phone");
        assertThat(fields(() -> make("a", "b", null, "+()-", null))).as("needs a digit").containsExactly("phone");
    }

    @Test
    void aDateOfBirthIsAnIsoDateFrom1900UpToToday() {
        assertThat(make("a", "b", null, null, "2026-11-21").dateOfBirth()).isEqualTo(TODAY);
        assertThat(make("a", "b", null, null, "1900-01-01").dateOfBirth()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(fields(() -> make("a", "b", null, null, "2026-11-22"))).containsExactly("dateOfBirth");
        assertThat(fields(() -> make("a", "b", null, null, "1899-12-31"))).containsExactly("dateOfBirth");
        assertThat(fields(() -> make("a", "b", null, null, "21/11/1990"))).containsExactly("dateOfBirth");
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> make("", "", "x", "y", "z")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(Violation::field)
                        .containsExactly("firstName", "lastName", "email", "phone", "dateOfBirth"));
    }

    @Test
    void theAgeIsInWholeYearsAndUnknownBeforeBirth() {
        Client c = make("a", "b", null, null, "1990-06-15");
        assertThat(c.ageOn(LocalDate.of(2026, 6, 14))).contains(35);
        assertThat(c.ageOn(LocalDate.of(2026, 6, 15))).contains(36);
        assertThat(c.ageOn(LocalDate.of(1990, 6, 14))).isEmpty();
        assertThat(make("a", "b", null, null, null).ageOn(TODAY)).isEmpty();
    }
}

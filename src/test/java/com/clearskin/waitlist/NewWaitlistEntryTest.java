package com.clearskin.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewWaitlistEntryTest {

    static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    static final String CLIENT = UUID.randomUUID().toString();

    static List<String> fields(NewWaitlistEntry request) {
        try {
            request.check(TODAY);
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations().stream().map(Violation::field).toList();
        }
    }

    @Test
    void aGoodRequestIsParsed() {
        String practitioner = UUID.randomUUID().toString();
        NewWaitlistEntry.Checked c = new NewWaitlistEntry(CLIENT, "chemical-peel", "2027-03-01", "2027-03-31",
                practitioner).check(TODAY);
        assertThat(c.clientId()).hasToString(CLIENT);
        assertThat(c.treatment()).isEqualTo("chemical-peel");
        assertThat(c.window().first()).isEqualTo(TODAY);
        assertThat(c.window().last()).isEqualTo(LocalDate.parse("2027-03-31"));
        assertThat(c.practitionerId()).hasToString(practitioner);
    }

    @Test
    void thePractitionerIsOptional() {
        assertThat(new NewWaitlistEntry(CLIENT, "chemical-peel", "2027-03-02", "2027-03-02", null).check(TODAY)
                .practitionerId()).isNull();
    }

    @Test
    void missingFieldsAreNamed() {
        assertThat(fields(new NewWaitlistEntry(null, " ", null, "", null)))
                .containsExactlyInAnyOrder("clientId", "treatment", "from", "to");
    }

    @Test
    void malformedFieldsAreNamed() {
        assertThat(fields(new NewWaitlistEntry("abc", "Chemical Peel", "1 March", "2027-02-30", "x")))
                .containsExactlyInAnyOrder("clientId", "treatment", "from", "to", "practitionerId");
    }

    @Test
    void theWindowMayNotStartInThePast() {
        assertThat(fields(new NewWaitlistEntry(CLIENT, "chemical-peel", "2027-02-28", "2027-03-05", null)))
                .containsExactly("from");
    }

    @Test
    void toMayNotBeBeforeFrom() {
        assertThat(fields(new NewWaitlistEntry(CLIENT, "chemical-peel", "2027-03-05", "2027-03-04", null)))
                .containsExactly("to");
    }

    @Test
    void theWindowIsAtMost92Days() {
        assertThat(fields(new NewWaitlistEntry(CLIENT, "chemical-peel", "2027-03-01", "2027-05-31", null))).isEmpty();
        assertThat(fields(new NewWaitlistEntry(CLIENT, "chemical-peel", "2027-03-01", "2027-06-01", null)))
                .containsExactly("to");
    }

    @Test
    void theExceptionListsEveryField() {
        assertThatThrownBy(() -> new NewWaitlistEntry(null, null, null, null, null).check(TODAY))
                .isInstanceOf(InvalidInputException.class);
    }
}

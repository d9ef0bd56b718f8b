package com.clearskin.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.accounts.Role;
import com.clearskin.clients.Client;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class WaitlistPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    ScheduleFixtures schedule;

    TestClinic clinic;
    String page;
    Client client;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        schedule.simpleEveryDay(clinic.clinic(), 120, "extraction-facial");
        schedule.practitioner(clinic.clinic(), "Ada Esthetician", "esthetician", null);
        client = schedule.clientRecord(clinic.clinic(), "Yara", "Waiting");
        page = "/app/clinics/" + clinic.slug() + "/waitlist";
    }

    Http signedIn(Role role) {
        Http http = new Http(port);
        assertThat(http.signIn(clinic.email(role), TestClinics.PASSWORD).status()).isEqualTo(302);
        return http;
    }

    @Test
    void staffAddAClientAndCancelTheEntry() {
        Http staff = signedIn(Role.FRONT_DESK);
        Http.Response empty = staff.get(page);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("<label for=\"clientId\">", "<label for=\"treatment\">", "<label for=\"from\">",
                "<label for=\"to\">", "<label for=\"practitionerId\">", "Nobody is waiting", "Ada Esthetician");
        LocalDate today = LocalDate.now(clinic.clinic().timeZone());
        Http.Response added = staff.postForm(page, page, Map.of("clientId", client.id().toString(),
                "treatment", "extraction-facial", "from", today.toString(), "to", today.plusDays(7).toString(),
                "practitionerId", ""));
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        Http.Response listed = staff.get(page + "?done=added");
        assertThat(listed.body()).contains("Waiting, Yara", "Facial with extractions", "The client is on the waitlist.");
        String id = listed.body().replaceAll("(?s).*data-entry=\"([0-9a-f-]{36})\".*", "$1");
        Http.Response cancelled = staff.postForm(page + "/" + id + "/cancel", page, Map.of());
        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(staff.get(page).body()).contains("Nobody is waiting", "Cancelled");
    }

    @Test
    void aWrongFieldIsShownWithTheForm() {
        Http staff = signedIn(Role.OWNER);
        LocalDate today = LocalDate.now(clinic.clinic().timeZone());
        Http.Response r = staff.postForm(page, page, Map.of("clientId", client.id().toString(),
                "treatment", "extraction-facial", "from", today.plusDays(3).toString(), "to", today.toString()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"to-error\"", "aria-invalid=\"true\"", "must not be before from");
    }

    @Test
    void theStaffPageIsForStaffOfTheClinic() {
        assertThat(signedIn(Role.CLIENT).get(page).status()).isEqualTo(403);
        TestClinic other = testClinics.open();
        Http outsider = new Http(port);
        outsider.signIn(other.email(Role.OWNER), TestClinics.PASSWORD);
        assertThat(outsider.get(page).status()).isEqualTo(404);
    }
}

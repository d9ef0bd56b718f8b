package com.clearskin.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The visit's pages by role: who sees the record, who only its status, and the client's own view. */
@IntegrationTest
class SessionPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    SessionFixtures sessionFixtures;
    @Autowired
    JdbcClient jdbc;

    Http page(TestClinic clinic, Role role) {
        Http http = new Http(port);
        assertThat(http.signIn(clinic.email(role), TestClinics.PASSWORD).status()).isEqualTo(302);
        return http;
    }

    @Test
    void thePractitionerRunsTheVisitTheFrontDeskSeesItsStatusAndTheClientTheirOwnRecords() {
        TestClinic clinic = fixtures.open("Europe/Paris");
        UUID practitioner = sessionFixtures.practitioner(clinic, Role.PRACTITIONER, "esthetician");
        UUID client = fixtures.clientFor(clinic.clinic(), clinic.email(Role.CLIENT));
        UUID appointment = sessionFixtures.appointment(clinic, client, "extraction-facial", practitioner,
                sessionFixtures.room(clinic));
        String app = "/app/clinics/" + clinic.slug();
        String visit = app + "/appointments/" + appointment + "/visit";

        Http me = page(clinic, Role.CLIENT);
        Http.Response records = me.get(app + "/portal/records");
        assertThat(records.status()).isEqualTo(200);
        assertThat(records.body()).contains("Read and sign the consent form");
        Http.Response consentPage = me.get(app + "/appointments/" + appointment + "/consent");
        assertThat(consentPage.status()).isEqualTo(200);
        assertThat(consentPage.body()).contains("id=\"agreed\"").doesNotContain("checked");
        String form = consentPage.body().replaceAll("(?s).*name=\"formId\" value=\"([0-9a-f-]{36})\".*", "$1");
        Http.Response unticked = me.postForm(app + "/appointments/" + appointment + "/consent",
                app + "/appointments/" + appointment + "/consent",
                Map.of("formId", form, "signerName", "Client", "typedSignature", "Client"));
        assertThat(unticked.status()).isEqualTo(400);
        assertThat(unticked.body()).contains("Tick");
        Http.Response signed = me.postForm(app + "/appointments/" + appointment + "/consent",
                app + "/appointments/" + appointment + "/consent",
                Map.of("formId", form, "signerName", "Client", "typedSignature", "Client", "agreed", "yes"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(302);
        assertThat(me.get(app + "/portal/records").body()).contains("Consent to Facial with extractions", "Download (PDF)");

        Http desk = page(clinic, Role.FRONT_DESK);
        assertThat(desk.postForm(app + "/appointments/" + appointment + "/check-in",
                app + "/appointments/" + appointment, Map.of()).status()).isEqualTo(302);
        assertThat(desk.get(app + "/appointments/" + appointment).body()).contains("id=\"open-visit\"");

        Http nurse = page(clinic, Role.PRACTITIONER);
        Http.Response unanswered = nurse.postForm(visit, visit, Map.of("sunburnOrRecentTan", "no"));
        assertThat(unanswered.status()).isEqualTo(400);
        assertThat(unanswered.body()).contains("Answer every question");
        Map<String, String> check = new LinkedHashMap<>();
        for (String q : TodayCheck.QUESTIONS.keySet()) {
            check.put(q, "no");
        }
        Http.Response started = nurse.postForm(visit, visit, check);
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        String session = started.header("Location").replaceAll(".*/sessions/", "");
        Http.Response screen = nurse.get(app + "/sessions/" + session);
        assertThat(screen.status()).isEqualTo(200);
        assertThat(screen.body()).contains("Step 1 of 5", "Cleanse", "id=\"save-chart\"");
        Http.Response expired = nurse.postForm(app + "/sessions/" + session + "/chart", app + "/sessions/" + session,
                Map.of("productName", "Toner", "productLot", "T1", "productExpires", "2001-01-01"));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).contains("products[0].expires");

        Http.Response deskVisit = desk.get(visit);
        assertThat(deskVisit.status()).isEqualTo(200);
        assertThat(deskVisit.body()).contains("in progress").doesNotContain("Cleanse", "start-session");
        assertThat(desk.get(app + "/sessions/" + session).status()).isEqualTo(403);
        assertThat(desk.get(app + "/clients/" + client + "/records").status()).isEqualTo(403);
        assertThat(desk.get(app + "/cosign-queue").status()).isEqualTo(403);
        assertThat(me.get(app + "/sessions/" + session).status()).isEqualTo(404);
        assertThat(nurse.get(app + "/consent-forms").status()).isEqualTo(403);
        assertThat(page(clinic, Role.OWNER).get(app + "/consent-forms").body()).contains("Consent to Facial with extractions");
        assertThat(page(clinic, Role.OWNER).get(app + "/cosign-queue").body()).contains("Nothing is waiting");
        assertThat(nurse.get(app + "/clients/" + client + "/records").body()).contains("Consent to Facial with extractions");
    }
}

package com.clearskin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestClinics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The client portal through the API and the pages: own data only, cancel within policy, intake, download, erasure. */
@IntegrationTest
class PortalIT {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String FACIAL = "extraction-facial";
    static final String XSS = "<script>alert(1)</script>";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String base;
    UUID client;
    LocalDate day;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        client = fixtures.clientFor(clinic.clinic(), clinic.email(Role.CLIENT));
        jdbc.sql("update client set first_name = :name, email = 'cora@example.com' where clinic_id = :clinic and id = :id")
                .param("name", XSS).param("clinic", clinic.clinic().id()).param("id", client).update();
        day = LocalDate.now(ZONE).plusDays(10);
    }

    Http as(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    static String at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), ZONE).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    String book(Http http, String start) {
        Http.Response r = http.postJson(base + "/appointments",
                Map.of("clientId", client.toString(), "treatment", FACIAL, "start", start,
                        "overrideReason", "Intake reviewed on the phone"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void theClientSeesTheirOwnAppointmentsAndCareAndCancelsWithinThePolicy() {
        String id = book(as(Role.FRONT_DESK), at(day, "10:00"));
        Http me = as(Role.CLIENT);
        Http.Response mine = me.get(base + "/me");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("person").get("firstName").asString()).isEqualTo(XSS);
        assertThat(mine.json().get("appointments").get(0).get("id").asString()).isEqualTo(id);
        assertThat(mine.json().get("care").get(0).get("treatment").asString()).isEqualTo(FACIAL);
        assertThat(me.get(base + "/me/aftercare").json().get(0).get("after").size()).isPositive();

        Http.Response cancelled = me.postJson(base + "/appointments/" + id + "/cancel", Map.of("reason", "Away"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void theClientUpdatesTheirIntakeAndOnlyTheirs() {
        Http me = as(Role.CLIENT);
        Http.Response recorded = me.postJson(base + "/me/assessments",
                Map.of("skinType", "oily", "fitzpatrick", 3, "concerns", List.of("enlarged-pores")));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode data = me.get(base + "/me").json();
        assertThat(data.get("assessments")).hasSize(2); // the clinic's intake and the client's update, newest first
        assertThat(data.get("assessments").get(0).get("answers").get("skinType").asString()).isEqualTo("oily");

        Http.Response wrong = me.postJson(base + "/me/assessments", Map.of("skinType", "scaly"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("skinType");
        // staff are not clients: the portal is not theirs
        assertThat(as(Role.PRACTITIONER).get(base + "/me").status()).isEqualTo(403);
    }

    @Test
    void theDownloadsHoldEverythingAndPrintANameAsText() throws Exception {
        book(as(Role.FRONT_DESK), at(day, "11:00"));
        Http me = as(Role.CLIENT);
        me.postJson(base + "/me/assessments", Map.of("skinType", "dry"));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + base + "/me/data.pdf"))
                        .header("Authorization", "Bearer " + token()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc);
            assertThat(text).contains(XSS).contains("Facial with extractions").contains("Skin type dry").contains("cora@example.com");
        }
    }

    @Test
    void erasureIsAskedByTheClientAndConfirmedByTheClinicWhichKeepsTheTreatmentRecord() {
        String future = book(as(Role.FRONT_DESK), at(day, "12:00"));
        Http me = as(Role.CLIENT);
        me.postJson(base + "/me/assessments", Map.of("skinType", "normal"));
        Http.Response asked = me.postJson(base + "/me/erasure-requests", Map.of("note", "Moving away"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(me.postJson(base + "/me/erasure-requests", Map.of()).status()).isEqualTo(409);
        String requestId = asked.json().get("id").asString();

        assertThat(as(Role.FRONT_DESK).postJson(base + "/erasure-requests/" + requestId + "/confirm", Map.of()).status())
                .isEqualTo(403);
        Http owner = as(Role.OWNER);
        Http.Response confirmed = owner.postJson(base + "/erasure-requests/" + requestId + "/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("confirmed");
        assertThat(confirmed.json().get("decision").asString()).contains("Kept").contains("7 years");
        assertThat(owner.postJson(base + "/erasure-requests/" + requestId + "/confirm", Map.of()).status())
                .isEqualTo(409);

        Map<String, Object> row = jdbc.sql("select first_name, email, user_id, erased_at from client "
                + "where clinic_id = :clinic and id = :id").param("clinic", clinic.clinic().id()).param("id", client)
                .query().singleRow();
        assertThat(row.get("first_name")).isEqualTo("Erased");
        assertThat(row.get("email")).isNull();
        assertThat(row.get("user_id")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        Integer assessments = jdbc.sql("select count(*) from client_assessment where clinic_id = :clinic and client_id = :id")
                .param("clinic", clinic.clinic().id()).param("id", client).query(Integer.class).single();
        assertThat(assessments).isEqualTo(2); // the health record stays
        String status = jdbc.sql("select status from appointment where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.clinic().id()).param("id", UUID.fromString(future)).query(String.class).single();
        assertThat(status).isEqualTo("cancelled");
        assertThat(me.get(base + "/me").status()).isEqualTo(404); // no longer linked, no longer a member
        Integer memberships = jdbc.sql("select count(*) from clinic_member where clinic_id = :clinic and role = 'client'")
                .param("clinic", clinic.clinic().id()).query(Integer.class).single();
        assertThat(memberships).isZero();
    }

    @Test
    void thePortalPageShowsTheClientsVisitsAndEscapesTheirName() {
        book(as(Role.FRONT_DESK), at(day, "13:00"));
        Http browser = new Http(port);
        browser.signIn(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        Http.Response page = browser.get("/app/clinics/" + clinic.slug() + "/portal");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Upcoming appointments").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(XSS).contains("Facial with extractions");
        Http.Response intake = browser.get("/app/clinics/" + clinic.slug() + "/portal/intake");
        assertThat(intake.status()).isEqualTo(200);
        assertThat(intake.body()).contains("Your skin, before your visit");
        Http.Response json = browser.get("/app/clinics/" + clinic.slug() + "/portal/data.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Disposition")).contains("attachment");
        // another clinic's portal is not found
        Http.Response other = browser.get("/app/clinics/demo/portal");
        assertThat(other.status()).isEqualTo(404);
    }

    private String token() {
        Http.Response r = new Http(port).postJson("/api/v1/auth/tokens",
                Map.of("email", clinic.email(Role.CLIENT), "password", TestClinics.PASSWORD));
        return r.json().get("token").asString();
    }
}

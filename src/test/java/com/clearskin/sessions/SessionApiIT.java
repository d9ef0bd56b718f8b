package com.clearskin.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.accounts.Role;
import com.clearskin.consent.ConsentRules;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole visit through the API, every role, and the database's own refusals. */
@IntegrationTest
class SessionApiIT {

    static final String FACIAL = "extraction-facial";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    SessionFixtures sessionFixtures;
    @Autowired
    TestClinics testClinics;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String base;
    UUID client;
    UUID practitioner;
    UUID room;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open("Europe/Paris");
        base = "/api/v1/clinics/" + clinic.slug();
        practitioner = sessionFixtures.practitioner(clinic, Role.PRACTITIONER, "nurse");
        room = sessionFixtures.room(clinic);
        client = fixtures.client(clinic.clinic(), "Cora", "Client");
    }

    Http as(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    String checkedIn(String treatment) {
        UUID id = sessionFixtures.appointment(clinic, client, treatment, practitioner, room);
        Http.Response in = as(Role.FRONT_DESK).postJson(base + "/appointments/" + id + "/check-in", "");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        return id.toString();
    }

    static Map<String, Object> today(boolean sunburn) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("sunburnOrRecentTan", sunburn);
        check.put("activeInfectionInArea", false);
        check.put("openWoundsInArea", false);
        check.put("pregnantOrBreastfeeding", false);
        check.put("newMedicationSinceAssessment", false);
        return check;
    }

    String formFor(Http http, String treatment) {
        Http.Response forms = http.get(base + "/consent-forms?treatment=" + treatment);
        assertThat(forms.status()).as(forms.body()).isEqualTo(200);
        return forms.json().get("forms").get(0).get("id").asString();
    }

    Http.Response sign(Http http, String appointment, String form, Object agreed, String image) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("formId", form);
        body.put("signerName", "Cora Client");
        body.put("typedSignature", "Cora Client");
        if (agreed != null) {
            body.put("agreed", agreed);
        }
        if (image != null) {
            body.put("signatureImage", image);
        }
        return http.postJson(base + "/appointments/" + appointment + "/consents", body);
    }

    @Test
    void aVisitFromConsentToCompletion() throws Exception {
        String appointment = checkedIn(FACIAL);
        Http nurse = as(Role.PRACTITIONER);
        Map<String, Object> start = Map.of("todayCheck", today(false));

        Http.Response noConsent = nurse.postJson(base + "/appointments/" + appointment + "/session", start);
        assertThat(noConsent.status()).as(noConsent.body()).isEqualTo(409);
        assertThat(noConsent.json().get("type").asString()).endsWith("/consent-required");

        String form = formFor(nurse, FACIAL);
        assertThat(nurse.get(base + "/consent-forms/" + form).json().get("text").asString()).contains("Aftercare");
        assertThat(sign(nurse, appointment, form, null, null).body()).contains("agreed");
        assertThat(sign(nurse, appointment, form, false, null).status()).isEqualTo(400);
        Http.Response notPng = sign(nurse, appointment, form, true, "data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString("GIF89a not a png".getBytes()));
        assertThat(notPng.status()).isEqualTo(400);
        assertThat(notPng.body()).contains("signatureImage");
        Http.Response tooBig = sign(nurse, appointment, form, true, SessionFixtures.png(700, 700));
        assertThat(tooBig.status()).as(tooBig.body()).isEqualTo(400);
        assertThat(tooBig.body()).contains("signatureImage").contains("200 KB");

        Http.Response signed = sign(nurse, appointment, form, true, SessionFixtures.png(300, 80));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        String consent = signed.json().get("id").asString();
        String text = nurse.get(base + "/consent-forms/" + form).json().get("text").asString();
        assertThat(signed.json().get("documentSha256").asString()).isEqualTo(ConsentRules.documentSha256(text));
        assertThat(signed.json().get("formVersion").asInt()).isEqualTo(1);
        Http.Response evidence = nurse.get(base + "/consents/" + consent);
        assertThat(evidence.json().get("witnessId").isNull()).isFalse();
        assertThat(evidence.json().get("drawnSignature").asBoolean()).isTrue();
        assertThat(evidence.json().get("userAgent").asString()).isNotBlank();

        try (PDDocument doc = Loader.loadPDF(bytes(nurse, base + "/consents/" + consent + ".pdf"))) {
            String pdfText = new PDFTextStripper().getText(doc);
            assertThat(pdfText.replaceAll("\\s", "")).contains(ConsentRules.documentSha256(text));
            assertThat(pdfText).contains("Cora Client");
        }

        Map<String, Object> missing = new LinkedHashMap<>(today(false));
        missing.remove("openWoundsInArea");
        Http.Response unanswered = nurse.postJson(base + "/appointments/" + appointment + "/session",
                Map.of("todayCheck", missing));
        assertThat(unanswered.status()).isEqualTo(400);
        assertThat(unanswered.body()).contains("todayCheck.openWoundsInArea");

        Http.Response sunburnt = nurse.postJson(base + "/appointments/" + appointment + "/session",
                Map.of("todayCheck", today(true)));
        assertThat(sunburnt.status()).as(sunburnt.body()).isEqualTo(409);
        assertThat(sunburnt.json().get("type").asString()).endsWith("/safety-excluded");
        assertThat(sunburnt.body()).contains("sunburn-or-tan");

        Http.Response started = nurse.postJson(base + "/appointments/" + appointment + "/session", start);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("status").asString()).isEqualTo("in-progress");
        assertThat(started.json().get("steps")).hasSize(5);
        assertThat(started.json().get("steps").get(1).get("maxMinutes").asInt()).isEqualTo(10);
        String session = started.json().get("id").asString();
        String path = base + "/sessions/" + session;

        assertThat(nurse.postJson(base + "/appointments/" + appointment + "/session", start).status()).isEqualTo(409);
        assertThat(as(Role.FRONT_DESK).get(path).status()).isEqualTo(403);
        assertThat(as(Role.FRONT_DESK).get(base + "/appointments/" + appointment + "/session").json()
                .get("status").asString()).isEqualTo("in-progress");
        assertThat(as(Role.CLIENT).get(path).status()).isEqualTo(404);
        TestClinic other = testClinics.open();
        assertThat(new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD)
                .get("/api/v1/clinics/" + clinic.slug() + "/sessions/" + session).status()).isEqualTo(404);

        Http.Response early = as(Role.FRONT_DESK).postJson(base + "/appointments/" + appointment + "/complete", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).endsWith("/session-not-signed");

        assertThat(nurse.postJson(path + "/steps/2/start", "").json().get("steps").get(1).get("state").asString())
                .isEqualTo("running");
        assertThat(nurse.postJson(path + "/steps/2/start", "").status()).isEqualTo(409);
        assertThat(nurse.postJson(path + "/steps/9/start", "").status()).isEqualTo(404);

        // two devices complete the same step at once: one result
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Http device = as(Role.PRACTITIONER);
            Callable<Integer> call = () -> {
                go.await();
                return device.postJson(path + "/steps/1/complete", Map.of("notes", "cleansed")).status();
            };
            both.add(pool.submit(call));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : both) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);

        for (int order = 2; order <= 5; order++) {
            Http.Response done = nurse.postJson(path + "/steps/" + order + "/complete", Map.of("notes", "step " + order));
            assertThat(done.status()).as(done.body()).isEqualTo(200);
        }
        assertThat(nurse.postJson(path + "/sign", "").json().get("type").asString()).endsWith("/chart-missing");

        String yesterday = LocalDate.now().minusDays(2).toString();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("products", List.of(Map.of("name", "Enzyme cleanser", "lot", "L-1", "expires", "2099-01-01"),
                Map.of("name", "Antiseptic", "lot", "A-7", "expires", yesterday)));
        chart.put("skinResponse", Map.of("erythema", 5, "edema", 0));
        Http.Response bad = nurse.putJson(path + "/chart", chart, Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("products[1].expires").contains("skinResponse.erythema");

        chart.put("products", List.of(Map.of("name", "Enzyme cleanser", "lot", "L-1", "expires", "2099-01-01")));
        chart.put("devices", List.of(Map.of("name", "Steamer 1", "settings", Map.of("minutes", 8, "ozone", false))));
        chart.put("skinResponse", Map.of("erythema", 1, "edema", 0));
        chart.put("adverseEvents", List.of());
        chart.put("notes", Map.of("subjective", "tight skin", "objective", "open comedones", "assessment", "ok",
                "plan", "repeat in 4 weeks"));
        chart.put("preferences", Map.of("music", "quiet piano", "aroma", "none", "lighting", "dim", "pressure", "light"));
        Http.Response charted = nurse.putJson(path + "/chart", chart, Map.of());
        assertThat(charted.status()).as(charted.body()).isEqualTo(200);

        com.clearskin.support.TestInstruments.recordViaApi(nurse, base, session);
        Http.Response signedRecord = nurse.postJson(path + "/sign", "");
        assertThat(signedRecord.status()).as(signedRecord.body()).isEqualTo(200);
        assertThat(signedRecord.json().get("status").asString()).isEqualTo("signed");
        assertThat(nurse.putJson(path + "/chart", chart, Map.of()).status()).isEqualTo(409);
        assertThat(nurse.postJson(path + "/steps/1/complete", "").status()).isEqualTo(409);
        assertThatThrownBy(() -> jdbc.sql("update treatment_session set chart = '{}' where id = :id")
                .param("id", UUID.fromString(session)).update()).hasMessageContaining("is signed");
        assertThatThrownBy(() -> jdbc.sql("update session_step set notes = 'changed' where session_id = :id")
                .param("id", UUID.fromString(session)).update()).hasMessageContaining("signed");

        Http.Response addendum = nurse.postJson(path + "/addenda", Map.of("text", "Lot of the cleanser was L-1B."));
        assertThat(addendum.status()).isEqualTo(201);
        assertThat(nurse.postJson(path + "/addenda", Map.of("text", " ")).status()).isEqualTo(400);
        assertThatThrownBy(() -> jdbc.sql("update session_addendum set body = 'x' where session_id = :id")
                .param("id", UUID.fromString(session)).update()).hasMessageContaining("append-only");

        Http.Response record = nurse.get(path);
        assertThat(record.json().get("addenda")).hasSize(1);
        assertThat(record.json().get("addenda").get(0).get("authorName").asString()).isNotBlank();
        try (PDDocument doc = Loader.loadPDF(bytes(nurse, path + ".pdf"))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Enzyme cleanser").contains("L-1B");
        }

        Http.Response done = as(Role.FRONT_DESK).postJson(base + "/appointments/" + appointment + "/complete", "");
        assertThat(done.status()).as(done.body()).isEqualTo(200);

        Http.Response history = nurse.get(base + "/clients/" + client + "/sessions");
        assertThat(history.json().get("sessions")).hasSize(1);
        assertThat(as(Role.FRONT_DESK).get(base + "/clients/" + client + "/sessions").status()).isEqualTo(403);

        Http.Response withdrawn = nurse.postJson(base + "/consents/" + consent + "/withdraw", Map.of("reason", "asked"));
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("withdrawn");
        assertThat(nurse.postJson(base + "/consents/" + consent + "/withdraw", "").status()).isEqualTo(409);
        assertThatThrownBy(() -> jdbc.sql("delete from consent_withdrawal where signature_id = :id")
                .param("id", UUID.fromString(consent)).update()).hasMessageContaining("append-only");

        int audited = jdbc.sql("select count(*) from audit_event where clinic_id = :c and resource in "
                        + "('clinical-record', 'consent') and action = 'read'")
                .param("c", clinic.clinic().id()).query(Integer.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCautionMustBeAcknowledgedWithAReasonAndIsAudited() {
        // a sensitive assessment: the client is unsure about photosensitising medication after a new one
        String appointment = checkedIn(FACIAL);
        Http nurse = as(Role.PRACTITIONER);
        assertThat(sign(nurse, appointment, formFor(nurse, FACIAL), true, null).status()).isEqualTo(201);
        jdbc.sql("delete from client_practitioner where client_id = :c").param("c", client).update();
        Map<String, Object> check = today(false);
        check.put("newMedicationSinceAssessment", true);
        Http.Response started = nurse.postJson(base + "/appointments/" + appointment + "/session",
                Map.of("todayCheck", check));
        if (started.status() == 409) {
            assertThat(started.json().get("type").asString()).endsWith("/caution-unacknowledged");
            List<Map<String, String>> acks = new ArrayList<>();
            started.json().get("cautions").forEach(c -> acks.add(Map.of("rule", c.get("rule").asString(),
                    "reason", "checked the new medication with the client")));
            Http.Response blank = nurse.postJson(base + "/appointments/" + appointment + "/session",
                    Map.of("todayCheck", check, "acknowledgedCautions", List.of(Map.of("rule", "x", "reason", ""))));
            assertThat(blank.status()).isEqualTo(400);
            assertThat(blank.body()).contains("acknowledgedCautions[0].reason");
            started = nurse.postJson(base + "/appointments/" + appointment + "/session",
                    Map.of("todayCheck", check, "acknowledgedCautions", acks));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            int audited = jdbc.sql("select count(*) from audit_event where clinic_id = :c and detail like 'caution %'")
                    .param("c", clinic.clinic().id()).query(Integer.class).single();
            assertThat(audited).isEqualTo(acks.size());
        } else {
            assertThat(started.status()).as(started.body()).isEqualTo(201);
        }
    }

    @Test
    void oversightNeedsTheMedicalDirectorsCosignature() {
        UUID physician = sessionFixtures.practitioner(clinic, Role.ADMIN, "physician");
        Http owner = as(Role.OWNER);
        assertThat(owner.putJson(base + "/session-settings", Map.of("medicalDirectorId", practitioner.toString()),
                Map.of()).status()).isEqualTo(400);
        assertThat(owner.putJson(base + "/session-settings", Map.of("medicalDirectorId", physician.toString()),
                Map.of()).status()).isEqualTo(200);

        String appointment = checkedIn("microneedling");
        Http nurse = as(Role.PRACTITIONER);
        assertThat(sign(nurse, appointment, formFor(nurse, "microneedling"), true, null).status()).isEqualTo(201);
        Http.Response started = nurse.postJson(base + "/appointments/" + appointment + "/session",
                Map.of("todayCheck", today(false)));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("cosign").get("required").asBoolean()).isTrue();
        String path = base + "/sessions/" + started.json().get("id").asString();
        assertThat(nurse.postJson(path + "/cosign", "").status()).as("not signed yet").isEqualTo(403);
        for (int order = 1; order <= started.json().get("steps").size(); order++) {
            assertThat(nurse.postJson(path + "/steps/" + order + "/complete", "").status()).isEqualTo(200);
        }
        nurse.putJson(path + "/chart", Map.of("devices", List.of(Map.of("name", "Pen", "settings",
                Map.of("depthMm", 0.5)))), Map.of());
        com.clearskin.support.TestInstruments.recordViaApi(nurse, base, started.json().get("id").asString());
        assertThat(nurse.postJson(path + "/sign", "").json().get("status").asString()).isEqualTo("awaiting-cosign");

        Http admin = as(Role.ADMIN);
        assertThat(admin.get(base + "/cosign-queue").json().get("sessions")).hasSize(1);
        assertThat(nurse.postJson(path + "/cosign", "").status()).isEqualTo(403);
        assertThat(as(Role.FRONT_DESK).postJson(path + "/cosign", "").status()).isEqualTo(403);
        assertThat(owner.postJson(path + "/cosign", "").status()).isEqualTo(403);
        assertThat(as(Role.CLIENT).postJson(path + "/cosign", "").status()).isEqualTo(404);
        Http.Response cosigned = admin.postJson(path + "/cosign", "");
        assertThat(cosigned.status()).as(cosigned.body()).isEqualTo(200);
        assertThat(cosigned.json().get("status").asString()).isEqualTo("signed");
        assertThat(admin.postJson(path + "/cosign", "").status()).isEqualTo(409);
        assertThat(admin.get(base + "/cosign-queue").json().get("sessions")).isEmpty();
    }

    @Test
    void recordSettingsAreRevisionedInTheSettingsStore() {
        Http owner = as(Role.OWNER);
        Http.Response consent = owner.get(base + "/consent-settings");
        assertThat(consent.json().get("validMonths").asInt()).as("the sourced default").isEqualTo(12);
        assertThat(consent.header("ETag")).isEqualTo("\"0\"");
        Http.Response changed = owner.putJson(base + "/consent-settings", Map.of("validMonths", 6),
                Map.of("If-Match", "\"0\""));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("revision").asInt()).isEqualTo(1);
        assertThat(owner.get(base + "/consent-settings").json().get("validMonths").asInt()).isEqualTo(6);
        assertThat(owner.putJson(base + "/consent-settings", Map.of("validMonths", 9), Map.of("If-Match", "\"0\""))
                .status()).as("an edit from a stale revision").isEqualTo(409);
        Http.Response bad = owner.putJson(base + "/consent-settings", Map.of("validMonths", 0), Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("validMonths");
        assertThat(owner.get(base + "/consent-settings").json().get("validMonths").asInt()).as("unchanged").isEqualTo(6);

        UUID physician = sessionFixtures.practitioner(clinic, Role.ADMIN, "physician");
        Http.Response named = owner.putJson(base + "/session-settings", Map.of("medicalDirectorId", physician.toString()),
                Map.of("If-Match", "\"0\""));
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.header("ETag")).isEqualTo("\"1\"");
        assertThat(owner.putJson(base + "/session-settings", java.util.Collections.singletonMap("medicalDirectorId", null),
                Map.of("If-Match", "\"0\"")).status()).isEqualTo(409);
        assertThat(owner.get(base + "/session-settings").json().get("medicalDirectorId").asString())
                .isEqualTo(physician.toString());
    }

    @Test
    void theDemoClinicsPhysicianIsItsMedicalDirector() {
        Http physician = new Http(port).signInForApi("physician@demo.test", IntegrationTest.DEMO_PASSWORD);
        Http.Response settings = physician.get("/api/v1/clinics/demo/session-settings");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.json().get("medicalDirectorId").isNull()).isFalse();
        assertThat(physician.get("/api/v1/clinics/demo/cosign-queue").status()).isEqualTo(200);
        assertThat(new Http(port).signInForApi("nurse@demo.test", IntegrationTest.DEMO_PASSWORD)
                .get("/api/v1/clinics/demo/cosign-queue").status()).isEqualTo(403);
        assertThat(physician.get("/api/v1/clinics/demo/consent-forms?treatment=microneedling").json().get("forms"))
                .as("the demo clinic has its default forms").hasSize(1);
    }

    private byte[] bytes(Http http, String path) throws Exception {
        String token = http.postJson("/api/v1/auth/tokens", Map.of("email", clinic.email(Role.PRACTITIONER),
                "password", TestClinics.PASSWORD)).json().get("token").asString();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        return pdf.body();
    }
}

package com.clearskin.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.sessions.SessionFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestVisits;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 14's contract through the API: cycles, packages, the session's instruments, spore tests and the recall. */
@IntegrationTest
class HygieneApiIT {

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
    TestVisits visits;
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
        client = fixtures.client(clinic.clinic(), "Hana", "Hygiene");
    }

    Http as(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    /** A checked-in extraction facial's session with every step done and charted, not signed. */
    String readySession() {
        UUID id = sessionFixtures.appointment(clinic, client, FACIAL, practitioner, room);
        Http.Response in = as(Role.FRONT_DESK).postJson(base + "/appointments/" + id + "/check-in", "");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        return visits.readyToSign(clinic.clinic(), id.toString()).id().toString();
    }

    static Map<String, Object> cycle(String sterilizer, Object temperature, String indicator, List<Map<String, Object>> packages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sterilizerId", sterilizer);
        body.put("operator", "Nora Nurse");
        body.put("startedAt", Instant.now().minusSeconds(7200).toString());
        body.put("temperatureC", temperature);
        body.put("exposureMinutes", 4);
        body.put("dryingMinutes", 20);
        body.put("chemicalIndicator", indicator);
        body.put("packages", packages);
        return body;
    }

    @Test
    void fromTheAutoclaveToTheClientAndTheRecall() {
        Http nurse = as(Role.PRACTITIONER);
        Http desk = as(Role.FRONT_DESK);

        Http.Response badSterilizer = nurse.postJson(base + "/sterilizers", Map.of("name", "A", "kind", "microwave"));
        assertThat(badSterilizer.status()).isEqualTo(400);
        assertThat(badSterilizer.body()).contains("kind").contains("serial");
        assertThat(desk.postJson(base + "/sterilizers", Map.of("name", "A", "kind", "dry-heat", "serial", "1")).status())
                .isEqualTo(403);
        Http.Response sterilizer = nurse.postJson(base + "/sterilizers",
                Map.of("name", "Autoclave 1", "kind", "steam-prevacuum", "serial", "SN-42"));
        assertThat(sterilizer.status()).as(sterilizer.body()).isEqualTo(201);
        String sterilizerId = sterilizer.json().get("id").asString();
        assertThat(desk.get(base + "/sterilizers").body()).contains("SN-42");

        assertThat(nurse.postJson(base + "/instrument-sets", Map.of("name", "Extraction", "instruments", List.of())).body())
                .contains("instruments");
        Http.Response set = nurse.postJson(base + "/instrument-sets",
                Map.of("name", "Extraction set", "instruments", List.of("comedone extractor", "tweezers")));
        assertThat(set.status()).as(set.body()).isEqualTo(201);
        String setId = set.json().get("id").asString();
        assertThat(nurse.get(base + "/instrument-sets").body()).contains("comedone extractor");

        Map<String, Object> future = cycle(sterilizerId, 134, "pass", List.of(Map.of("setId", setId)));
        future.put("startedAt", Instant.now().plusSeconds(86400).toString());
        future.put("exposureMinutes", 601);
        Http.Response invalid = nurse.postJson(base + "/sterilization-cycles", future);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("startedAt").contains("exposureMinutes");
        Http.Response hot = nurse.postJson(base + "/sterilization-cycles", cycle(sterilizerId, 301, "maybe", List.of()));
        assertThat(hot.status()).isEqualTo(400);
        assertThat(hot.body()).contains("temperatureC").contains("chemicalIndicator");

        Http.Response failed = nurse.postJson(base + "/sterilization-cycles",
                cycle(sterilizerId, 125, "pass", List.of(Map.of("setId", setId))));
        assertThat(failed.status()).as(failed.body()).isEqualTo(201);
        assertThat(failed.json().get("status").asString()).isEqualTo("failed");
        assertThat(failed.body()).contains("below-minimum");
        String failedCode = failed.json().get("packages").get(0).get("code").asString();

        Http.Response passed = nurse.postJson(base + "/sterilization-cycles",
                cycle(sterilizerId, 134, "pass", List.of(Map.of("setId", setId), Map.of("setId", setId))));
        assertThat(passed.status()).as(passed.body()).isEqualTo(201);
        assertThat(passed.json().get("status").asString()).isEqualTo("passed");
        assertThat(passed.json().get("reasons")).isEmpty();
        assertThat(passed.json().get("packages")).hasSize(2);
        String code = passed.json().get("packages").get(0).get("code").asString();
        assertThat(code).matches("[2-9A-HJKMNP-Z]{8}");
        assertThat(passed.json().get("packages").get(0).get("expires").isNull()).as("event-related").isTrue();
        assertThat(desk.get(base + "/packages/" + code).json().get("status").asString()).isEqualTo("usable");

        String session = readySession();
        Http.Response early = nurse.postJson(base + "/sessions/" + session + "/sign", "");
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).endsWith("/instruments-missing");

        Http.Response failedUse = nurse.postJson(base + "/sessions/" + session + "/instruments", Map.of("package", failedCode));
        assertThat(failedUse.status()).isEqualTo(409);
        assertThat(failedUse.json().get("type").asString()).endsWith("/package-not-usable");
        assertThat(failedUse.json().get("detail").asString()).contains("cycle failed");
        assertThat(desk.postJson(base + "/sessions/" + session + "/instruments", Map.of("package", code)).status())
                .isEqualTo(403);
        assertThat(nurse.postJson(base + "/sessions/" + session + "/instruments", Map.of("singleUse", Map.of("product", "x")))
                .body()).contains("singleUse.lot");
        Http.Response used = nurse.postJson(base + "/sessions/" + session + "/instruments", Map.of("package", code));
        assertThat(used.status()).as(used.body()).isEqualTo(201);
        Http.Response signed = nurse.postJson(base + "/sessions/" + session + "/sign", "");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);

        String second = readySession();
        Http.Response twice = nurse.postJson(base + "/sessions/" + second + "/instruments", Map.of("package", code));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).endsWith("/package-not-usable");
        assertThat(twice.json().get("detail").asString()).contains("already opened");

        Http.Response badTest = nurse.postJson(base + "/spore-tests", Map.of("sterilizerId", sterilizerId, "result", "blue"));
        assertThat(badTest.status()).isEqualTo(400);
        assertThat(badTest.body()).contains("result").contains("readAt");
        Http.Response sporeFail = nurse.postJson(base + "/spore-tests", Map.of("sterilizerId", sterilizerId,
                "cycleId", passed.json().get("id").asString(), "result", "fail", "readAt", Instant.now().toString()));
        assertThat(sporeFail.status()).as(sporeFail.body()).isEqualTo(201);
        String test = sporeFail.json().get("id").asString();

        Http.Response recall = desk.get(base + "/spore-tests/" + test + "/recall");
        assertThat(recall.status()).as(recall.body()).isEqualTo(200);
        assertThat(recall.json().get("packages")).hasSize(3);
        assertThat(recall.json().get("sessions").get(0).get("id").asString()).isEqualTo(session);
        assertThat(recall.json().get("clients").get(0).get("id").asString()).isEqualTo(client.toString());
        assertThat(recall.json().get("clients").get(0).get("name").asString()).isEqualTo("Hana Hygiene");
        assertThat(recall.json().get("clients").get(0).has("email")).isTrue();
        assertThat(recall.json().get("clients").get(0).has("phone")).isTrue();

        String unused = passed.json().get("packages").get(1).get("code").asString();
        Http.Response recalled = nurse.postJson(base + "/sessions/" + second + "/instruments", Map.of("package", unused));
        assertThat(recalled.status()).isEqualTo(409);
        assertThat(recalled.json().get("detail").asString()).contains("recalled").contains("out of service");
        assertThat(desk.get(base + "/sterilizers").json().get(0).get("inService").asBoolean()).isFalse();

        Http.Response log = desk.get(base + "/sterilization-log");
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        assertThat(log.json().get("cycles")).hasSize(2);
        assertThat(log.json().get("sporeTests")).hasSize(1);
        Http.Response csv = desk.get(base + "/sterilization-log?from=2020-01-01", Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains(code).contains("spore-test");
        assertThat(desk.get(base + "/sterilization-log?from=yesterday").body()).contains("from");
        Http.Response pdf = desk.get(base + "/sterilization-log.pdf?from=2020-01-01");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");

        TestClinic other = testClinics.open();
        Http stranger = new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD);
        assertThat(stranger.get(base + "/sterilizers").status()).isEqualTo(404);
        assertThat(stranger.get(base + "/packages/" + code).status()).isEqualTo(404);
        assertThat(new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD)
                .get("/api/v1/clinics/" + other.slug() + "/packages/" + code).status()).isEqualTo(404);

        assertThatThrownBy(() -> jdbc.sql("update sterilization_cycle set status = 'passed' where clinic_id = :c")
                .param("c", clinic.clinic().id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from package_use where clinic_id = :c")
                .param("c", clinic.clinic().id()).update()).hasMessageContaining("append-only");
    }

    @Test
    void theSterilizationRoomPageAndItsPhoneSizedCycleForm() {
        Http nurse = as(Role.PRACTITIONER);
        String sterilizer = nurse.postJson(base + "/sterilizers", Map.of("name", "Room autoclave", "kind", "steam-gravity",
                "serial", "RG-7")).json().get("id").asString();
        String page = "/app/clinics/" + clinic.slug() + "/sterilization";

        Http desk = new Http(port);
        desk.signIn(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        Http.Response read = desk.get(page);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("Room autoclave").contains("Next spore test due").doesNotContain("cycle-form");
        assertThat(desk.get("/app").body()).contains(page);

        Http web = new Http(port);
        web.signIn(clinic.email(Role.PRACTITIONER), TestClinics.PASSWORD);
        assertThat(web.get(page).body()).contains("cycle-form");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("sterilizerId", sterilizer);
        form.put("operator", "Nora Nurse");
        form.put("startedAt", "2099-01-01T10:00");
        form.put("temperatureC", "121");
        form.put("exposureMinutes", "30");
        form.put("dryingMinutes", "15");
        form.put("chemicalIndicator", "pass");
        form.put("setId", "");
        form.put("packages", "1");
        Http.Response future = web.postForm(page + "/cycles", page, form);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("must not be in the future");

        form.put("startedAt", java.time.LocalDateTime.now(clinic.clinic().timeZone()).minusHours(1).withSecond(0).withNano(0).toString());
        Http.Response recorded = web.postForm(page + "/cycles", page, form);
        assertThat(recorded.status()).isIn(200, 302, 303);
        assertThat(web.get(page).body()).contains("121.0 °C, 30 min").contains("passed");
        assertThat(nurse.get(base + "/sterilization-log").json().get("cycles")).hasSize(1);

        Http.Response noSerial = web.postForm(page + "/sterilizers", page, Map.of("name", "Dry oven", "kind", "dry-heat", "serial", ""));
        assertThat(noSerial.status()).isEqualTo(400);
        assertThat(noSerial.body()).contains("is required");
        assertThat(web.postForm(page + "/sterilizers", page, Map.of("name", "Dry oven", "kind", "dry-heat", "serial", "D-9"))
                .status()).isIn(200, 302, 303);
        assertThat(web.get(page).body()).contains("Dry oven");
        Map<String, Object> spore = new LinkedHashMap<>();
        spore.put("sterilizerId", sterilizer);
        spore.put("readAt", java.time.LocalDateTime.now(clinic.clinic().timeZone()).withSecond(0).withNano(0).toString());
        Http.Response noResult = web.postForm(page + "/spore-tests", page, spore);
        assertThat(noResult.status()).isEqualTo(400);
        assertThat(noResult.body()).contains("is required");
        spore.put("result", "fail");
        assertThat(web.postForm(page + "/spore-tests", page, spore).status()).isIn(200, 302, 303);
        assertThat(web.get(page).body()).contains("Out of service");
    }
}

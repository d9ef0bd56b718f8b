package com.clearskin.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.sessions.SessionFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestVisits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, the second step: the clinic's sterilization settings (never below CDC 2008), implant
 * loads waiting for their own spore test, repairs making a test due, the recall's checklist, the
 * package label, and the line on the client's visit summary.
 */
@IntegrationTest
class HygieneSettingsIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    SessionFixtures sessionFixtures;
    @Autowired
    TestVisits visits;

    TestClinic clinic;
    String base;
    UUID practitioner;
    UUID room;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open("Europe/Paris");
        base = "/api/v1/clinics/" + clinic.slug();
        practitioner = sessionFixtures.practitioner(clinic, Role.PRACTITIONER, "nurse");
        room = sessionFixtures.room(clinic);
    }

    Http as(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    static Map<String, Object> cycle(String sterilizer, double temperature, int minutes, String setId, boolean implant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sterilizerId", sterilizer);
        body.put("operator", "Nora Nurse");
        body.put("startedAt", Instant.now().minusSeconds(3600).toString());
        body.put("temperatureC", temperature);
        body.put("exposureMinutes", minutes);
        body.put("dryingMinutes", 20);
        body.put("chemicalIndicator", "pass");
        body.put("packages", List.of(Map.of("setId", setId)));
        body.put("implantLoad", implant);
        return body;
    }

    String sterilizer(Http nurse) {
        return nurse.postJson(base + "/sterilizers", Map.of("name", "Autoclave", "kind", "steam-prevacuum", "serial", "P-1"))
                .json().get("id").asString();
    }

    String set(Http nurse) {
        return nurse.postJson(base + "/instrument-sets", Map.of("name", "Extraction set", "instruments", List.of("comedone extractor")))
                .json().get("id").asString();
    }

    static Map<String, Object> settings(double prevacuumC, int prevacuumMin, Integer shelfLife, boolean block) {
        Map<String, Object> minimums = new LinkedHashMap<>();
        minimums.put("steam-gravity", List.of(Map.of("temperatureC", 121, "exposureMinutes", 30)));
        minimums.put("steam-prevacuum", List.of(Map.of("temperatureC", prevacuumC, "exposureMinutes", prevacuumMin)));
        minimums.put("dry-heat", List.of(Map.of("temperatureC", 170, "exposureMinutes", 60), Map.of("temperatureC", 160,
                "exposureMinutes", 120)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("minimums", minimums);
        body.put("shelfLifeDays", shelfLife);
        body.put("blockOnOverdueSporeTest", block);
        return body;
    }

    @Test
    void settingsRaiseTheMinimumsNeverLowerThemAndDecideShelfLifeAndOverdueTests() {
        Http owner = as(Role.OWNER);
        Http nurse = as(Role.PRACTITIONER);
        Http.Response defaults = nurse.get(base + "/sterilization-settings");
        assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
        assertThat(defaults.json().get("revision").asInt()).isZero();
        assertThat(defaults.json().get("settings").get("minimums").get("steam-gravity").get(0).get("temperatureC").asDouble())
                .isEqualTo(121.0);
        assertThat(defaults.json().get("settings").get("shelfLifeDays").isNull()).as("event-related by default").isTrue();
        assertThat(defaults.body()).contains("CDC");

        Http.Response lower = owner.putJson(base + "/sterilization-settings", settings(121, 4, 0, false), Map.of());
        assertThat(lower.status()).as(lower.body()).isEqualTo(400);
        assertThat(lower.body()).contains("minimums.steam-prevacuum[0]").contains("CDC").contains("shelfLifeDays");
        assertThat(nurse.putJson(base + "/sterilization-settings", settings(134, 4, 30, true), Map.of()).status()).isEqualTo(403);
        Http.Response raised = owner.putJson(base + "/sterilization-settings", settings(134, 4, 30, true), Map.of("If-Match", "0"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertThat(raised.json().get("revision").asInt()).isEqualTo(1);
        assertThat(owner.putJson(base + "/sterilization-settings", settings(134, 4, 30, true), Map.of("If-Match", "0")).status())
                .as("a stale revision").isEqualTo(409);

        String sterilizer = sterilizer(nurse);
        String set = set(nurse);
        Http.Response cdcOnly = nurse.postJson(base + "/sterilization-cycles", cycle(sterilizer, 132, 4, set, false));
        assertThat(cdcOnly.json().get("status").asString()).as("the clinic asks 134 °C").isEqualTo("failed");
        Http.Response ok = nurse.postJson(base + "/sterilization-cycles", cycle(sterilizer, 134, 4, set, false));
        assertThat(ok.json().get("status").asString()).isEqualTo("passed");
        JsonNode pkg = ok.json().get("packages").get(0);
        assertThat(LocalDate.parse(pkg.get("expires").asString())).isAfter(LocalDate.now().plusDays(28));
        String code = pkg.get("code").asString();
        Http.Response blocked = nurse.get(base + "/packages/" + code);
        assertThat(blocked.json().get("status").asString()).as("no spore test yet, and the clinic blocks").isEqualTo("not-usable");
        assertThat(blocked.body()).contains("spore-test-overdue");

        pass(nurse, sterilizer, null, Instant.now().minusSeconds(3000));
        assertThat(nurse.get(base + "/packages/" + code).json().get("status").asString()).isEqualTo("usable");

        Map<String, Object> implantLoad = cycle(sterilizer, 134, 4, set, true);
        implantLoad.put("startedAt", Instant.now().minusSeconds(1800).toString());
        Http.Response implant = nurse.postJson(base + "/sterilization-cycles", implantLoad);
        assertThat(implant.json().get("implantLoad").asBoolean()).isTrue();
        String implantCode = implant.json().get("packages").get(0).get("code").asString();
        Http.Response waiting = nurse.get(base + "/packages/" + implantCode);
        assertThat(waiting.json().get("status").asString()).isEqualTo("not-usable");
        assertThat(waiting.body()).contains("result-not-in");
        assertThat(nurse.get(base + "/sterilizers").json().get(0).get("sporeTestOverdue").asBoolean())
                .as("an implant load since the last test").isTrue();
        pass(nurse, sterilizer, implant.json().get("id").asString(), Instant.now());
        assertThat(nurse.get(base + "/packages/" + implantCode).json().get("status").asString()).isEqualTo("usable");

        Http.Response badRepair = nurse.postJson(base + "/sterilizers/" + sterilizer + "/repairs", Map.of("note", ""));
        assertThat(badRepair.status()).isEqualTo(400);
        assertThat(badRepair.body()).contains("repairedAt").contains("note");
        Http.Response repair = nurse.postJson(base + "/sterilizers/" + sterilizer + "/repairs",
                Map.of("repairedAt", Instant.now().toString(), "note", "Door gasket replaced"));
        assertThat(repair.status()).as(repair.body()).isEqualTo(201);
        assertThat(nurse.get(base + "/sterilizers/" + sterilizer + "/repairs").body()).contains("Door gasket");
        assertThat(nurse.get(base + "/sterilizers").json().get(0).get("sporeTestOverdue").asBoolean()).as("after a repair").isTrue();
        assertThat(nurse.get(base + "/packages/" + code).body()).contains("spore-test-overdue");

        Http.Response label = as(Role.FRONT_DESK).get(base + "/packages/" + code + "/label.pdf");
        assertThat(label.status()).isEqualTo(200);
        assertThat(label.contentType()).startsWith("application/pdf");
        assertThat(label.body()).startsWith("%PDF");
        assertThat(nurse.get(base + "/packages/NOSUCH22/label.pdf").status()).isEqualTo(404);
        assertThat(nurse.get(base + "/packages").body()).contains(code);

        assertThat(owner.putJson(base + "/directory-listing", Map.of("listed", true, "city", "Paris", "latitude", 48.85,
                "longitude", 2.35), Map.of()).status()).isEqualTo(200);
        String profile = "/clinics/" + clinic.slug();
        assertThat(new Http(port).get(profile).body()).as("not shown until the clinic chooses").doesNotContain("Instrument hygiene");
        Map<String, Object> shown = settings(134, 4, 30, true);
        shown.put("showOnPublicProfile", true);
        assertThat(owner.putJson(base + "/sterilization-settings", shown, Map.of()).status()).isEqualTo(200);
        String page = new Http(port).get(profile).body();
        assertThat(page).contains("Instrument hygiene").contains("1 of 1 sterilizer in service").contains("Last passing spore test")
                .doesNotContain(code);

        Http.Response reset = owner.delete(base + "/sterilization-settings");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("revision").asInt()).isZero();
    }

    void pass(Http nurse, String sterilizer, String cycle) {
        pass(nurse, sterilizer, cycle, Instant.now());
    }

    void pass(Http nurse, String sterilizer, String cycle, Instant readAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sterilizerId", sterilizer);
        body.put("cycleId", cycle);
        body.put("result", "pass");
        body.put("readAt", readAt.toString());
        Http.Response r = nurse.postJson(base + "/spore-tests", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void theClientReadsAVerifiedLineAndTheRecallIsWorkedThroughToTheEnd() {
        Http nurse = as(Role.PRACTITIONER);
        UUID client = fixtures.clientFor(clinic.clinic(), clinic.email(Role.CLIENT));
        String sterilizer = sterilizer(nurse);
        String set = set(nurse);
        Http.Response cycle = nurse.postJson(base + "/sterilization-cycles", cycle(sterilizer, 134, 4, set, false));
        String code = cycle.json().get("packages").get(0).get("code").asString();
        pass(nurse, sterilizer, cycle.json().get("id").asString());

        UUID appointment = sessionFixtures.appointment(clinic, client, "extraction-facial", practitioner, room);
        assertThat(as(Role.FRONT_DESK).postJson(base + "/appointments/" + appointment + "/check-in", "").status()).isEqualTo(200);
        String session = visits.readyToSign(clinic.clinic(), appointment.toString()).id().toString();

        Http web = new Http(port);
        web.signIn(clinic.email(Role.PRACTITIONER), TestClinics.PASSWORD);
        String page = "/app/clinics/" + clinic.slug() + "/sessions/" + session;
        assertThat(web.get(page).body()).contains("Needed before signing").contains(page + "/instruments");
        Http.Response scanPage = web.get(page + "/instruments");
        assertThat(scanPage.status()).isEqualTo(200);
        assertThat(scanPage.body()).contains("Package code").contains("data-scan-into");
        Http.Response wrong = web.postForm(page + "/instruments/package", page + "/instruments", Map.of("package", "ZZZZZZZZ"));
        assertThat(wrong.status()).isEqualTo(404);
        Http.Response scanned = web.postForm(page + "/instruments/package", page + "/instruments", Map.of("package", code.toLowerCase()));
        assertThat(scanned.status()).isIn(200, 302, 303);
        assertThat(web.get(page + "/instruments").body()).contains(code);
        assertThat(nurse.postJson(base + "/sessions/" + session + "/sign", "").status()).isEqualTo(200);

        Http.Response visitsJson = as(Role.CLIENT).get(base + "/me/visits");
        assertThat(visitsJson.status()).as(visitsJson.body()).isEqualTo(200);
        assertThat(visitsJson.json().get("visits").get(0).get("details").get(0).asString())
                .startsWith("Instruments: sterilized set, cycle of ").endsWith(", verified").doesNotContain(code);

        Map<String, Object> later = cycle(sterilizer, 134, 4, set, false);
        later.put("startedAt", Instant.now().toString());
        String laterCode = nurse.postJson(base + "/sterilization-cycles", later).json().get("packages").get(0).get("code").asString();
        UUID other = fixtures.client(clinic.clinic(), "Otto", "Recalled");
        UUID second = sessionFixtures.appointment(clinic, other, "extraction-facial", practitioner, room);
        assertThat(as(Role.FRONT_DESK).postJson(base + "/appointments/" + second + "/check-in", "").status()).isEqualTo(200);
        String secondSession = visits.readyToSign(clinic.clinic(), second.toString()).id().toString();
        assertThat(nurse.postJson(base + "/sessions/" + secondSession + "/instruments", Map.of("package", laterCode)).status())
                .isEqualTo(201);

        Http.Response fail = nurse.postJson(base + "/spore-tests", Map.of("sterilizerId", sterilizer, "result", "fail",
                "readAt", Instant.now().plusSeconds(30).toString()));
        assertThat(fail.status()).as(fail.body()).isEqualTo(201);
        String test = fail.json().get("id").asString();
        String recall = base + "/spore-tests/" + test + "/recall";
        Http.Response scope = nurse.get(recall);
        assertThat(scope.json().get("clients")).hasSize(1);
        assertThat(scope.json().get("clients").get(0).get("id").asString()).as("verified before the failure: not recalled")
                .isEqualTo(other.toString());
        assertThat(as(Role.CLIENT).get(base + "/me/visits").body()).contains("verified");
        client = other;

        Http.Response noClient = nurse.postJson(recall + "/actions", Map.of("action", "notified", "note", ""));
        assertThat(noClient.status()).isEqualTo(400);
        assertThat(noClient.body()).contains("clientId");
        Http.Response badAction = nurse.postJson(recall + "/actions", Map.of("action", "forgot", "clientId", client.toString()));
        assertThat(badAction.body()).contains("action");
        Http.Response stranger = nurse.postJson(recall + "/actions", Map.of("action", "notified", "clientId",
                UUID.randomUUID().toString()));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body()).contains("is not a client this recall names");
        assertThat(as(Role.FRONT_DESK).postJson(recall + "/actions", Map.of("action", "closed")).status()).isEqualTo(403);
        Http.Response notified = nurse.postJson(recall + "/actions", Map.of("action", "notified", "clientId", client.toString(),
                "note", "Called, booked a check"));
        assertThat(notified.status()).as(notified.body()).isEqualTo(201);
        assertThat(nurse.postJson(recall + "/actions", Map.of("action", "closed", "note", "All done")).status()).isEqualTo(201);
        Http.Response done = as(Role.FRONT_DESK).get(recall);
        assertThat(done.json().get("actions")).hasSize(2);
        assertThat(done.json().get("actions").get(1).get("action").asString()).isEqualTo("closed");

        Http.Response recallPage = web.get("/app/clinics/" + clinic.slug() + "/sterilization/recalls/" + test);
        assertThat(recallPage.status()).isEqualTo(200);
        assertThat(recallPage.body()).contains("Clients to contact").contains("notified").contains("recall-closed");
        assertThat(web.get("/app/clinics/" + clinic.slug() + "/sterilization").body()).contains("spore test failed");
    }
}

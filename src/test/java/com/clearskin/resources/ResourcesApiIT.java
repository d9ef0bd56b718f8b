package com.clearskin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestClinics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ResourcesApiIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String base;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        base = "/api/v1/clinics/" + clinic.slug();
    }

    Http as(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    int revision() {
        return jdbc.sql("select revision from clinic_schedule where clinic_id = :c").param("c", clinic.clinic().id())
                .query(Integer.class).single();
    }

    static List<String> fields(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    static Map<String, Object> hours(String weekday, String start, String end) {
        return Map.of("weekday", weekday, "start", start, "end", end);
    }

    static Map<String, Object> settings(int slot) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("slotMinutes", slot);
        s.put("minNoticeMinutes", 120);
        s.put("horizonDays", 60);
        s.put("clientCancelHours", 48);
        s.put("waitlistOfferMinutes", 90);
        return s;
    }

    Map<String, Object> practitioner(String name, String qualification, String userId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("displayName", name);
        p.put("qualification", qualification);
        p.put("userId", userId);
        p.put("shifts", List.of(hours("monday", "09:00", "17:00"), hours("tuesday", "09:00", "13:00"),
                hours("tuesday", "14:00", "18:00")));
        p.put("breaks", List.of(hours("monday", "12:30", "13:00")));
        return p;
    }

    String create(Http http, String path, Object body) {
        Http.Response r = http.postJson(base + path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).endsWith(r.json().get("id").asString());
        return r.json().get("id").asString();
    }

    @Test
    void aNewClinicStartsWithTheSourcedDefaults() {
        JsonNode schedule = as(Role.FRONT_DESK).get(base + "/schedule").json();
        assertThat(schedule.get("timeZone").asString()).isEqualTo("Europe/London");
        assertThat(schedule.get("settings").get("slotMinutes").asInt()).isEqualTo(15);
        assertThat(schedule.get("openingHours")).hasSize(6);
        assertThat(schedule.get("openingHours").get(0).get("weekday").asString()).isEqualTo("monday");
        assertThat(schedule.get("openingHours").get(0).get("start").asString()).isEqualTo("09:00");

        JsonNode requirements = as(Role.PRACTITIONER).get(base + "/treatment-requirements").json();
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        requirements.get("requirements").forEach(r -> byCode.put(r.get("treatment").asString(), r));
        assertThat(byCode.get("microneedling").get("deviceTypes").get(0).asString()).isEqualTo("microneedling-pen");
        assertThat(byCode.get("microneedling").get("bufferAfterMinutes").asInt()).isPositive();
        assertThat(byCode.get("back-facial").get("roomCapabilities").get(0).asString()).isEqualTo("body-treatment-bed");
        assertThat(byCode.get("laser-resurfacing").get("roomCapabilities").toString()).contains("laser-safe");
        assertThat(byCode.get("home-deep-pore-cleansing").get("bookable").asBoolean()).isFalse();
        assertThat(byCode.get("extraction-facial").get("sources").toString()).contains("seed-001");
        assertThat(byCode.get("extraction-facial").get("name").asString()).isNotBlank();
    }

    @Test
    void ownersAndAdminsWriteStaffReadClientsAreRefusedAndOtherClinicsSeeNothing() {
        Map<String, Object> room = Map.of("name", "Room 1", "capabilities", List.of("facial-bed"));
        assertThat(as(Role.PRACTITIONER).postJson(base + "/rooms", room).status()).isEqualTo(403);
        assertThat(as(Role.FRONT_DESK).postJson(base + "/rooms", room).status()).isEqualTo(403);
        assertThat(as(Role.CLIENT).get(base + "/rooms").status()).isEqualTo(403);
        String id = create(as(Role.ADMIN), "/rooms", room);
        for (Role role : Role.STAFF) {
            assertThat(as(role).get(base + "/rooms/" + id).status()).as(role.code()).isEqualTo(200);
        }
        assertThat(as(Role.CLIENT).get(base + "/schedule").status()).isEqualTo(403);

        TestClinic other = testClinics.open();
        Http stranger = new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD);
        assertThat(stranger.get(base + "/rooms").status()).isEqualTo(404);
        assertThat(stranger.get(base + "/schedule").status()).isEqualTo(404);
        // a room of this clinic asked for through the other clinic's address is not there
        Http.Response crossed = stranger.get("/api/v1/clinics/" + other.slug() + "/rooms/" + id);
        assertThat(crossed.status()).isEqualTo(404);
        assertThat(stranger.putJson("/api/v1/clinics/" + other.slug() + "/rooms/" + id, room, Map.of()).status())
                .isEqualTo(404);
        assertThat(new Http(port).get(base + "/rooms").status()).isIn(401, 404);
    }

    @Test
    void everyWriteRaisesTheRevisionByOneAndARefusedOneChangesNothing() {
        Http owner = as(Role.OWNER);
        int start = revision();

        Map<String, Object> change = new LinkedHashMap<>();
        change.put("timeZone", "America/New_York");
        change.put("settings", settings(30));
        change.put("openingHours", List.of(hours("monday", "09:00", "12:00"), hours("monday", "13:00", "19:00"),
                hours("saturday", "10:00", "14:00")));
        Http.Response put = owner.putJson(base + "/schedule", change, Map.of());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(put.json().get("settings").get("slotMinutes").asInt()).isEqualTo(30);
        assertThat(put.json().get("openingHours")).hasSize(3);
        assertThat(put.json().get("revision").asInt()).isEqualTo(start + 1);
        assertThat(revision()).isEqualTo(start + 1);
        assertThat(owner.get("/api/v1/clinics/" + clinic.slug() + "/schedule").header("ETag"))
                .isEqualTo("\"" + (start + 1) + "\"");

        change.put("timeZone", "EST5");
        assertThat(fields(owner.putJson(base + "/schedule", change, Map.of()))).containsExactly("timeZone");
        assertThat(revision()).isEqualTo(start + 1);

        String closure = create(owner, "/closures", Map.of("firstDay", "2026-12-24", "lastDay", "2026-12-26",
                "reason", "Holidays"));
        assertThat(revision()).isEqualTo(start + 2);
        assertThat(owner.delete(base + "/closures/" + closure).status()).isEqualTo(204);
        assertThat(revision()).isEqualTo(start + 3);
        assertThat(owner.delete(base + "/closures/" + closure).status()).isEqualTo(404);
        assertThat(revision()).isEqualTo(start + 3);

        String device = create(owner, "/devices", Map.of("name", "Steamer A", "type", "steamer"));
        assertThat(revision()).isEqualTo(start + 4);
        Http.Response retired = owner.putJson(base + "/devices/" + device,
                Map.of("name", "Steamer A", "type", "steamer", "active", false), Map.of());
        assertThat(retired.json().get("active").asBoolean()).isFalse();
        assertThat(revision()).isEqualTo(start + 5);

        Http.Response req = owner.putJson(base + "/treatment-requirements/extraction-facial", Map.of("bookable", true,
                "roomCapabilities", List.of("facial-bed"), "deviceTypes", List.of("steamer"),
                "bufferBeforeMinutes", 10, "bufferAfterMinutes", 20), Map.of());
        assertThat(req.status()).as(req.body()).isEqualTo(200);
        assertThat(req.json().get("bufferBeforeMinutes").asInt()).isEqualTo(10);
        assertThat(req.json().get("sources").toString()).isEqualTo("[\"clinic\"]");
        assertThat(req.json().get("revision").asInt()).isEqualTo(2);
        assertThat(revision()).isEqualTo(start + 6);

        String p = create(owner, "/practitioners", practitioner("Esme", "esthetician", null));
        assertThat(revision()).isEqualTo(start + 7);
        create(owner, "/practitioners/" + p + "/time-off", Map.of("startsAt", "2026-07-01T09:00",
                "endsAt", "2026-07-01T13:00", "reason", "Dentist"));
        assertThat(revision()).isEqualTo(start + 8);
    }

    @Test
    void badInputNamesEveryField() {
        Http owner = as(Role.OWNER);
        Map<String, Object> settings = settings(7);
        settings.put("horizonDays", 0);
        settings.remove("waitlistOfferMinutes");
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("timeZone", "Mars/Olympus");
        change.put("settings", settings);
        change.put("openingHours", List.of(hours("monday", "09:00", "13:00"), hours("monday", "12:00", "18:00")));
        assertThat(fields(owner.putJson(base + "/schedule", change, Map.of()))).containsExactlyInAnyOrder("timeZone",
                "settings.slotMinutes", "settings.horizonDays", "settings.waitlistOfferMinutes", "openingHours[1]");

        change.put("timeZone", "Europe/London");
        change.put("settings", settings(15));
        change.put("openingHours", List.of(hours("funday", "25:00", "18:00"), hours("tuesday", "18:00", "09:00")));
        assertThat(fields(owner.putJson(base + "/schedule", change, Map.of()))).containsExactlyInAnyOrder(
                "openingHours[0].weekday", "openingHours[0].start", "openingHours[1].end");

        Map<String, Object> p = practitioner("", "wizard", "not-an-id");
        assertThat(fields(owner.postJson(base + "/practitioners", p))).containsExactlyInAnyOrder("displayName",
                "qualification", "userId");
        p = practitioner("Nadia", "nurse", null);
        p.put("breaks", List.of(hours("wednesday", "12:00", "12:30")));
        assertThat(fields(owner.postJson(base + "/practitioners", p))).containsExactly("breaks[0]");
        p.put("breaks", List.of());
        p.put("userId", accounts.findByEmail(clinic.email(Role.CLIENT)).orElseThrow().toString());
        assertThat(fields(owner.postJson(base + "/practitioners", p))).containsExactly("userId");

        assertThat(fields(owner.postJson(base + "/rooms", Map.of("name", "R", "capabilities",
                List.of("facial-bed", "hot-tub"))))).containsExactly("capabilities[1]");
        assertThat(fields(owner.postJson(base + "/devices", Map.of("name", "X", "type", "toaster"))))
                .containsExactly("type");
        assertThat(fields(owner.postJson(base + "/closures", Map.of("firstDay", "2026-12-26", "lastDay", "2026-12-24",
                "reason", "")))).containsExactlyInAnyOrder("lastDay", "reason");
        assertThat(fields(owner.putJson(base + "/treatment-requirements/microneedling", Map.of("bookable", true,
                "roomCapabilities", List.of(), "deviceTypes", List.of("wand"), "bufferBeforeMinutes", -1,
                "bufferAfterMinutes", 500), Map.of()))).containsExactlyInAnyOrder("deviceTypes[0]",
                "bufferBeforeMinutes", "bufferAfterMinutes");
        assertThat(owner.putJson(base + "/treatment-requirements/no-such-thing", Map.of("bookable", true), Map.of())
                .status()).isEqualTo(404);
        assertThat(fields(owner.putJson(base + "/schedule", "{\"settings\": {\"slotMinutes\": \"abc\"}}", Map.of())))
                .containsExactly("settings.slotMinutes");
        assertThat(owner.get(base + "/practitioners/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void aPractitionerManagesTheirOwnTimeOffOnly() {
        Http owner = as(Role.OWNER);
        String userId = accounts.findByEmail(clinic.email(Role.PRACTITIONER)).orElseThrow().toString();
        String mine = create(owner, "/practitioners", practitioner("Priya", "nurse", userId));
        String theirs = create(owner, "/practitioners", practitioner("Phil", "physician", null));
        JsonNode shown = owner.get(base + "/practitioners/" + mine).json();
        assertThat(shown.get("shifts")).hasSize(3);
        assertThat(shown.get("breaks").get(0).get("start").asString()).isEqualTo("12:30");
        assertThat(shown.get("userId").asString()).isEqualTo(userId);
        assertThat(fields(owner.postJson(base + "/practitioners", practitioner("Twin", "nurse", userId))))
                .containsExactly("userId");

        Http self = as(Role.PRACTITIONER);
        Http.Response added = self.postJson(base + "/practitioners/" + mine + "/time-off",
                Map.of("startsAt", "2026-08-03T09:00", "endsAt", "2026-08-07T18:00", "reason", "Holiday"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("startsAt").asString()).isEqualTo("2026-08-03T09:00:00+01:00");
        assertThat(self.postJson(base + "/practitioners/" + theirs + "/time-off",
                Map.of("startsAt", "2026-08-03T09:00", "endsAt", "2026-08-03T10:00")).status()).isEqualTo(403);
        assertThat(as(Role.FRONT_DESK).postJson(base + "/practitioners/" + mine + "/time-off",
                Map.of("startsAt", "2026-08-03T09:00", "endsAt", "2026-08-03T10:00")).status()).isEqualTo(403);
        assertThat(self.putJson(base + "/practitioners/" + mine, practitioner("Priya", "physician", userId), Map.of())
                .status()).isEqualTo(403);

        // 01:30 on 29 March 2026 does not exist in London: the clocks go from 01:00 to 02:00
        assertThat(fields(self.postJson(base + "/practitioners/" + mine + "/time-off",
                Map.of("startsAt", "2026-03-29T01:30", "endsAt", "2026-03-29T10:00")))).containsExactly("startsAt");
        assertThat(fields(self.postJson(base + "/practitioners/" + mine + "/time-off",
                Map.of("startsAt", "2026-03-30T10:00", "endsAt", "2026-03-30T09:00")))).containsExactly("endsAt");

        String timeOff = added.json().get("id").asString();
        assertThat(self.get(base + "/practitioners/" + mine + "/time-off").json().get("count").asInt()).isEqualTo(1);
        assertThat(self.delete(base + "/practitioners/" + theirs + "/time-off/" + timeOff).status()).isEqualTo(403);
        assertThat(self.delete(base + "/practitioners/" + mine + "/time-off/" + timeOff).status()).isEqualTo(204);
        assertThat(self.get(base + "/practitioners/" + mine + "/time-off").json().get("count").asInt()).isZero();
    }

    @Test
    void practitionersRoomsAndDevicesAreDeactivatedNotDeleted() {
        Http owner = as(Role.OWNER);
        String p = create(owner, "/practitioners", practitioner("Esme", "esthetician", null));
        Map<String, Object> off = practitioner("Esme", "esthetician", null);
        off.put("active", false);
        off.put("shifts", List.of());
        off.put("breaks", List.of());
        JsonNode changed = owner.putJson(base + "/practitioners/" + p, off, Map.of()).json();
        assertThat(changed.get("active").asBoolean()).isFalse();
        assertThat(changed.get("shifts")).isEmpty();
        assertThat(owner.get(base + "/practitioners").json().get("count").asInt()).isEqualTo(1);

        String room = create(owner, "/rooms", Map.of("name", "Laser room", "capabilities",
                List.of("laser-safe", "facial-bed")));
        JsonNode retired = owner.putJson(base + "/rooms/" + room, Map.of("name", "Laser room", "capabilities",
                List.of("laser-safe"), "active", false), Map.of()).json();
        assertThat(retired.get("active").asBoolean()).isFalse();
        assertThat(owner.get(base + "/rooms").json().get("rooms").get(0).get("capabilities").toString())
                .isEqualTo("[\"laser-safe\"]");
        assertThat(owner.delete(base + "/rooms/" + room).status()).isEqualTo(405);
    }
}

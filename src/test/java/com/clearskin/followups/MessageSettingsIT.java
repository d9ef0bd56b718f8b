package com.clearskin.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clinic's message settings: read by staff, set by owners and admins, validated by field, and obeyed by new bookings. */
@IntegrationTest
class MessageSettingsIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String url;
    Http owner;
    Http desk;
    UUID client;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open(ZONE.getId());
        url = "/api/v1/clinics/" + clinic.slug() + "/message-settings";
        fixtures.facialsEveryDay(clinic.clinic());
        client = fixtures.client(clinic.clinic(), "Cora", "Client");
        owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
    }

    static final String VALID = """
            {"reminderDaysBefore": [2], "quietHours": {"from": "22:00", "until": "09:30"},
             "checkInDays": {"extraction-facial": [2, 4]}, "kinds": {"confirmation": false}}""";

    @Test
    void theDefaultsAreReadByStaff() {
        Http.Response r = desk.get(url);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("customized").asBoolean()).isFalse();
        assertThat(r.json().get("reminderDaysBefore").toString()).isEqualTo("[3,1]");
        assertThat(r.json().get("quietHours").get("from").asString()).isEqualTo("21:00");
        assertThat(r.json().get("quietHours").get("until").asString()).isEqualTo("08:00");
        assertThat(r.json().get("checkInDays").get(FACIAL).toString()).as("a facial's downtime: day 1").isEqualTo("[1]");
        assertThat(r.json().get("kinds").get("rebook").asBoolean()).isTrue();
        Http me = new Http(port).signInForApi(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        assertThat(me.get(url).status()).isEqualTo(403);
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertThat(desk.putJson(url, VALID, Map.of()).status()).as("front desk may not").isEqualTo(403);
        Map<String, String> bad = Map.of(
                "reminderDaysBefore", VALID.replace("[2]", "[0]"),
                "quietHours.from", VALID.replace("22:00", "22h"),
                "quietHours.until", VALID.replace("\"09:30\"", "930"),
                "checkInDays.tattoo", VALID.replace("extraction-facial", "tattoo"),
                "kinds.newsletter", VALID.replace("\"confirmation\"", "\"newsletter\""),
                "quietHours", "{\"reminderDaysBefore\": [1]}");
        bad.forEach((field, body) -> {
            Http.Response r = owner.putJson(url, body, Map.of());
            assertThat(r.status()).as(field + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains(field);
        });
        assertThat(owner.putJson(url, "not json", Map.of()).status()).isEqualTo(400);
        assertThat(owner.get(url).json().get("customized").asBoolean()).isFalse();
    }

    @Test
    void savedSettingsRuleTheNextBooking() {
        Http.Response saved = owner.putJson(url, VALID, Map.of("If-Match", "0"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("revision").asInt()).isEqualTo(1);
        assertThat(saved.json().get("checkInDays").get(FACIAL).toString()).isEqualTo("[2,4]");
        assertThat(owner.putJson(url, VALID, Map.of("If-Match", "0")).status()).as("stale revision").isEqualTo(409);

        LocalDate day = LocalDate.now(ZONE).plusDays(6);
        String start = day.atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson("/api/v1/clinics/" + clinic.slug() + "/appointments",
                Map.of("clientId", client.toString(), "treatment", FACIAL, "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        List<Map<String, Object>> rows = jdbc.sql("select kind, due_at, send_at from follow_up where clinic_id = :c"
                + " and kind in ('confirmation', 'reminder') order by due_at")
                .param("c", clinic.clinic().id()).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("kind")).as("no confirmation; one reminder").containsExactly("reminder");
        assertThat(((Timestamp) rows.get(0).get("due_at")).toInstant())
                .isEqualTo(day.minusDays(2).atTime(10, 0).atZone(ZONE).toInstant());

        Http.Response reset = owner.get(url);
        assertThat(reset.json().get("quietHours").get("until").asString()).isEqualTo("09:30");
    }

    @Test
    void quietHoursFromTheSettingsHoldAReminder() {
        owner.putJson(url, VALID.replace("\"from\": \"22:00\"", "\"from\": \"07:00\"").replace("\"09:30\"", "\"11:00\""), Map.of());
        LocalDate day = LocalDate.now(ZONE).plusDays(6);
        desk.postJson("/api/v1/clinics/" + clinic.slug() + "/appointments", Map.of("clientId", client.toString(),
                "treatment", FACIAL, "start", day.atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString()));
        Instant sendAt = jdbc.sql("select send_at from follow_up where clinic_id = :c and kind = 'reminder'")
                .param("c", clinic.clinic().id()).query(Timestamp.class).single().toInstant();
        assertThat(sendAt.atZone(ZONE).toLocalTime()).as("10:00 is quiet from 07:00 to 11:00").isEqualTo(LocalTime.of(11, 0));
    }

    @Test
    void thePageShowsAndSavesTheSettings() {
        Http page = new Http(port);
        page.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        String path = "/app/clinics/" + clinic.slug() + "/message-settings";
        Http.Response shown = page.get(path);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Reminders, days before the visit").contains("3, 1");
        Http.Response bad = page.postForm(path, path, Map.of("reminderDaysBefore", "three", "quietFrom", "21:00",
                "quietUntil", "08:00", "revision", "0"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("whole numbers of days");
        Http.Response ok = page.postForm(path, path, Map.of("reminderDaysBefore", "4, 1", "quietFrom", "21:00",
                "quietUntil", "08:00", "revision", "0", "kinds.reminder", "on"));
        assertThat(ok.status()).as(ok.body()).isIn(200, 302, 303);
        assertThat(owner.get(url).json().get("reminderDaysBefore").toString()).isEqualTo("[4,1]");
        assertThat(owner.get(url).json().get("kinds").get("rebook").asBoolean()).as("unchecked: off").isFalse();
    }
}

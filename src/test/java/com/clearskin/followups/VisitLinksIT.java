package com.clearskin.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestVisits;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one-click links of a reminder and of a check-in, used without signing in: each does its one
 * thing once, a moved or cancelled visit's links stop working, a confirmed visit says so on the
 * staff calendar, the clinic's cancellation notice applies, and spent links are cleaned up.
 */
@IntegrationTest
class VisitLinksIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";
    static final Pattern LINK = Pattern.compile(
            "(I will be there|Choose another time|Cancel|Tell us how your skin is): [^\\s]*/visits/(v1_[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    TestVisits visits;
    @Autowired
    FollowUpDelivery delivery;
    @Autowired
    VisitLinks links;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String base;
    UUID client;
    Http desk;
    Http anyone;
    String appointment;

    @BeforeEach
    void aBookedVisit() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        client = fixtures.client(clinic.clinic(), "Cora", "Client");
        jdbc.sql("update client set email = :email where clinic_id = :clinic and id = :id")
                .param("email", "cora-" + UUID.randomUUID() + "@links.test").param("clinic", clinic.clinic().id())
                .param("id", client).update();
        desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        anyone = new Http(port);
        String start = LocalDate.now(ZONE).plusDays(5).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments",
                Map.of("clientId", client.toString(), "treatment", FACIAL, "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        appointment = booked.json().get("id").asString();
    }

    /** Sends the due messages of this kind now and returns the tokens of the newest one, by what they do. */
    Map<String, String> send(String kind) {
        jdbc.sql("""
                update follow_up set send_at = now() - interval '1 minute'
                where clinic_id = :c and kind = :kind and status = 'scheduled'""")
                .param("c", clinic.clinic().id()).param("kind", kind).update();
        delivery.deliverDue();
        String body = jdbc.sql("""
                select body from outbox_message where clinic_id = :c and kind = :kind order by created_at desc limit 1""")
                .param("c", clinic.clinic().id()).param("kind", "follow-up-" + kind).query(String.class).single();
        Map<String, String> found = new java.util.HashMap<>();
        Matcher m = LINK.matcher(body);
        while (m.find()) {
            found.put(switch (m.group(1)) {
                case "I will be there" -> "confirm";
                case "Choose another time" -> "reschedule";
                case "Cancel" -> "cancel";
                default -> "check-in";
            }, m.group(2));
        }
        return found;
    }

    @Test
    void aReminderCarriesLinksThatConfirmMoveAndCancelOnceEach() {
        Map<String, String> tokens = send("reminder");
        assertThat(tokens).containsOnlyKeys("confirm", "reschedule", "cancel");

        Http.Response view = anyone.get("/api/v1/visit-links/" + tokens.get("confirm"));
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().get("purpose").asString()).isEqualTo("confirm");
        assertThat(view.json().get("state").asString()).isEqualTo("open");
        assertThat(anyone.get("/visits/" + tokens.get("confirm")).body()).contains("I will be there");
        assertThat(anyone.postJson("/api/v1/visit-links/" + tokens.get("cancel") + "/confirm", "").status())
                .as("a cancel link does not confirm").isEqualTo(404);

        Http.Response confirmed = anyone.postJson("/api/v1/visit-links/" + tokens.get("confirm") + "/confirm", "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("confirmed").asBoolean()).isTrue();
        Http.Response again = anyone.postJson("/api/v1/visit-links/" + tokens.get("confirm") + "/confirm", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("link-used");
        Http owner = new Http(port);
        owner.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        String day = LocalDate.now(ZONE).plusDays(5).toString();
        assertThat(owner.get("/app/clinics/" + clinic.slug() + "/calendar?date=" + day).body())
                .contains("confirmed by the client");

        Http.Response free = anyone.get("/api/v1/visit-links/" + tokens.get("reschedule") + "/free-times");
        assertThat(free.status()).as(free.body()).isEqualTo(200);
        assertThat(free.json().get("times")).isNotEmpty();
        assertThat(anyone.postJson("/api/v1/visit-links/" + tokens.get("reschedule") + "/reschedule", "{}").body())
                .contains("start");
        assertThat(free.json().get("times").get(0).get("start").asString()).isNotBlank();
        String to = LocalDate.now(ZONE).plusDays(8).atTime(11, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response moved = anyone.postJson("/api/v1/visit-links/" + tokens.get("reschedule") + "/reschedule",
                Map.of("start", to));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(java.time.OffsetDateTime.parse(moved.json().get("start").asString()).toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse(to).toInstant());
        assertThat(moved.json().get("confirmed").asBoolean()).as("the confirmation was for the old time").isFalse();
        assertThat(anyone.postJson("/api/v1/visit-links/" + tokens.get("reschedule") + "/reschedule",
                Map.of("start", to)).status()).isEqualTo(409);
        Http.Response stale = anyone.postJson("/api/v1/visit-links/" + tokens.get("cancel") + "/cancel", "");
        assertThat(stale.status()).as("the old time's links stopped working").isEqualTo(409);
        assertThat(stale.body()).contains("link-expired");

        Map<String, String> fresh = send("reminder");
        Http.Response cancelled = anyone.postJson("/api/v1/visit-links/" + fresh.get("cancel") + "/cancel",
                Map.of("reason", "away that week"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("appointmentStatus").asString()).isEqualTo("cancelled");
    }

    @Test
    void cancellingFromALinkKeepsTheClinicsNotice() {
        Map<String, String> tokens = send("reminder");
        fixtures.settings(clinic.clinic(), 15, 0, 365, 24 * 30);
        Http.Response late = anyone.postJson("/api/v1/visit-links/" + tokens.get("cancel") + "/cancel", "");
        assertThat(late.status()).as(late.body()).isEqualTo(422);
        assertThat(late.body()).contains("cancellation-notice");
        assertThat(anyone.get("/api/v1/visit-links/" + tokens.get("cancel")).json().get("state").asString())
                .as("a refused cancellation does not use the link").isEqualTo("open");
        assertThat(anyone.get("/api/v1/visit-links/v1_nothing").status()).isEqualTo(404);
        assertThat(anyone.get("/api/v1/visit-links/" + "x".repeat(300)).status()).isEqualTo(404);
    }

    @Test
    void theEmailedCheckInLinkTakesTheAnswersOnceAndEscalates() {
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic(), appointment);
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/complete", "").status()).isEqualTo(200);
        String token = send("check-in").get("check-in");
        assertThat(token).isNotNull();
        assertThat(anyone.get("/visits/" + token).body()).contains("How is your skin?").contains("name=\"redness\"");
        Http.Response bad = anyone.postJson("/api/v1/check-ins/" + token, "{\"redness\":5,\"pain\":1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("redness");
        Http.Response r = anyone.postJson("/api/v1/check-ins/" + token,
                "{\"redness\":1,\"peeling\":false,\"pain\":3,\"swelling\":true,\"warningSigns\":[\"blisters\"],\"note\":\"since today\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("escalated").asBoolean()).isTrue();
        assertThat(r.json().get("id").asString()).isNotBlank();
        assertThat(anyone.postJson("/api/v1/check-ins/" + token, "{\"redness\":1,\"pain\":1}").status()).isEqualTo(409);
        assertThat(anyone.postJson("/api/v1/check-ins/v1_unknown", "{\"redness\":1,\"pain\":1}").status()).isEqualTo(404);
        Http owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        assertThat(owner.get(base + "/escalations?status=open").json().get("escalations")).hasSize(1);

        jdbc.sql("update visit_link set used_at = used_at - interval '2 days' where clinic_id = :c and used_at is not null")
                .param("c", clinic.clinic().id()).update();
        links.forgetSpent();
        assertThat(jdbc.sql("select count(*) from visit_link where clinic_id = :c and purpose = 'check-in'")
                .param("c", clinic.clinic().id()).query(Integer.class).single()).as("the answered check-in's link is gone")
                .isZero();
    }

    @Test
    void theCheckInPageEscalatesAWarningSign() {
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic(), appointment);
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/complete", "").status()).isEqualTo(200);
        String token = send("check-in").get("check-in");
        Http page = new Http(port);
        Http.Response done = page.postForm("/visits/" + token, "/visits/" + token,
                Map.of("redness", "1", "pain", "2", "warningSigns", List.of("fever")));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Your practitioner will contact you soon");
    }
}

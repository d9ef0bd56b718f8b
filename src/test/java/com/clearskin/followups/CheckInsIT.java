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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client's check-in after a visit: validated field by field, only about their own completed visit;
 * a warning sign (or pain of 7, or redness 3) opens an escalation that staff who may read the
 * record see and resolve by saying what they did; the answers cannot be changed afterwards.
 */
@IntegrationTest
class CheckInsIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    TestVisits visits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FollowUpDelivery delivery;

    TestClinic clinic;
    String base;
    Http desk;
    Http me;
    String appointment;

    @BeforeEach
    void aCompletedVisit() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        UUID client = fixtures.clientFor(clinic.clinic(), clinic.email(Role.CLIENT));
        desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        me = new Http(port).signInForApi(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        String start = LocalDate.now(ZONE).plusDays(3).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments",
                Map.of("clientId", client.toString(), "treatment", FACIAL, "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        appointment = booked.json().get("id").asString();
    }

    void complete() {
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic(), appointment);
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/complete", "").status()).isEqualTo(200);
    }

    String checkIns() {
        return base + "/me/appointments/" + appointment + "/check-ins";
    }

    @Test
    void anOrdinaryRecoveryIsRecordedWithoutEscalation() {
        assertThat(me.postJson(checkIns(), "{\"redness\":1,\"pain\":2}").status())
                .as("not before the visit is done").isEqualTo(422);
        complete();
        jdbc.sql("update client set email = :e where clinic_id = :c").param("e", clinic.email(Role.CLIENT))
                .param("c", clinic.clinic().id()).update();
        jdbc.sql("update follow_up set send_at = now() - interval '1 minute' where clinic_id = :c and kind = 'check-in'")
                .param("c", clinic.clinic().id()).update();
        delivery.deliverDue();
        Http.Response r = me.postJson(checkIns(), """
                {"redness": 2, "peeling": true, "pain": 3, "swelling": false, "warningSigns": [], "note": "a bit tight"}""");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("escalated").asBoolean()).isFalse();
        assertThat(r.json().get("id").asString()).isNotBlank();
        assertThat(jdbc.sql("select status from follow_up where clinic_id = :c and kind = 'check-in'")
                .param("c", clinic.clinic().id()).query(String.class).list()).as("the sent check-in is answered")
                .containsExactly("answered");
        Http owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        assertThat(owner.get(base + "/escalations?status=open").json().get("escalations")).isEmpty();
    }

    @Test
    void badAnswersAreRefusedNamingTheField() {
        complete();
        assertThat(me.postJson(checkIns(), "{\"redness\":4,\"pain\":2}").body()).contains("redness");
        assertThat(me.postJson(checkIns(), "{\"redness\":4,\"pain\":2}").status()).isEqualTo(400);
        assertThat(me.postJson(checkIns(), "{\"redness\":1,\"pain\":11}").body()).contains("pain");
        Http.Response sign = me.postJson(checkIns(), "{\"redness\":1,\"pain\":1,\"warningSigns\":[\"itch\"]}");
        assertThat(sign.status()).isEqualTo(400);
        assertThat(sign.body()).contains("warningSigns");
        assertThat(me.postJson(checkIns(), "not json").status()).isEqualTo(400);
        assertThat(me.postJson(base + "/me/appointments/" + UUID.randomUUID() + "/check-ins", "{\"redness\":1,\"pain\":1}")
                .status()).isEqualTo(404);
        assertThat(desk.postJson(checkIns(), "{\"redness\":1,\"pain\":1}").status())
                .as("someone else's visit").isEqualTo(404);
    }

    @Test
    void aWarningSignEscalatesToStaffWhoResolveIt() {
        complete();
        Http.Response r = me.postJson(checkIns(), """
                {"redness": 1, "peeling": false, "pain": 4, "swelling": true, "warningSigns": ["fever", "pus"]}""");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("escalated").asBoolean()).isTrue();
        assertThat(me.postJson(checkIns(), "{\"redness\":1,\"pain\":8}").json().get("escalated").asBoolean())
                .as("pain of 8").isTrue();

        assertThat(desk.get(base + "/escalations").status()).as("front desk does not read records").isEqualTo(403);
        Http owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        Http.Response open = owner.get(base + "/escalations?status=open");
        assertThat(open.status()).as(open.body()).isEqualTo(200);
        assertThat(open.json().get("escalations")).hasSize(2);
        String id = null;
        for (var e : open.json().get("escalations")) {
            if (e.get("reasons").asString().contains("fever")) {
                id = e.get("id").asString();
                assertThat(e.get("status").asString()).isEqualTo("open");
                assertThat(e.get("pain").asInt()).isEqualTo(4);
            }
        }
        assertThat(id).isNotNull();
        assertThat(owner.postJson(base + "/escalations/" + id + "/resolve", "{}").status()).isEqualTo(400);
        Http.Response done = owner.postJson(base + "/escalations/" + id + "/resolve", "{\"action\":\"Called her; seen today\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("resolved");
        assertThat(owner.postJson(base + "/escalations/" + id + "/resolve", "{\"action\":\"again\"}").status()).isEqualTo(409);
        assertThat(owner.get(base + "/escalations?status=open").json().get("escalations")).hasSize(1);
        assertThat(owner.get(base + "/escalations?status=weird").status()).isEqualTo(400);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update check_in set pain = 0 where clinic_id = :c")
                .param("c", clinic.clinic().id()).update()).hasMessageContaining("append-only");
    }

    static byte[] skinPhoto() throws java.io.IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(224, 172, 150));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new java.awt.Color(200, 60, 60));
        g.fillOval(140, 100, 40, 30);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    int checkInsRecorded() {
        return jdbc.sql("select count(*) from check_in where clinic_id = :c").param("c", clinic.clinic().id())
                .query(Integer.class).single();
    }

    @Test
    void aPhotoSentWithTheCheckInIsShownToThePractitionerWithTheEscalation() throws Exception {
        complete();
        String answers = "{\"redness\": 2, \"pain\": 3, \"warningSigns\": [\"blisters\"]}";
        Http.Response noArea = me.postMultipart(checkIns(), Map.of("answers", answers), "photo", skinPhoto());
        assertThat(noArea.status()).as(noArea.body()).isEqualTo(400);
        assertThat(noArea.body()).contains("area");
        Http.Response notAnImage = me.postMultipart(checkIns(), Map.of("answers", answers, "area", "left-cheek"), "photo",
                "not a picture at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notAnImage.status()).as(notAnImage.body()).isEqualTo(400);
        assertThat(notAnImage.body()).contains("\"field\":\"photo\"");
        Http.Response noAnswers = me.postMultipart(checkIns(), Map.of("area", "left-cheek"), "photo", skinPhoto());
        assertThat(noAnswers.status()).isEqualTo(400);
        assertThat(noAnswers.body()).contains("answers");
        assertThat(checkInsRecorded()).as("nothing of a refused check-in is kept").isZero();
        assertThat(jdbc.sql("select count(*) from client_photo where clinic_id = :c").param("c", clinic.clinic().id())
                .query(Integer.class).single()).isZero();

        Http.Response r = me.postMultipart(checkIns(), Map.of("answers", answers, "area", "left-cheek"), "photo", skinPhoto());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("escalated").asBoolean()).isTrue();
        Http.Response plain = me.postMultipart(checkIns(), Map.of("answers", "{\"redness\": 0, \"pain\": 1}"), "photo", null);
        assertThat(plain.status()).as("the photo stays optional").isEqualTo(201);

        Http owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        var escalation = owner.get(base + "/escalations?status=open").json().get("escalations").get(0);
        String photo = escalation.get("photoId").asString();
        String client = escalation.get("clientId").asString();
        var stored = jdbc.sql("select view, area, created_by from client_photo where clinic_id = :c and id = :id")
                .param("c", clinic.clinic().id()).param("id", UUID.fromString(photo)).query().singleRow();
        assertThat(stored.get("view")).isEqualTo("close-up");
        assertThat(stored.get("area")).isEqualTo("left-cheek");
        assertThat(stored.get("created_by")).as("sent by the client's own account").isNotNull();
        Http.Response thumb = owner.get(base + "/clients/" + client + "/photos/" + photo + "/thumbnail");
        assertThat(thumb.status()).isEqualTo(200);
        assertThat(thumb.contentType()).startsWith("image/jpeg");
        assertThat(desk.get(base + "/clients/" + client + "/photos/" + photo).status())
                .as("front desk does not see health photos").isEqualTo(403);
        Http browser = new Http(port);
        browser.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        Http.Response page = browser.get("/app/clinics/" + clinic.slug() + "/escalations");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/photos/" + photo + "/thumbnail").contains("Photo sent by");
    }
}

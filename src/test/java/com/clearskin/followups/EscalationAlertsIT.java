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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An escalated problem report from the portal: the practitioner is mailed in the same transaction
 * (the outbox delivers within seconds), sees it on the escalations page and resolves it there; the
 * client sees their messages in the portal.
 */
@IntegrationTest
class EscalationAlertsIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    TestVisits visits;
    @Autowired
    FollowUpDelivery delivery;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String appointment;
    UUID practitionerUser;

    @BeforeEach
    void aCompletedVisitWithAPractitionerWhoHasAnAccount() {
        clinic = fixtures.open(ZONE.getId());
        String base = "/api/v1/clinics/" + clinic.slug();
        fixtures.settings(clinic.clinic(), 15, 0, 365, 24);
        fixtures.openEveryDay(clinic.clinic(), "09:00", "17:00");
        UUID practitioner = fixtures.practitioner(clinic.clinic(), "Anna", "esthetician", "09:00", "17:00");
        practitionerUser = jdbc.sql("select user_id from clinic_member where clinic_id = :c and role = 'owner' limit 1")
                .param("c", clinic.clinic().id()).query(UUID.class).single();
        jdbc.sql("update practitioner set user_id = :u where clinic_id = :c and id = :p").param("u", practitionerUser)
                .param("c", clinic.clinic().id()).param("p", practitioner).update();
        fixtures.room(clinic.clinic(), "Room 1", "facial-bed");
        fixtures.device(clinic.clinic(), "Steamer 1", "steamer");
        fixtures.requirement(clinic.clinic(), FACIAL, List.of("facial-bed"), List.of("steamer"), 0, 15);
        UUID client = fixtures.clientFor(clinic.clinic(), clinic.email(Role.CLIENT));
        jdbc.sql("update client set email = :e where clinic_id = :c").param("e", clinic.email(Role.CLIENT))
                .param("c", clinic.clinic().id()).update();
        Http desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        String start = LocalDate.now(ZONE).plusDays(3).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments",
                Map.of("clientId", client.toString(), "treatment", FACIAL, "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        appointment = booked.json().get("id").asString();
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic(), appointment);
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/complete", "").status()).isEqualTo(200);
        delivery.deliverDue();
    }

    @Test
    void aProblemReportFromThePortalAlertsThePractitionerWhoResolvesItOnTheDashboard() {
        Http me = new Http(port);
        me.signIn(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        String messages = "/app/clinics/" + clinic.slug() + "/me/messages";
        Http.Response page = me.get(messages);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Booking confirmation").contains("Aftercare").contains("Report a problem");
        String report = "/app/clinics/" + clinic.slug() + "/me/appointments/" + appointment + "/report";
        Http.Response done = me.postForm(report, report, Map.of("redness", "2", "pain", "3",
                "warningSigns", List.of("spreading-redness")));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Your practitioner will contact you soon");

        String ownerEmail = jdbc.sql("select email from app_user where id = :u").param("u", practitionerUser)
                .query(String.class).single();
        List<Map<String, Object>> alerts = jdbc.sql("""
                select subject, body, status from outbox_message where clinic_id = :c and kind = 'escalation'""")
                .param("c", clinic.clinic().id()).query().listOfRows();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("body").toString()).contains("spreading redness").contains("/escalations");
        assertThat(jdbc.sql("select recipient from outbox_message where clinic_id = :c and kind = 'escalation'")
                .param("c", clinic.clinic().id()).query(String.class).single()).isEqualTo(ownerEmail);

        Http owner = new Http(port);
        owner.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        String dashboard = "/app/clinics/" + clinic.slug() + "/escalations";
        Http.Response list = owner.get(dashboard);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("warning signs: spreading redness").contains("Record and resolve");
        String id = jdbc.sql("select id from escalation where clinic_id = :c").param("c", clinic.clinic().id())
                .query(UUID.class).single().toString();
        owner.postForm(dashboard + "/" + id + "/resolve", dashboard, Map.of("action", "Called her, seen the same day"));
        assertThat(jdbc.sql("select status from escalation where clinic_id = :c").param("c", clinic.clinic().id())
                .query(String.class).single()).isEqualTo("resolved");
        Http desk = new Http(port);
        desk.signIn(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        assertThat(desk.get(dashboard).status()).as("front desk does not read records").isEqualTo(403);
    }
}

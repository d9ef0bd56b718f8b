package com.clearskin.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.mail.TestMailbox;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestVisits;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Rebooking when the next session falls due (the maintenance cadence), with RFC 8058 one-click
 * unsubscribe headers that work, a preferences page, and no message when the client booked already.
 */
@IntegrationTest
class RebookIT {

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
    String base;
    UUID client;
    String email;
    Http desk;

    @BeforeEach
    void aCompletedFacial() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        client = fixtures.client(clinic.clinic(), "Cora", "Client");
        email = "cora-" + UUID.randomUUID() + "@rebook.test";
        jdbc.sql("update client set email = :email where clinic_id = :clinic and id = :id")
                .param("email", email).param("clinic", clinic.clinic().id()).param("id", client).update();
        desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        String id = book(3);
        assertThat(desk.postJson(base + "/appointments/" + id + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic(), id);
        assertThat(desk.postJson(base + "/appointments/" + id + "/complete", "").status()).isEqualTo(200);
    }

    String book(int days) {
        String start = LocalDate.now(ZONE).plusDays(days).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments",
                Map.of("clientId", client.toString(), "treatment", FACIAL, "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    void sendRebook() {
        jdbc.sql("update follow_up set send_at = now() - interval '1 minute' where clinic_id = :c and kind = 'rebook'")
                .param("c", clinic.clinic().id()).update();
        delivery.deliverDue();
    }

    String rebookStatus() {
        return jdbc.sql("select status from follow_up where clinic_id = :c and kind = 'rebook'")
                .param("c", clinic.clinic().id()).query(String.class).single();
    }

    @Test
    void theRebookMessageCarriesOneClickUnsubscribeHeadersThatWork() throws Exception {
        Timestamp due = jdbc.sql("select due_at from follow_up where clinic_id = :c and kind = 'rebook'")
                .param("c", clinic.clinic().id()).query(Timestamp.class).single();
        assertThat(due.toInstant()).as("the fixture client's normal skin: the cadence of 28 days after completion, at 10:00")
                .isEqualTo(LocalDate.now(ZONE).plusDays(28).atTime(10, 0).atZone(ZONE).toInstant());
        sendRebook();
        assertThat(rebookStatus()).isEqualTo("sent");
        String unsubscribe;
        try (TestMailbox mailbox = new TestMailbox(jdbc)) {
            mailbox.deliver();
            MimeMessage m = mailbox.to(email).stream().filter(x -> {
                try {
                    return x.getSubject().startsWith("Time for your next");
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElseThrow();
            String header = m.getHeader("List-Unsubscribe")[0];
            assertThat(header).startsWith("<").endsWith(">").contains("/api/v1/message-preferences/p1_");
            assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            unsubscribe = header.substring(1, header.length() - 1);
        }
        Matcher token = Pattern.compile("/api/v1/message-preferences/(p1_[A-Za-z0-9_-]+)/unsubscribe").matcher(unsubscribe);
        assertThat(token.find()).isTrue();
        Http anyone = new Http(port);
        assertThat(anyone.get("/api/v1/message-preferences/" + token.group(1)).json().get("marketing").asBoolean()).isTrue();
        Http.Response r = anyone.send("POST", unsubscribe.replaceFirst("^https?://[^/]+", ""),
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("marketing").asBoolean()).isFalse();
        assertThat(r.json().get("reminders").asBoolean()).isTrue();
        assertThat(anyone.get("/preferences/" + token.group(1)).body()).contains("The messages you receive");

        jdbc.sql("update follow_up set status = 'scheduled', sent_at = null where clinic_id = :c and kind = 'rebook'")
                .param("c", clinic.clinic().id()).update();
        sendRebook();
        assertThat(rebookStatus()).as("marketing is off now").isEqualTo("cancelled");
        assertThat(anyone.putJson("/api/v1/message-preferences/" + token.group(1), "{\"marketing\": 1}", Map.of()).body())
                .contains("marketing");
        assertThat(anyone.get("/api/v1/message-preferences/p1_unknown").status()).isEqualTo(404);
    }

    @Test
    void noRebookMessageWhenTheClientBookedAlready() {
        book(3 + 35);
        sendRebook();
        assertThat(rebookStatus()).isEqualTo("cancelled");
    }
}

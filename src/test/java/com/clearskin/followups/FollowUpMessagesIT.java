package com.clearskin.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.mail.TestMailbox;
import com.clearskin.sessions.Sessions;
import com.clearskin.sessions.TreatmentSession;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestInstruments;
import com.clearskin.support.TestVisits;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the client receives, over SMTP (GreenMail): a confirmation as HTML and plain text with a
 * calendar file, a message when the visit is moved (same UID, higher SEQUENCE) or cancelled
 * (METHOD CANCEL), before-care from the catalog and the engine's retinoid pause, and aftercare with
 * what the practitioner wrote in the signed session record.
 */
@IntegrationTest
class FollowUpMessagesIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";
    static final String MICRO = "microdermabrasion";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    TestVisits visits;
    @Autowired
    TestInstruments instruments;
    @Autowired
    Sessions sessions;
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
    void openClinic() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        fixtures.requirement(clinic.clinic(), MICRO, List.of("facial-bed"), List.of(), 0, 15);
        client = fixtures.client(clinic.clinic(), "Cora", "Client");
        email = "cora-" + UUID.randomUUID() + "@messages.test";
        jdbc.sql("update client set email = :email where clinic_id = :clinic and id = :id")
                .param("email", email).param("clinic", clinic.clinic().id()).param("id", client).update();
        desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
    }

    String book(String treatment, int days, int hour) {
        String start = LocalDate.now(ZONE).plusDays(days).atTime(hour, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments",
                Map.of("clientId", client.toString(), "treatment", treatment, "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    void sendDue(String kind) {
        jdbc.sql("update follow_up set send_at = now() - interval '1 minute' where clinic_id = :c and kind = :k and status = 'scheduled'")
                .param("c", clinic.clinic().id()).param("k", kind).update();
        delivery.deliverDue();
    }

    /** Every part of a message, by media type, as text. */
    static Map<String, String> parts(MimeMessage m) throws Exception {
        Map<String, String> found = new java.util.LinkedHashMap<>();
        collect(m.getContent(), m.getContentType(), found);
        return found;
    }

    static void collect(Object content, String type, Map<String, String> found) throws Exception {
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                collect(p.getContent(), p.getContentType(), found);
            }
        } else if (content instanceof String s) {
            found.put(type.split(";")[0].strip().toLowerCase(), s);
        } else if (content instanceof java.io.InputStream in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            found.put(type.split(";")[0].strip().toLowerCase(), out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aConfirmationCarriesACalendarFileAndAMoveAndACancellationAreTold() throws Exception {
        String id = book(FACIAL, 5, 10);
        sendDue("confirmation");
        String later = LocalDate.now(ZONE).plusDays(6).atTime(11, 0).atZone(ZONE).toOffsetDateTime().toString();
        assertThat(desk.postJson(base + "/appointments/" + id + "/reschedule", Map.of("start", later)).status()).isEqualTo(200);
        sendDue("confirmation");
        assertThat(desk.postJson(base + "/appointments/" + id + "/cancel", Map.of("reason", "ill")).status()).isEqualTo(200);
        sendDue("confirmation");
        try (TestMailbox mailbox = new TestMailbox(jdbc)) {
            mailbox.deliver();
            List<MimeMessage> received = new ArrayList<>(mailbox.to(email));
            assertThat(received).extracting(MimeMessage::getSubject).hasSize(3);
            MimeMessage booked = byPrefix(received, "Booked:");
            Map<String, String> b = parts(booked);
            assertThat(b).containsKeys("text/plain", "text/html", "text/calendar");
            assertThat(b.get("text/plain")).contains("Hello Cora").contains("is booked for");
            assertThat(b.get("text/html")).contains("<p>Hello Cora,</p>");
            assertThat(b.get("text/calendar")).contains("UID:" + id + "@clearskin").contains("METHOD:PUBLISH")
                    .contains("TZID=Europe/Paris").contains("STATUS:CONFIRMED");
            Map<String, String> moved = parts(byPrefix(received, "Moved:"));
            assertThat(moved.get("text/plain")).contains("is moved to");
            assertThat(moved.get("text/calendar")).contains("UID:" + id + "@clearskin").contains("SEQUENCE:2");
            Map<String, String> cancelled = parts(byPrefix(received, "Cancelled:"));
            assertThat(cancelled.get("text/calendar")).contains("METHOD:CANCEL").contains("STATUS:CANCELLED");
        }
    }

    static MimeMessage byPrefix(List<MimeMessage> messages, String prefix) {
        return messages.stream().filter(m -> {
            try {
                return m.getSubject().startsWith(prefix);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no message " + prefix));
    }

    @Test
    void beforeCareIsTimedByTheRetinoidPauseAndSaysSo() {
        String id = book(MICRO, 10, 10);
        java.sql.Timestamp due = jdbc.sql("select due_at from follow_up where clinic_id = :c and kind = 'before-care'")
                .param("c", clinic.clinic().id()).query(java.sql.Timestamp.class).single();
        assertThat(due.toInstant()).as("microdermabrasion: retinoids stop 3 days before, so 4 days before at 10:00")
                .isEqualTo(LocalDate.now(ZONE).plusDays(6).atTime(10, 0).atZone(ZONE).toInstant());
        sendDue("before-care");
        String body = jdbc.sql("select body from outbox_message where clinic_id = :c and kind = 'follow-up-before-care'")
                .param("c", clinic.clinic().id()).query(String.class).single();
        assertThat(body).contains("Stop retinoid creams or gels").contains("3 days before your visit");
        assertThat(id).isNotBlank();
    }

    @Test
    void aftercareAddsWhatThePractitionerWroteInTheRecord() {
        String id = book(FACIAL, 5, 10);
        assertThat(desk.postJson(base + "/appointments/" + id + "/check-in", "").status()).isEqualTo(200);
        TreatmentSession s = visits.readyToSign(clinic.clinic(), id);
        UUID owner = jdbc.sql("select user_id from clinic_member where clinic_id = :c and role = 'owner' limit 1")
                .param("c", clinic.clinic().id()).query(UUID.class).single();
        sessions.saveChart(clinic.clinic(), s.id(), JsonMapper.builder().build().readTree("""
                {"skinResponse": {"erythema": 1, "edema": 0},
                 "notes": {"plan": "Use the cooling gel morning and evening for three days."}}"""), owner);
        instruments.recordFor(clinic.clinic(), s.id(), owner);
        sessions.sign(clinic.clinic(), s.id(), owner);
        assertThat(desk.postJson(base + "/appointments/" + id + "/complete", "").status()).isEqualTo(200);
        sendDue("aftercare");
        Map<String, Object> row = jdbc.sql("""
                select body, html_body from outbox_message where clinic_id = :c and kind = 'follow-up-aftercare'""")
                .param("c", clinic.clinic().id()).query().singleRow();
        assertThat(row.get("body").toString()).contains("Do not pick at or squeeze")
                .contains("From your practitioner: Use the cooling gel morning and evening for three days.");
        assertThat(row.get("html_body").toString()).contains("<li>Do not pick at or squeeze");
    }
}

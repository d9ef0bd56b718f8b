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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The messages around a visit, end to end: booking creates the confirmation and two reminders,
 * cancelling cancels what is pending (in booking's transaction), completing adds aftercare and the
 * check-ins, and the delivery job hands a due message to the outbox once, however often and from
 * however many threads it runs, under one Message-ID that reaches the SMTP server.
 */
@IntegrationTest
class FollowUpsIT {

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
    void openClinic() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        client = fixtures.client(clinic.clinic(), "Cora", "Client");
        email = "cora-" + UUID.randomUUID() + "@followups.test";
        jdbc.sql("update client set email = :email where clinic_id = :clinic and id = :id")
                .param("email", email).param("clinic", clinic.clinic().id()).param("id", client).update();
        desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
    }

    String book(int daysAhead) {
        String start = LocalDate.now(ZONE).plusDays(daysAhead).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments",
                Map.of("clientId", client.toString(), "treatment", FACIAL, "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    List<JsonNode> followUps(String appointment) {
        Http.Response r = desk.get(base + "/appointments/" + appointment + "/follow-ups");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.json().get("followUps").forEach(list::add);
        return list;
    }

    static List<String> kinds(List<JsonNode> list) {
        return list.stream().map(n -> n.get("kind").asString() + ":" + n.get("status").asString()).toList();
    }

    @Test
    void bookingSchedulesAConfirmationAndTwoRemindersAndCancellingCancelsThem() {
        String id = book(5);
        List<JsonNode> list = followUps(id);
        assertThat(kinds(list)).containsExactly("confirmation:scheduled", "reminder:scheduled", "before-care:scheduled",
                "reminder:scheduled");
        JsonNode first = list.get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "kind", "dueAt", "status", "channel");
        assertThat(first.get("channel").asString()).isEqualTo("email");
        Instant start = LocalDate.now(ZONE).plusDays(5).atTime(10, 0).atZone(ZONE).toInstant();
        assertThat(Instant.parse(list.get(1).get("dueAt").asString()))
                .isEqualTo(LocalDate.now(ZONE).plusDays(2).atTime(10, 0).atZone(ZONE).toInstant());
        assertThat(Instant.parse(list.get(2).get("dueAt").asString())).as("before-care: 2 days before, at 10:00")
                .isEqualTo(LocalDate.now(ZONE).plusDays(3).atTime(10, 0).atZone(ZONE).toInstant());
        assertThat(Instant.parse(list.get(3).get("dueAt").asString())).isBefore(start)
                .isEqualTo(LocalDate.now(ZONE).plusDays(4).atTime(10, 0).atZone(ZONE).toInstant());

        assertThat(desk.postJson(base + "/appointments/" + id + "/cancel", "{\"reason\":\"ill\"}").status()).isEqualTo(200);
        assertThat(kinds(followUps(id))).as("the pending ones cancelled; a message that the visit is cancelled")
                .containsExactly("confirmation:cancelled", "confirmation:scheduled", "reminder:cancelled",
                        "before-care:cancelled", "reminder:cancelled");
        assertThat(desk.get(base + "/appointments/" + UUID.randomUUID() + "/follow-ups").status()).isEqualTo(404);
    }

    @Test
    void movingAnAppointmentCancelsTheOldRemindersAndSchedulesNewOnes() {
        String id = book(5);
        String later = LocalDate.now(ZONE).plusDays(8).atTime(11, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response moved = desk.postJson(base + "/appointments/" + id + "/reschedule", Map.of("start", later));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        List<JsonNode> list = followUps(id);
        List<Instant> scheduledReminders = list.stream()
                .filter(n -> n.get("kind").asString().equals("reminder") && n.get("status").asString().equals("scheduled"))
                .map(n -> Instant.parse(n.get("dueAt").asString())).toList();
        assertThat(scheduledReminders).containsExactly(
                LocalDate.now(ZONE).plusDays(5).atTime(11, 0).atZone(ZONE).toInstant(),
                LocalDate.now(ZONE).plusDays(7).atTime(11, 0).atZone(ZONE).toInstant());
        assertThat(list.stream().filter(n -> n.get("kind").asString().equals("reminder")
                && n.get("status").asString().equals("cancelled"))).as("the old time's reminders").hasSize(2);
    }

    @Test
    void completingAVisitSchedulesAftercareAndCheckIns() {
        String id = book(5);
        assertThat(desk.postJson(base + "/appointments/" + id + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic(), id);
        Http.Response done = desk.postJson(base + "/appointments/" + id + "/complete", "");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        List<String> kinds = kinds(followUps(id));
        assertThat(kinds).contains("aftercare:scheduled", "check-in:scheduled");
        assertThat(kinds).as("the reminders of a visit that happened stay as they were").contains("confirmation:scheduled");
    }

    @Test
    void aDueMessageReachesTheOutboxOnceWithAStableMessageIdHoweverOftenDeliveryRuns() throws Exception {
        String id = book(5);
        UUID confirmation = UUID.fromString(followUps(id).get(0).get("id").asString());
        jdbc.sql("update follow_up set send_at = now() - interval '1 minute' where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.clinic().id()).param("id", confirmation).update();

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return delivery.deliverDue();
            }));
        }
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        delivery.deliverDue();

        List<Map<String, Object>> outbox = jdbc.sql("select message_id, subject from outbox_message where id = :id")
                .param("id", confirmation).query().listOfRows();
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0).get("message_id").toString()).startsWith("<" + confirmation + "@");
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :email").param("email", email)
                .query(Integer.class).single()).as("only the due confirmation, once").isEqualTo(1);
        assertThat(kinds(followUps(id))).containsExactly("confirmation:sent", "reminder:scheduled", "before-care:scheduled",
                "reminder:scheduled");

        try (TestMailbox mailbox = new TestMailbox(jdbc)) {
            mailbox.deliver();
            mailbox.deliver();
            List<MimeMessage> received = mailbox.to(email);
            assertThat(received).hasSize(1);
            assertThat(received.get(0).getHeader("Message-ID")[0]).isEqualTo(outbox.get(0).get("message_id"));
            assertThat(received.get(0).getSubject()).startsWith("Booked: your");
        }
    }
}

package com.clearskin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.followups.WebhookSignature;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestVisits;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15's webhook channel against a real HTTP receiver: registration (400s named, owners and
 * admins only, another clinic 404), each event type delivered signed in the Standard Webhooks format
 * and verified with the secret, a failed delivery retried and logged, and the page.
 */
@IntegrationTest
class WebhooksIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";

    record Received(String id, String timestamp, String signature, String body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    TestVisits visits;
    @Autowired
    TestClinics testClinics;
    @Autowired
    Webhooks webhooks;
    @Autowired
    JdbcClient jdbc;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToGive = new AtomicInteger();
    TestClinic clinic;
    String base;
    UUID client;
    Http desk;
    Http owner;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            if (status == 204) {
                var h = exchange.getRequestHeaders();
                received.add(new Received(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        client = fixtures.clientFor(clinic.clinic(), clinic.email(Role.CLIENT));
        desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    String hooks() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    String book(int days) {
        String start = LocalDate.now(ZONE).plusDays(days).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments", Map.of("clientId", client.toString(), "treatment", FACIAL,
                "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    JsonNode only(String type) {
        List<Received> of = received.stream().filter(r -> r.body().contains("\"type\":\"" + type + "\"")).toList();
        assertThat(of).as(type).hasSize(1);
        return Http.JSON.readTree(of.get(0).body());
    }

    @Test
    void everyEventArrivesSignedAndAFailureIsRetriedAndLogged() {
        Http.Response bad = owner.postJson(base + "/webhooks", Map.of("url", "ftp://x", "events", List.of("appointment.lost")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"url\"").contains("events[0]");
        assertThat(desk.postJson(base + "/webhooks", Map.of("url", hooks(), "events", List.of("appointment.booked"))).status())
                .as("front desk").isEqualTo(403);
        Http.Response created = owner.postJson(base + "/webhooks", Map.of("url", hooks(), "events", List.of("appointment.booked",
                "appointment.cancelled", "checkin.escalated", "session.signed")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String endpoint = created.json().get("id").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(owner.get(base + "/webhooks").body()).contains(hooks()).doesNotContain(secret);
        TestClinic other = testClinics.open();
        assertThat(new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD).get(base + "/webhooks").status())
                .isEqualTo(404);

        failuresToGive.set(1);
        String cancelled = book(3);
        webhooks.deliverDue();
        assertThat(received).as("the first attempt got a 500").isEmpty();
        jdbc.sql("update webhook_delivery set next_attempt_at = now() where clinic_id = :c").param("c", clinic.clinic().id()).update();
        webhooks.deliverDue();
        JsonNode booked = only("appointment.booked");
        assertThat(booked.get("data").get("appointmentId").asString()).isEqualTo(cancelled);
        Received first = received.get(0);
        assertThat(WebhookSignature.verify(secret, first.id(), Long.parseLong(first.timestamp()), first.body(), first.signature()))
                .as("signed with the clinic's secret").isTrue();
        JsonNode log = owner.get(base + "/webhooks/" + endpoint + "/deliveries").json().get("deliveries");
        assertThat(log.get(0).get("status").asString()).isEqualTo("delivered");
        assertThat(log.get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(owner.get(base + "/webhooks/" + UUID.randomUUID() + "/deliveries").status()).isEqualTo(404);

        assertThat(desk.postJson(base + "/appointments/" + cancelled + "/cancel", Map.of("reason", "client asked")).status())
                .isEqualTo(200);
        webhooks.deliverDue();
        assertThat(only("appointment.cancelled").get("data").get("appointmentId").asString()).isEqualTo(cancelled);

        String visit = book(40);
        assertThat(desk.postJson(base + "/appointments/" + visit + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic(), visit);
        assertThat(desk.postJson(base + "/appointments/" + visit + "/complete", "").status()).isEqualTo(200);
        Http me = new Http(port).signInForApi(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        Http.Response checkIn = me.postJson(base + "/me/appointments/" + visit + "/check-ins",
                "{\"redness\":3,\"pain\":8,\"warningSigns\":[\"pus\",\"fever\"]}");
        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);
        webhooks.deliverDue();
        assertThat(only("session.signed").get("data").get("appointmentId").asString()).isEqualTo(visit);
        JsonNode escalated = only("checkin.escalated");
        assertThat(escalated.get("data").get("appointmentId").asString()).isEqualTo(visit);
        assertThat(escalated.toString()).as("ids, never health answers").doesNotContain("pus").doesNotContain("fever");
        assertThat(received.stream().map(Received::id).distinct().count()).isEqualTo(received.size());

        Http web = new Http(port);
        web.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        Http.Response page = web.get("/app/clinics/" + clinic.slug() + "/webhooks");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(hooks()).contains("delivered").doesNotContain(secret);
        Http.Response badForm = web.postForm("/app/clinics/" + clinic.slug() + "/webhooks", "/app/clinics/" + clinic.slug() + "/webhooks",
                Map.of("url", "nope"));
        assertThat(badForm.status()).isEqualTo(400);
        assertThat(badForm.body()).contains("choose at least one");
    }
}

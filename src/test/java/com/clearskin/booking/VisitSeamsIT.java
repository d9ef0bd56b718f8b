package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestClinics;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * The seams the visit hangs on: checking in and completing publish events, and completing asks
 * every {@link CompletionCheck} first (a later module's rule, e.g. a signed session), so that
 * booking never imports the modules of the visit.
 */
@IntegrationTest
@Import(VisitSeamsIT.Seams.class)
class VisitSeamsIT {

    @TestConfiguration
    static class Seams {
        final AtomicBoolean refuse = new AtomicBoolean();
        final List<Object> events = new CopyOnWriteArrayList<>();

        @Bean
        CompletionCheck refusingWhenAsked() {
            return (clinic, appointment) -> {
                if (refuse.get()) {
                    throw new RuleRefusedException("session-signed", "The session's record is not signed yet.", null);
                }
            };
        }

        @EventListener
        void checkedIn(AppointmentCheckedIn event) {
            events.add(event);
        }

        @EventListener
        void completed(AppointmentCompleted event) {
            events.add(event);
        }
    }

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    Seams seams;

    TestClinic clinic;
    String base;
    UUID client;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.settings(clinic.clinic(), 15, 0, 365, 24);
        fixtures.openEveryDay(clinic.clinic(), "09:00", "17:00");
        fixtures.practitioner(clinic.clinic(), "Anna", "esthetician", "09:00", "17:00");
        fixtures.room(clinic.clinic(), "Room 1", "facial-bed");
        fixtures.device(clinic.clinic(), "Steamer 1", "steamer");
        fixtures.requirement(clinic.clinic(), BookingApiIT.FACIAL, List.of("facial-bed"), List.of("steamer"), 0, 15);
        client = fixtures.client(clinic.clinic(), "Cora", "Client");
        seams.refuse.set(false);
        seams.events.clear();
    }

    @Test
    void checkInAndCompletionAreAnnouncedAndACompletionCheckCanRefuse() {
        Http desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        String start = LocalDate.now(ZONE).plusDays(5).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments",
                Map.of("clientId", client.toString(), "treatment", BookingApiIT.FACIAL, "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.json().get("id").asString();

        assertThat(desk.postJson(base + "/appointments/" + id + "/check-in", "").status()).isEqualTo(200);
        assertThat(seams.events).singleElement().isInstanceOfSatisfying(AppointmentCheckedIn.class,
                e -> assertThat(e.appointment().id().toString()).isEqualTo(id));

        seams.refuse.set(true);
        Http.Response refused = desk.postJson(base + "/appointments/" + id + "/complete", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("session-signed");
        assertThat(desk.get(base + "/appointments/" + id).json().get("status").asString())
                .as("nothing changed").isEqualTo("checked-in");
        assertThat(seams.events).hasSize(1);

        seams.refuse.set(false);
        Http.Response done = desk.postJson(base + "/appointments/" + id + "/complete", "");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("completed");
        assertThat(seams.events).hasSize(2).last().isInstanceOf(AppointmentCompleted.class);
    }
}

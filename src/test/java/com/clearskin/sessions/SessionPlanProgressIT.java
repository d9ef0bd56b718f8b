package com.clearskin.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.recommendation.PlanProgress;
import com.clearskin.recommendation.TreatmentPlan;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestVisits;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A plan's progress comes from the clinical record: only signed sessions of the step's treatment count. */
@IntegrationTest
class SessionPlanProgressIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    TestVisits visits;
    @Autowired
    PlanProgress progress;

    @Test
    void aSignedSessionOfTheStepsTreatmentCountsOthersDoNot() {
        TestClinic clinic = fixtures.open(ZONE.getId());
        String base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        UUID client = fixtures.client(clinic.clinic(), "Cora", "Client");
        assertThat(progress.of(clinic.clinic(), client, FACIAL)).isEqualTo(TreatmentPlan.Progress.NONE);

        Http desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        String start = LocalDate.now(ZONE).plusDays(5).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments",
                Map.of("clientId", client.toString(), "treatment", FACIAL, "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.json().get("id").asString();
        assertThat(desk.postJson(base + "/appointments/" + id + "/check-in", "").status()).isEqualTo(200);
        assertThat(progress.of(clinic.clinic(), client, FACIAL).sessionsCompleted())
                .as("checked in, no signed record yet").isZero();

        visits.signedSession(clinic.clinic(), id);
        assertThat(progress.of(clinic.clinic(), client, FACIAL).sessionsCompleted()).isEqualTo(1);
        assertThat(progress.of(clinic.clinic(), client, "microneedling").sessionsCompleted()).isZero();
    }
}

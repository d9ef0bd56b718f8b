package com.clearskin.photos;

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

/**
 * A plan's progress comes from the records: only signed sessions of the step's treatment count, and the
 * improvement is measured on the photos taken before the first and after the last of them.
 */
@IntegrationTest
class CourseProgressIT {

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
    void aSignedSessionOfTheStepsTreatmentCountsAndThePhotosMeasureTheCourse() throws Exception {
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

        Http owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        String photos = base + "/clients/" + client + "/photos";
        String before = upload(owner, photos, 0.8, java.time.Instant.now().minusSeconds(86_400).toString());
        measure(owner, photos, before);

        visits.signedSession(clinic.clinic(), id);
        TreatmentPlan.Progress signed = progress.of(clinic.clinic(), client, FACIAL);
        assertThat(signed.sessionsCompleted()).isEqualTo(1);
        assertThat(signed.measuredChangePercent()).as("no measurement after the course yet").isNull();
        assertThat(progress.of(clinic.clinic(), client, "microneedling").sessionsCompleted()).isZero();

        measure(owner, photos, upload(owner, photos, 0.4, null));
        Integer improvement = progress.of(clinic.clinic(), client, FACIAL).measuredChangePercent();
        assertThat(improvement).as("half the pores per mm2 after the course").isBetween(40, 60);
    }

    String upload(Http owner, String photos, double poresPerMm2, String takenAt) throws Exception {
        java.awt.image.BufferedImage img = new com.clearskin.photos.analysis.SyntheticSkin(7, 24, 18, poresPerMm2)
                .render(40, com.clearskin.photos.analysis.SyntheticSkin.Conditions.standard());
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpg", jpeg);
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("view", "close-up", "area", "nose",
                "pxPerMm", "40"));
        if (takenAt != null) {
            fields.put("takenAt", takenAt);
        }
        Http.Response up = owner.postMultipart(photos, fields, "file", jpeg.toByteArray());
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        return up.json().get("id").asString();
    }

    static void measure(Http owner, String photos, String photo) {
        Http.Response measured = owner.postJson(photos + "/" + photo + "/analyses", Map.of());
        assertThat(measured.status()).as(measured.body()).isEqualTo(201);
    }
}

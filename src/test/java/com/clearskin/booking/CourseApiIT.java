package com.clearskin.booking;

import static com.clearskin.booking.ScheduleFixtures.at;
import static com.clearskin.booking.ScheduleFixtures.booking;
import static com.clearskin.support.TestIntakes.healthy;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.TestClinics;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Courses: dates proposed by the course interval and the rules, booked all or none. */
@IntegrationTest
class CourseApiIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixture;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String base;
    LocalDate first;

    @BeforeEach
    void open() {
        clinic = fixture.forBookingRules();
        base = "/api/v1/clinics/" + clinic.slug();
        first = LocalDate.now(clinic.clinic().timeZone()).plusDays(7);
    }

    Http staff;
    @org.springframework.beans.factory.annotation.Autowired
    com.clearskin.support.TestCare care;

    Http staff() {
        if (staff == null) {
            staff = new Http(port).signInForApi(clinic.email(Role.PRACTITIONER), TestClinics.PASSWORD);
        }
        return staff;
    }

    Http.Response propose(UUID client, String treatment, int sessions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client.toString());
        body.put("treatment", treatment);
        body.put("sessions", sessions);
        body.put("firstDate", first.toString());
        return staff().postJson(base + "/courses/proposal", body);
    }

    static List<String> starts(JsonNode proposal) {
        List<String> starts = new ArrayList<>();
        proposal.get("starts").forEach(s -> starts.add(s.asString()));
        return starts;
    }

    @Test
    void aProposalSpacesTheSessionsByTheCourseIntervalAndTheWholeCourseIsBooked() {
        UUID client = fixture.client(clinic, healthy("normal"));
        Http.Response p = propose(client, "microneedling", 3);
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        List<String> starts = starts(p.json());
        assertThat(starts).hasSize(3);
        for (int i = 1; i < starts.size(); i++) {
            long days = ChronoUnit.DAYS.between(OffsetDateTime.parse(starts.get(i - 1)).toLocalDate(),
                    OffsetDateTime.parse(starts.get(i)).toLocalDate());
            assertThat(days).isBetween((long) p.json().get("intervalDaysMin").asInt(),
                    (long) p.json().get("intervalDaysMax").asInt());
            assertThat(days).isEqualTo(28);
        }
        assertThat(OffsetDateTime.parse(starts.get(0)).toLocalDate()).isEqualTo(first);

        Http.Response booked = staff().postJson(base + "/courses",
                Map.of("clientId", client.toString(), "treatment", "microneedling", "starts", starts));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String courseId = booked.json().get("id").asString();
        assertThat(booked.json().get("appointments")).hasSize(3);
        booked.json().get("appointments").forEach(a -> assertThat(a.get("courseId").asString()).isEqualTo(courseId));
        assertThat(count("appointment where course_id is not null and client_id = :client", client)).isEqualTo(3);
    }

    @Test
    void aRetriedCourseBookingWithItsIdempotencyKeyAnswersTheFirstResponseAndBooksOnce() {
        UUID client = fixture.client(clinic, healthy("normal"));
        List<String> starts = starts(propose(client, "microneedling", 2).json());
        Map<String, Object> body = Map.of("clientId", client.toString(), "treatment", "microneedling", "starts", starts);
        Map<String, String> key = Map.of("Idempotency-Key", "course-" + client);
        Http.Response first = staff().postJson(base + "/courses", body, key);
        Http.Response again = staff().postJson(base + "/courses", body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.header("Location")).endsWith("/courses/" + first.json().get("id").asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(count("appointment where course_id is not null and client_id = :client", client)).isEqualTo(2);
    }

    @Test
    void theProposalFollowsTheProfessionalCadenceWhenItIsLongerThanTheCourse() {
        UUID client = fixture.client(clinic, healthy("sensitive"));
        care.assignPractitioner(clinic, client); // the practitioner treats the client: they read the skin type
        Http.Response p = propose(client, "extraction-facial", 2);
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        assertThat(p.json().get("intervalDaysMin").asInt()).isEqualTo(42);
        assertThat(p.json().get("spacing").asString()).contains("professional cadence for sensitive skin");
        Http.Response desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD).postJson(base + "/courses/proposal",
                Map.of("clientId", client.toString(), "treatment", "extraction-facial", "sessions", 2,
                        "firstDate", p.json().get("starts").get(0).asString().substring(0, 10)));
        assertThat(desk.json().get("intervalDaysMin").asInt()).isEqualTo(42);
        assertThat(desk.json().get("spacing").asString()).as("the front desk is not told the skin type")
                .contains("the client's skin type").doesNotContain("sensitive");
        List<String> starts = starts(p.json());
        assertThat(ChronoUnit.DAYS.between(OffsetDateTime.parse(starts.get(0)).toLocalDate(),
                OffsetDateTime.parse(starts.get(1)).toLocalDate())).isEqualTo(42);
    }

    @Test
    void oneSessionTakenMeansNoSessionIsBooked() {
        UUID client = fixture.client(clinic, healthy("normal"));
        List<String> starts = starts(propose(client, "microneedling", 3).json());
        // another client takes the second session's time (the clinic has one practitioner and one room)
        UUID other = fixture.client(clinic, healthy("normal"));
        Http.Response taken = staff().postJson(base + "/appointments", booking(other, "led-therapy", starts.get(1)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);

        Http.Response r = staff().postJson(base + "/courses",
                Map.of("clientId", client.toString(), "treatment", "microneedling", "starts", starts));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).startsWith("Session 2 of 3").contains("No session");
        assertThat(count("appointment where client_id = :client", client)).isZero();
        assertThat(count("booked_course where client_id = :client", client)).isZero();
    }

    @Test
    void aSessionARuleRefusesRefusesTheCourseNamingIt() {
        UUID client = fixture.client(clinic, healthy("normal"));
        List<String> starts = List.of(at(clinic, first), at(clinic, first.plusDays(10)));
        Http.Response r = staff().postJson(base + "/courses",
                Map.of("clientId", client.toString(), "treatment", "microneedling", "starts", starts));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("rule").asString()).isEqualTo("minimum-interval");
        assertThat(r.json().get("allowedFrom").asString()).isEqualTo(first.plusDays(28).toString());
        assertThat(r.json().get("detail").asString()).startsWith("Session 2 of 2");
        assertThat(count("appointment where client_id = :client", client)).isZero();
        assertThat(count("booked_course where client_id = :client", client)).isZero();
    }

    @Test
    void badInputNamesTheField() {
        UUID client = fixture.client(clinic, healthy("normal"));
        Http.Response r = staff().postJson(base + "/courses/proposal",
                Map.of("clientId", client.toString(), "treatment", "microneedling", "sessions", 0,
                        "firstDate", first.toString()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("sessions");
        Http.Response badStart = staff().postJson(base + "/courses",
                Map.of("clientId", client.toString(), "treatment", "microneedling", "starts", List.of("tomorrow")));
        assertThat(badStart.status()).isEqualTo(400);
        assertThat(badStart.body()).contains("starts[0]");
        Http.Response unknown = staff().postJson(base + "/courses/proposal",
                Map.of("clientId", client.toString(), "treatment", "facelift", "sessions", 2,
                        "firstDate", first.toString()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("treatment");
        for (Map.Entry<String, Object> wrong : Map.<String, Object>of("sessions", 2.5, "treatment", Map.of("x", 1),
                "firstDate", List.of("2027-01-01"), "clientId", true).entrySet()) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("clientId", client.toString(), "treatment",
                    "microneedling", "sessions", 2, "firstDate", first.toString()));
            body.put(wrong.getKey(), wrong.getValue());
            Http.Response kind = staff().postJson(base + "/courses/proposal", body);
            assertThat(kind.status()).as(wrong + ": " + kind.body()).isEqualTo(400);
            assertThat(kind.json().get("errors").toString()).as(kind.body()).contains(wrong.getKey());
        }
        Http.Response notAList = staff().postJson(base + "/courses",
                Map.of("clientId", client.toString(), "treatment", "microneedling", "starts", Map.of("a", 1)));
        assertThat(notAList.status()).as(notAList.body()).isEqualTo(400);
        assertThat(notAList.body()).contains("starts");
    }

    int count(String fromWhere, UUID client) {
        return jdbc.sql("select count(*) from " + fromWhere + " and clinic_id = :clinic")
                .param("client", client).param("clinic", clinic.clinic().id()).query(Integer.class).single();
    }
}

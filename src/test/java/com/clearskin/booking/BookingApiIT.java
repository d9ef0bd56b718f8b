package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.NewClosure;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestClinics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Availability and booking through the API, in a New York clinic. */
@IntegrationTest
class BookingApiIT {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String FACIAL = "extraction-facial"; // 60 minutes in the default catalog

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    com.clearskin.support.TestVisits visits;
    @Autowired
    ClinicResources resources;

    TestClinic clinic;
    String base;
    UUID anna;
    UUID room;
    UUID steamer;
    UUID client;
    LocalDate day;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.settings(clinic.clinic(), 15, 0, 365, 24);
        fixtures.openEveryDay(clinic.clinic(), "09:00", "17:00");
        anna = fixtures.practitioner(clinic.clinic(), "Anna", "esthetician", "09:00", "17:00");
        room = fixtures.room(clinic.clinic(), "Room 1", "facial-bed");
        steamer = fixtures.device(clinic.clinic(), "Steamer 1", "steamer");
        fixtures.requirement(clinic.clinic(), FACIAL, List.of("facial-bed"), List.of("steamer"), 0, 15);
        client = fixtures.client(clinic.clinic(), "Cora", "Client");
        day = LocalDate.now(ZONE).plusDays(10);
    }

    Http as(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    static String at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), ZONE).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    Map<String, Object> booking(UUID clientId, String start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId.toString());
        body.put("treatment", FACIAL);
        body.put("start", start);
        return body;
    }

    List<String> starts(Http http, LocalDate from, LocalDate to) {
        Http.Response r = http.get(base + "/availability?treatment=" + FACIAL + "&from=" + from + "&to=" + to);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> starts = new ArrayList<>();
        r.json().get("slots").forEach(s -> starts.add(s.get("start").asString()));
        return starts;
    }

    static String field(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void availabilityOffersGridTimesWithTheClinicsOffsetAndTheResourcesThatAreFree() {
        Http.Response r = as(Role.FRONT_DESK).get(base + "/availability?treatment=" + FACIAL + "&from=" + day
                + "&to=" + day);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode first = r.json().get("slots").get(0);
        assertThat(first.get("start").asString()).isEqualTo(at(day, "09:00"));
        assertThat(first.get("end").asString()).isEqualTo(at(day, "10:00"));
        assertThat(first.get("practitionerId").asString()).isEqualTo(anna.toString());
        assertThat(first.get("roomId").asString()).isEqualTo(room.toString());
        assertThat(first.get("deviceIds").get(0).asString()).isEqualTo(steamer.toString());
        // 60 minutes and 15 of cleaning must end by 17:00: the last start is 15:45
        List<String> starts = starts(as(Role.CLIENT), day, day);
        assertThat(starts).hasSize(28).endsWith(at(day, "15:45"));
        // public, for the booking page
        assertThat(starts(new Http(port), day, day)).hasSize(28);
    }

    @Test
    void bookingTakesTheTimeAndItsBufferAndTheStatusMovesOnlyForward() {
        Http desk = as(Role.FRONT_DESK);
        Http.Response booked = desk.postJson(base + "/appointments", booking(client, at(day, "10:00")));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode a = booked.json();
        String id = a.get("id").asString();
        assertThat(booked.header("Location")).endsWith("/appointments/" + id);
        assertThat(a.get("clientId").asString()).isEqualTo(client.toString());
        assertThat(a.get("treatment").asString()).isEqualTo(FACIAL);
        assertThat(a.get("start").asString()).isEqualTo(at(day, "10:00"));
        assertThat(a.get("end").asString()).isEqualTo(at(day, "11:00"));
        assertThat(a.get("practitionerId").asString()).isEqualTo(anna.toString());
        assertThat(a.get("roomId").asString()).isEqualTo(room.toString());
        assertThat(a.get("deviceIds").get(0).asString()).isEqualTo(steamer.toString());
        assertThat(a.get("status").asString()).isEqualTo("booked");

        List<String> starts = starts(desk, day, day);
        assertThat(starts).doesNotContain(at(day, "09:00"), at(day, "10:00"), at(day, "11:00"))
                .contains(at(day, "11:15"));

        Http.Response list = desk.get(base + "/appointments?from=" + day + "&to=" + day);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("appointments").get(0).get("id").asString()).isEqualTo(id);
        assertThat(desk.get(base + "/appointments/" + id).json().get("roomId").asString()).isEqualTo(room.toString());

        Http staff = as(Role.PRACTITIONER);
        assertThat(staff.postJson(base + "/appointments/" + id + "/complete", "").status()).isEqualTo(409);
        Http.Response in = staff.postJson(base + "/appointments/" + id + "/check-in", "");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(in.json().get("status").asString()).isEqualTo("checked-in");
        assertThat(staff.postJson(base + "/appointments/" + id + "/check-in", "").status()).isEqualTo(409);
        assertThat(staff.postJson(base + "/appointments/" + id + "/cancel", "").status()).isEqualTo(409);
        visits.signedSession(clinic.clinic(), id); // a treatment with a protocol completes once its record is signed
        assertThat(staff.postJson(base + "/appointments/" + id + "/complete", "").json().get("status").asString())
                .isEqualTo("completed");
        assertThat(staff.postJson(base + "/appointments/" + id + "/reschedule", Map.of("start", at(day, "14:00")))
                .status()).isEqualTo(409);
        assertThat(staff.postJson(base + "/appointments/" + id + "/no-show", "").status()).isEqualTo(409);
        // a completed appointment keeps its time
        assertThat(starts(desk, day, day)).doesNotContain(at(day, "10:00"));
    }

    @Test
    void aTakenTimeIsAConflictAndCancellingOrReschedulingGivesItBack() {
        Http desk = as(Role.FRONT_DESK);
        String id = desk.postJson(base + "/appointments", booking(client, at(day, "10:00"))).json().get("id").asString();
        UUID other = fixtures.client(clinic.clinic(), "Otto", "Other");
        Http.Response taken = desk.postJson(base + "/appointments", booking(other, at(day, "10:30")));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("application/problem+json");

        Http.Response moved = desk.postJson(base + "/appointments/" + id + "/reschedule",
                Map.of("start", at(day, "13:00")));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("start").asString()).isEqualTo(at(day, "13:00"));
        assertThat(starts(desk, day, day)).contains(at(day, "10:00")).doesNotContain(at(day, "13:00"));

        Http.Response cancelled = desk.postJson(base + "/appointments/" + id + "/cancel", Map.of("reason", "ill"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(starts(desk, day, day)).contains(at(day, "13:00"));
        assertThat(desk.postJson(base + "/appointments/" + id + "/cancel", "").status()).isEqualTo(409);
        assertThat(desk.postJson(base + "/appointments/" + id + "/check-in", "").status()).isEqualTo(409);
        assertThat(desk.postJson(base + "/appointments", booking(other, at(day, "13:00"))).status()).isEqualTo(201);
        assertThat(fixtures.overlaps(clinic.clinic())).isZero();
    }

    @Test
    void theCleaningBufferBlocksTheDeviceEvenWithAnotherRoomAndPractitionerFree() {
        fixtures.practitioner(clinic.clinic(), "Bea", "esthetician", "09:00", "17:00");
        fixtures.room(clinic.clinic(), "Room 2", "facial-bed");
        Http desk = as(Role.FRONT_DESK);
        assertThat(desk.postJson(base + "/appointments", booking(client, at(day, "10:00"))).status()).isEqualTo(201);
        // the one steamer is cleaned until 11:15
        assertThat(starts(desk, day, day)).doesNotContain(at(day, "09:15"), at(day, "10:00"), at(day, "11:00"))
                .contains(at(day, "11:15"));
    }

    @Test
    void theCleaningBufferBlocksTheRoomEvenWithAnotherDeviceAndPractitionerFree() {
        fixtures.practitioner(clinic.clinic(), "Bea", "esthetician", "09:00", "17:00");
        fixtures.device(clinic.clinic(), "Steamer 2", "steamer");
        Http desk = as(Role.FRONT_DESK);
        assertThat(desk.postJson(base + "/appointments", booking(client, at(day, "10:00"))).status()).isEqualTo(201);
        assertThat(starts(desk, day, day)).doesNotContain(at(day, "11:00")).contains(at(day, "11:15"));
        UUID other = fixtures.client(clinic.clinic(), "Otto", "Other");
        assertThat(desk.postJson(base + "/appointments", booking(other, at(day, "11:00"))).status()).isEqualTo(409);
        assertThat(desk.postJson(base + "/appointments", booking(other, at(day, "11:15"))).status()).isEqualTo(201);
    }

    @Test
    void theMonthViewSaysWhichDaysHaveAFreeStartAndABookingIsSeenAtOnce() {
        Http anyone = new Http(port);
        LocalDate last = day.plusDays(30);
        resources.addClosure(clinic.clinic(), new NewClosure(day.plusDays(2).toString(), day.plusDays(2).toString(),
                "Staff training"));
        Http.Response r = anyone.get(base + "/availability/days?treatment=" + FACIAL + "&from=" + day + "&to=" + last);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("timeZone").asString()).isEqualTo(ZONE.getId());
        JsonNode days = r.json().get("days");
        assertThat(days).hasSize(31);
        Map<String, Integer> perDay = new LinkedHashMap<>();
        starts(anyone, day, last).forEach(s -> perDay.merge(s.substring(0, 10), 1, Integer::sum));
        for (JsonNode d : days) {
            int starts = perDay.getOrDefault(d.get("date").asString(), 0);
            assertThat(d.get("starts").asInt()).as(d.get("date").asString()).isEqualTo(starts);
            assertThat(d.get("free").asBoolean()).isEqualTo(starts > 0);
        }
        assertThat(days.get(0).get("date").asString()).isEqualTo(day.toString());
        assertThat(days.get(0).get("starts").asInt()).isEqualTo(28);
        assertThat(days.get(2).get("free").asBoolean()).isFalse();

        // the same answer twice (kept with its JSON), then a booking: both answers see it at once
        String one = anyone.get(base + "/availability?treatment=" + FACIAL + "&from=" + day + "&to=" + day).body();
        assertThat(anyone.get(base + "/availability?treatment=" + FACIAL + "&from=" + day + "&to=" + day).body())
                .isEqualTo(one);
        Http desk = as(Role.FRONT_DESK);
        assertThat(desk.postJson(base + "/appointments", booking(client, at(day, "09:00"))).status()).isEqualTo(201);
        assertThat(starts(anyone, day, day)).hasSize(23).doesNotContain(at(day, "09:00"));
        assertThat(anyone.get(base + "/availability/days?treatment=" + FACIAL + "&from=" + day + "&to=" + day).json()
                .get("days").get(0).get("starts").asInt()).isEqualTo(23);
        assertThat(field(anyone.get(base + "/availability/days?treatment=" + FACIAL + "&from=" + day + "&to="
                + day.plusDays(92)))).isEqualTo("to");
        assertThat(field(anyone.get(base + "/availability/days?from=" + day))).isEqualTo("treatment");
    }

    @Test
    void badAvailabilityRequestsNameTheParameter() {
        Http desk = as(Role.FRONT_DESK);
        String a = base + "/availability?treatment=";
        assertThat(field(desk.get(a + FACIAL + "&from=" + day + "&to=" + day.plusDays(92)))).isEqualTo("to");
        assertThat(desk.get(a + FACIAL + "&from=" + day + "&to=" + day.plusDays(91)).status()).isEqualTo(200);
        assertThat(field(desk.get(a + FACIAL + "&from=" + day + "&to=" + day.minusDays(1)))).isEqualTo("to");
        assertThat(field(desk.get(a + "no-such-thing&from=" + day + "&to=" + day))).isEqualTo("treatment");
        // not booked at a clinic: the at-home session
        assertThat(field(desk.get(a + "home-deep-pore-cleansing&from=" + day + "&to=" + day))).isEqualTo("treatment");
        assertThat(field(desk.get(base + "/availability?from=" + day + "&to=" + day))).isEqualTo("treatment");
        assertThat(field(desk.get(a + FACIAL + "&from=2026-13-01&to=" + day))).isEqualTo("from");
        assertThat(field(desk.get(a + FACIAL + "&from=" + day + "&to=tomorrow"))).isEqualTo("to");
        assertThat(field(desk.get(a + FACIAL + "&from=" + day + "&to=" + day + "&practitioner=" + UUID.randomUUID())))
                .isEqualTo("practitioner");
        assertThat(field(desk.get(a + FACIAL + "&from=" + day + "&to=" + day + "&practitioner=abc")))
                .isEqualTo("practitioner");
        assertThat(desk.get(a + FACIAL + "&from=" + day + "&to=" + day + "&practitioner=" + anna).status())
                .isEqualTo(200);
        assertThat(new Http(port).get("/api/v1/clinics/no-such-clinic/availability?treatment=" + FACIAL).status())
                .isEqualTo(404);
    }

    @Test
    void badBookingsNameTheFieldAndWriteNothing() {
        Http desk = as(Role.FRONT_DESK);
        String path = base + "/appointments";
        assertThat(field(desk.postJson(path, booking(client, at(day, "10:07"))))).isEqualTo("start");
        assertThat(field(desk.postJson(path, booking(client, at(LocalDate.now(ZONE).minusDays(2), "10:00")))))
                .isEqualTo("start");
        assertThat(field(desk.postJson(path, booking(client, "next tuesday")))).isEqualTo("start");
        assertThat(field(desk.postJson(path, booking(client, day + "T10:00:00")))).isEqualTo("start");
        assertThat(field(desk.postJson(path, booking(UUID.randomUUID(), at(day, "10:00"))))).isEqualTo("clientId");
        Map<String, Object> malformedClient = booking(client, at(day, "10:00"));
        malformedClient.put("clientId", "42");
        assertThat(field(desk.postJson(path, malformedClient))).isEqualTo("clientId");
        Map<String, Object> unknownTreatment = booking(client, at(day, "10:00"));
        unknownTreatment.put("treatment", "no-such-thing");
        assertThat(field(desk.postJson(path, unknownTreatment))).isEqualTo("treatment");
        Map<String, Object> unknownPractitioner = booking(client, at(day, "10:00"));
        unknownPractitioner.put("practitionerId", UUID.randomUUID().toString());
        assertThat(field(desk.postJson(path, unknownPractitioner))).isEqualTo("practitionerId");
        assertThat(field(desk.postJson(path, "{not json"))).isEqualTo("body");
        assertThat(field(desk.postJson(path, Map.of("treatment", FACIAL)))).isEqualTo("clientId");
        assertThat(fixtures.activeAppointments(clinic.clinic())).isZero();
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherRequest() {
        Http desk = as(Role.FRONT_DESK);
        String path = base + "/appointments";
        Map<String, String> key = Map.of("Idempotency-Key", "book-" + UUID.randomUUID());
        Http.Response first = desk.postJson(path, booking(client, at(day, "10:00")), key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Http.Response again = desk.postJson(path, booking(client, at(day, "10:00")), key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(fixtures.activeAppointments(clinic.clinic())).isEqualTo(1);

        Http.Response other = desk.postJson(path, booking(client, at(day, "14:00")), key);
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.json().get("detail").asString()).contains("Idempotency-Key");
        // without the key the same request is a new booking, which the taken time refuses
        assertThat(desk.postJson(path, booking(client, at(day, "10:00"))).status()).isEqualTo(409);

        // a refused request keeps no key: its retry runs again
        Map<String, String> key2 = Map.of("Idempotency-Key", "cancel-" + UUID.randomUUID());
        String id = first.json().get("id").asString();
        Http.Response cancel = desk.postJson(base + "/appointments/" + id + "/cancel", "", key2);
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(desk.postJson(base + "/appointments/" + id + "/cancel", "", key2).body()).isEqualTo(cancel.body());
        assertThat(field(desk.postJson(path, booking(client, at(day, "10:00")), Map.of("Idempotency-Key", ""))))
                .isEqualTo("Idempotency-Key");
    }

    @Test
    void aClientBooksAndSeesOnlyTheirOwnAndCancelsOnlyBeforeTheNotice() {
        UUID own = fixtures.clientFor(clinic.clinic(), clinic.email(Role.CLIENT));
        Http me = as(Role.CLIENT);
        String path = base + "/appointments";
        assertThat(me.postJson(path, booking(client, at(day, "10:00"))).status()).isEqualTo(403);
        Http.Response mine = me.postJson(path, booking(own, at(day, "10:00")));
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        String id = mine.json().get("id").asString();
        String theirs = as(Role.FRONT_DESK).postJson(path, booking(client, at(day, "12:00"))).json().get("id").asString();

        Http.Response list = me.get(path + "?from=" + day + "&to=" + day);
        assertThat(list.json().get("count").asInt()).isEqualTo(1);
        assertThat(me.get(path + "/" + theirs).status()).isEqualTo(404);
        assertThat(me.postJson(path + "/" + theirs + "/cancel", "").status()).isEqualTo(404);
        assertThat(me.postJson(path + "/" + id + "/check-in", "").status()).isEqualTo(403);

        fixtures.settings(clinic.clinic(), 15, 0, 365, 24 * 30); // 30 days' notice: too late to cancel
        Http.Response late = me.postJson(path + "/" + id + "/cancel", "");
        assertThat(late.status()).as(late.body()).isEqualTo(422);
        assertThat(late.json().get("rule").asString()).isEqualTo("cancellation-notice");
        // staff may
        assertThat(as(Role.FRONT_DESK).postJson(path + "/" + id + "/cancel", "").status()).isEqualTo(200);
    }

    @Test
    void anotherClinicsAppointmentIsNotFound() {
        Http desk = as(Role.FRONT_DESK);
        String id = desk.postJson(base + "/appointments", booking(client, at(day, "10:00"))).json().get("id").asString();
        TestClinic other = fixtures.open("Europe/London");
        Http stranger = new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD);
        String otherBase = "/api/v1/clinics/" + other.slug() + "/appointments/";
        assertThat(stranger.get(otherBase + id).status()).isEqualTo(404);
        assertThat(stranger.postJson(otherBase + id + "/cancel", "").status()).isEqualTo(404);
        assertThat(stranger.get(base + "/appointments/" + id).status()).isEqualTo(404);
        assertThat(stranger.postJson(base + "/appointments", booking(client, at(day, "12:00"))).status())
                .isEqualTo(404);
    }

    @Test
    void aNoShowOnlyOnceTheStartHasPassed() {
        Http desk = as(Role.FRONT_DESK);
        String future = desk.postJson(base + "/appointments", booking(client, at(day, "10:00"))).json().get("id")
                .asString();
        assertThat(desk.postJson(base + "/appointments/" + future + "/no-show", "").status()).isEqualTo(409);
        Instant start = Instant.now().minus(Duration.ofHours(3));
        UUID past = fixtures.appointment(clinic.clinic(), client, FACIAL, anna, room, start,
                start.plus(Duration.ofHours(1)));
        Http.Response noShow = desk.postJson(base + "/appointments/" + past + "/no-show", "");
        assertThat(noShow.status()).as(noShow.body()).isEqualTo(200);
        assertThat(noShow.json().get("status").asString()).isEqualTo("no-show");
    }
}

package com.clearskin.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.accounts.Role;
import com.clearskin.clients.Client;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The waitlist end to end: a cancelled appointment's time is offered to the first in line; declined
 * or lapsed, it passes to the second; accepting books it; a time taken meanwhile answers 409 and the
 * offer moves on; another clinic's ids are not found.
 */
@IntegrationTest
class WaitlistApiIT {

    static final String TREATMENT = "extraction-facial"; // 60 minutes, an esthetician's

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    ScheduleFixtures schedule;
    @Autowired
    Waitlist waitlist;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    Http staff;
    String base;
    LocalDate day;
    Client booked;
    Client first;
    Client second;
    UUID practitioner;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        schedule.simpleEveryDay(clinic.clinic(), 120, TREATMENT);
        practitioner = schedule.practitioner(clinic.clinic(), "Ada Esthetician", "esthetician", null);
        schedule.room(clinic.clinic(), "Room 1");
        booked = schedule.clientRecord(clinic.clinic(), "Xena", "Booked");
        first = schedule.clientRecord(clinic.clinic(), "Yara", "First");
        second = schedule.clientRecord(clinic.clinic(), "Zoe", "Second");
        staff = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        base = "/api/v1/clinics/" + clinic.slug();
        day = LocalDate.now(clinic.clinic().timeZone()).plusDays(3);
    }

    String at(String localTime) {
        return ZonedDateTime.of(day, java.time.LocalTime.parse(localTime), clinic.clinic().timeZone())
                .toOffsetDateTime().toString();
    }

    String book(Client client, String localTime) {
        Http.Response r = staff.postJson(base + "/appointments",
                Map.of("clientId", client.id().toString(), "treatment", TREATMENT, "start", at(localTime)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    String join(Client client) {
        Http.Response r = staff.postJson(base + "/waitlist", Map.of("clientId", client.id().toString(),
                "treatment", TREATMENT, "from", day.minusDays(1).toString(), "to", day.plusDays(1).toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("waiting");
        return r.json().get("id").asString();
    }

    void cancel(String appointment) {
        Http.Response r = staff.postJson(base + "/appointments/" + appointment + "/cancel", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    JsonNode entry(String id) {
        Http.Response r = staff.get(base + "/waitlist/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static Instant offeredStart(JsonNode entry) {
        return OffsetDateTime.parse(entry.get("offer").get("start").asString()).toInstant();
    }

    /** Xena's 10:00 is booked; Yara, then Zoe join; Xena cancels. */
    String[] cancelledWithTwoInLine() {
        String appointment = book(booked, "10:00");
        String y = join(first);
        String z = join(second);
        assertThat(entry(y).get("offer").isNull()).isTrue();
        cancel(appointment);
        return new String[] {y, z};
    }

    @Test
    void aCancelledTimeIsOfferedToTheFirstInLine() {
        String[] line = cancelledWithTwoInLine();
        JsonNode y = entry(line[0]);
        assertThat(y.get("status").asString()).isEqualTo("offered");
        assertThat(offeredStart(y)).isEqualTo(OffsetDateTime.parse(at("10:00")).toInstant());
        assertThat(y.get("offer").get("practitionerId").asString()).isEqualTo(practitioner.toString());
        Instant expires = OffsetDateTime.parse(y.get("offer").get("expiresAt").asString()).toInstant();
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofMinutes(115)), Instant.now().plus(Duration.ofMinutes(121)));
        assertThat(entry(line[1]).get("status").asString()).isEqualTo("waiting");
        assertThat(waitlist.offersFor(clinic.clinic(), first.id())).singleElement()
                .satisfies(e -> assertThat(e.id()).hasToString(line[0]));
        assertThat(waitlist.offersFor(clinic.clinic(), second.id())).isEmpty();
    }

    @Test
    void aDeclinedOfferPassesToTheSecondInLine() {
        String[] line = cancelledWithTwoInLine();
        Http.Response declined = staff.postJson(base + "/waitlist/" + line[0] + "/decline", Map.of());
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("status").asString()).isEqualTo("waiting");
        JsonNode z = entry(line[1]);
        assertThat(z.get("status").asString()).isEqualTo("offered");
        assertThat(offeredStart(z)).isEqualTo(OffsetDateTime.parse(at("10:00")).toInstant());
        // The first keeps their place but is not offered the same time again; declining twice is refused.
        assertThat(staff.postJson(base + "/waitlist/" + line[0] + "/decline", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aLapsedOfferPassesToTheSecondInLine() {
        String[] line = cancelledWithTwoInLine();
        assertThat(waitlist.expireDue(Instant.now())).isZero();
        assertThat(entry(line[0]).get("status").asString()).isEqualTo("offered");

        Instant later = Instant.now().plus(Duration.ofHours(3));
        assertThat(waitlist.expireDue(later)).isGreaterThanOrEqualTo(1);
        assertThat(entry(line[0]).get("status").asString()).isEqualTo("waiting");
        JsonNode z = entry(line[1]);
        assertThat(z.get("status").asString()).isEqualTo("offered");
        assertThat(OffsetDateTime.parse(z.get("offer").get("expiresAt").asString()).toInstant())
                .isEqualTo(later.plus(Duration.ofMinutes(120)).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        String outcome = jdbc.sql("select outcome from waitlist_offer where entry_id = :e")
                .param("e", UUID.fromString(line[0])).query(String.class).single();
        assertThat(outcome).isEqualTo("lapsed");
        // A lapsed offer cannot be accepted any more.
        assertThat(staff.postJson(base + "/waitlist/" + line[0] + "/accept", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void twoInstancesRunningTheJobLapseEachOfferOnce() throws Exception {
        Client third = schedule.clientRecord(clinic.clinic(), "Walter", "Third");
        // three clients' appointments (one client's three facials in a day would break the cadence rule)
        List<String> appointments = List.of(book(booked, "10:00"),
                book(schedule.clientRecord(clinic.clinic(), "Bea", "Booked"), "12:00"),
                book(schedule.clientRecord(clinic.clinic(), "Cal", "Booked"), "14:00"));
        List<String> entries = List.of(join(first), join(second), join(third));
        appointments.forEach(this::cancel);
        assertThat(entries).allSatisfy(e -> assertThat(entry(e).get("status").asString()).isEqualTo("offered"));

        Instant later = Instant.now().plus(Duration.ofHours(3));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> runs = List.of(
                    pool.submit(() -> {
                        start.await();
                        return waitlist.expireDue(later);
                    }),
                    pool.submit(() -> {
                        start.await();
                        return waitlist.expireDue(later);
                    }));
            int lapsed = runs.get(0).get() + runs.get(1).get();
            assertThat(lapsed).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        int lapsedRows = jdbc.sql("select count(*) from waitlist_offer where clinic_id = :c and outcome = 'lapsed'")
                .param("c", clinic.clinic().id()).query(Integer.class).single();
        assertThat(lapsedRows).isEqualTo(3);
        int live = jdbc.sql("select count(*) from waitlist_entry where clinic_id = :c and status = 'offered'")
                .param("c", clinic.clinic().id()).query(Integer.class).single();
        int openings = jdbc.sql("select count(distinct opening_id) from waitlist_entry where clinic_id = :c "
                + "and status = 'offered'").param("c", clinic.clinic().id()).query(Integer.class).single();
        assertThat(live).isEqualTo(openings).isBetween(1, 3); // one live offer per opening at most
    }

    @Test
    void acceptingBooksTheOfferedTime() {
        String[] line = cancelledWithTwoInLine();
        Http.Response r = staff.postJson(base + "/waitlist/" + line[0] + "/accept", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("entry").get("status").asString()).isEqualTo("booked");
        String appointment = r.json().get("appointment").get("id").asString();
        assertThat(r.json().get("entry").get("appointmentId").asString()).isEqualTo(appointment);
        JsonNode a = staff.get(base + "/appointments/" + appointment).json();
        assertThat(a.get("clientId").asString()).isEqualTo(first.id().toString());
        assertThat(OffsetDateTime.parse(a.get("start").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse(at("10:00")).toInstant());
        assertThat(a.get("status").asString()).isEqualTo("booked");
        assertThat(entry(line[1]).get("status").asString()).isEqualTo("waiting");
        // Accepting again is refused: the entry is booked.
        assertThat(staff.postJson(base + "/waitlist/" + line[0] + "/accept", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aTimeTakenMeanwhileAnswers409AndTheOfferMovesOn() {
        String[] line = cancelledWithTwoInLine();
        // Someone books 10:30 directly: the offered 10:00-11:00 is gone, 09:30-10:30 (freed by the cancellation) is not.
        Client walkIn = schedule.clientRecord(clinic.clinic(), "Walter", "Walkin");
        book(walkIn, "10:30");
        Http.Response r = staff.postJson(base + "/waitlist/" + line[0] + "/accept", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("next in line");
        assertThat(entry(line[0]).get("status").asString()).isEqualTo("waiting");
        JsonNode z = entry(line[1]);
        assertThat(z.get("status").asString()).isEqualTo("offered");
        assertThat(offeredStart(z)).isEqualTo(OffsetDateTime.parse(at("09:30")).toInstant());
        int active = jdbc.sql("select count(*) from appointment where clinic_id = :c and status = 'booked'")
                .param("c", clinic.clinic().id()).query(Integer.class).single();
        assertThat(active).isEqualTo(1); // only the walk-in: nothing half-written
    }

    @Test
    void cancellingAnEntryWithAnOfferPassesItOn() {
        String[] line = cancelledWithTwoInLine();
        Http.Response r = staff.delete(base + "/waitlist/" + line[0]);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(entry(line[1]).get("status").asString()).isEqualTo("offered");
        assertThat(staff.delete(base + "/waitlist/" + line[0]).status()).isEqualTo(409);
    }

    @Test
    void anEntryForAnotherPractitionerIsPassedOver() {
        UUID other = schedule.practitioner(clinic.clinic(), "Bea Other", "esthetician", null);
        schedule.room(clinic.clinic(), "Room 2");
        String appointment = book(booked, "10:00");
        // Bea is busy at 10:00 too, so the only time freed at 10:00 is Ada's.
        Client busy = schedule.clientRecord(clinic.clinic(), "Bo", "Busy");
        Http.Response b = staff.postJson(base + "/appointments", Map.of("clientId", busy.id().toString(),
                "treatment", TREATMENT, "start", at("10:00"), "practitionerId", other.toString()));
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        Http.Response wantsBea = staff.postJson(base + "/waitlist", Map.of("clientId", first.id().toString(),
                "treatment", TREATMENT, "from", day.toString(), "to", day.toString(), "practitionerId", other.toString()));
        assertThat(wantsBea.status()).as(wantsBea.body()).isEqualTo(201);
        String z = join(second);
        cancel(appointment);
        assertThat(entry(wantsBea.json().get("id").asString()).get("status").asString()).isEqualTo("waiting");
        assertThat(entry(z).get("status").asString()).isEqualTo("offered");
    }

    @Test
    void nobodyIsOfferedATimeOutsideTheirWindowOrForAnotherTreatment() {
        String appointment = book(booked, "10:00");
        Http.Response later = staff.postJson(base + "/waitlist", Map.of("clientId", first.id().toString(),
                "treatment", TREATMENT, "from", day.plusDays(1).toString(), "to", day.plusDays(5).toString()));
        assertThat(later.status()).isEqualTo(201);
        cancel(appointment);
        assertThat(entry(later.json().get("id").asString()).get("status").asString()).isEqualTo("waiting");
    }

    @Test
    void aClientManagesOnlyTheirOwnEntries() {
        schedule.link(clinic.clinic(), first.id(), clinic.email(Role.CLIENT));
        Http client = new Http(port).signInForApi(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        Http.Response own = client.postJson(base + "/waitlist", Map.of("treatment", TREATMENT,
                "from", day.toString(), "to", day.plusDays(2).toString()));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("clientId").asString()).isEqualTo(first.id().toString());
        Http.Response forOther = client.postJson(base + "/waitlist", Map.of("clientId", second.id().toString(),
                "treatment", TREATMENT, "from", day.toString(), "to", day.plusDays(2).toString()));
        assertThat(forOther.status()).isEqualTo(403);

        String others = join(second);
        assertThat(client.get(base + "/waitlist/" + others).status()).isEqualTo(404);
        assertThat(client.delete(base + "/waitlist/" + others).status()).isEqualTo(404);
        assertThat(client.postJson(base + "/waitlist/" + others + "/accept", Map.of()).status()).isEqualTo(404);
        JsonNode list = client.get(base + "/waitlist").json();
        assertThat(list.get("count").asInt()).isEqualTo(1);
        assertThat(list.get("entries").get(0).get("id").asString()).isEqualTo(own.json().get("id").asString());
        assertThat(staff.get(base + "/waitlist").json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void aClientAcceptsTheirOwnOffer() {
        schedule.link(clinic.clinic(), first.id(), clinic.email(Role.CLIENT));
        String[] line = cancelledWithTwoInLine();
        Http client = new Http(port).signInForApi(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        Http.Response r = client.postJson(base + "/waitlist/" + line[0] + "/accept", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("appointment").get("status").asString()).isEqualTo("booked");
    }

    @Test
    void anotherClinicsIdsAreNotFound() {
        String[] line = cancelledWithTwoInLine();
        TestClinic other = testClinics.open();
        Http outsider = new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD);
        String otherBase = "/api/v1/clinics/" + other.slug() + "/waitlist/";
        assertThat(outsider.get(otherBase + line[0]).status()).isEqualTo(404);
        assertThat(outsider.postJson(otherBase + line[0] + "/accept", Map.of()).status()).isEqualTo(404);
        assertThat(outsider.postJson(otherBase + line[0] + "/decline", Map.of()).status()).isEqualTo(404);
        assertThat(outsider.delete(otherBase + line[0]).status()).isEqualTo(404);
        assertThat(outsider.get(base + "/waitlist").status()).isEqualTo(404);
        assertThat(outsider.get(otherBase + "not-an-id").status()).isEqualTo(404);
        Http.Response join = outsider.postJson("/api/v1/clinics/" + other.slug() + "/waitlist", Map.of(
                "clientId", first.id().toString(), "treatment", TREATMENT, "from", day.toString(), "to", day.toString()));
        assertThat(join.status()).isEqualTo(400);
        assertThat(join.body()).contains("clientId");
        assertThat(entry(line[0]).get("status").asString()).isEqualTo("offered");
    }

    @Test
    void badInputNamesTheField() {
        Map<String, Object> body = new HashMap<>(Map.of("clientId", first.id().toString(), "treatment", TREATMENT,
                "from", day.toString(), "to", day.minusDays(1).toString()));
        Http.Response r = staff.postJson(base + "/waitlist", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        body.put("to", day.toString());
        body.put("treatment", "no-such-treatment");
        assertThat(staff.postJson(base + "/waitlist", body).body()).contains("\"treatment\"");
        body.put("treatment", TREATMENT);
        body.put("practitionerId", UUID.randomUUID().toString());
        assertThat(staff.postJson(base + "/waitlist", body).body()).contains("\"practitionerId\"");
        assertThat(staff.postJson(base + "/waitlist", "{not json").status()).isEqualTo(400);
        assertThat(staff.postJson(base + "/waitlist", List.of()).status()).isEqualTo(400);
        body.remove("practitionerId");
        assertThat(staff.postJson(base + "/waitlist", body).status()).isEqualTo(201);
        assertThat(staff.postJson(base + "/waitlist", body).status()).isEqualTo(409);
    }
}

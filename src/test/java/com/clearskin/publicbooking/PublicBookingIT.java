package com.clearskin.publicbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.Appointments;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new client books on the public API: the hold takes the time, the emailed link books it, an
 * unconfirmed hold frees itself, two holds racing for one time give one, the same email finds the
 * same client, and every refusal names its field or rule in plain words.
 */
@IntegrationTest
class PublicBookingIT {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final String FACIAL = "extraction-facial";
    static final Pattern LINK = Pattern.compile("/public-bookings/(pb_[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Appointments appointments;

    TestClinic clinic;
    String base;
    LocalDate day;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        day = LocalDate.now(ZONE).plusDays(7);
    }

    static String at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), ZONE).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static Map<String, Object> booking(String treatment, String start, String email) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("firstName", "Nina");
        client.put("lastName", "New");
        client.put("email", email);
        client.put("phone", "+1 (555) 010-0199");
        client.put("dateOfBirth", "1990-04-21");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("treatment", treatment);
        body.put("start", start);
        body.put("client", client);
        body.put("acceptPolicy", true);
        return body;
    }

    Http anonymous() {
        return new Http(port);
    }

    List<String> starts(LocalDate on) {
        Http.Response r = anonymous().get(base + "/availability?treatment=" + FACIAL + "&from=" + on + "&to=" + on);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> starts = new ArrayList<>();
        r.json().get("slots").forEach(s -> starts.add(s.get("start").asString()));
        return starts;
    }

    String tokenMailedTo(String email) {
        String body = jdbc.sql("""
                select body from outbox_message where recipient = :email and kind = 'public-booking-confirm'
                order by created_at desc limit 1""").param("email", email).query(String.class).single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    String appointmentStatus(UUID publicBooking) {
        return jdbc.sql("""
                select a.status from appointment a join public_booking p
                  on p.clinic_id = a.clinic_id and p.appointment_id = a.id where p.id = :id""")
                .param("id", publicBooking).query(String.class).single();
    }

    static String email() {
        return "nina-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void aHoldTakesTheTimeShowsOnTheCalendarAndTheEmailedLinkBooksIt() {
        String start = at(day, "10:00");
        assertThat(starts(day)).contains(start);
        String email = email();
        Http.Response held = anonymous().postJson(base + "/public-bookings", booking(FACIAL, start, email));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("status").asString()).isEqualTo("held");
        UUID id = UUID.fromString(held.json().get("id").asString());
        assertThat(held.json().get("holdExpiresAt").asString()).isNotBlank();
        assertThat(starts(day)).doesNotContain(start);

        Http staff = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        Http.Response calendar = staff.get(base + "/appointments?from=" + day + "&to=" + day);
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(200);
        assertThat(calendar.body()).contains("\"status\":\"held\"");

        String token = tokenMailedTo(email);
        Http.Response confirmed = anonymous().postJson("/api/v1/public-bookings/" + token + "/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("booked");
        assertThat(appointmentStatus(id)).isEqualTo("booked");
        assertThat(starts(day)).doesNotContain(start);
        Http.Response again = anonymous().postJson("/api/v1/public-bookings/" + token + "/confirm", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("booked");
        assertThat(anonymous().postJson("/api/v1/public-bookings/pb_unknown/confirm", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void anUnconfirmedHoldFreesItsTimeWhenItEndsOnEveryPathAndCannotBeConfirmedThen() throws InterruptedException {
        String start = at(day, "11:00");
        String email = email();
        Http.Response held = anonymous().postJson(base + "/public-bookings", booking(FACIAL, start, email));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        UUID id = UUID.fromString(held.json().get("id").asString());
        assertThat(starts(day)).doesNotContain(start);
        // the hold ends (as 30 minutes would): nothing has cleaned it up yet
        jdbc.sql("update appointment set hold_expires_at = now() - interval '1 minute' where id = "
                + "(select appointment_id from public_booking where id = :id)").param("id", id).update();
        jdbc.sql("update public_booking set hold_expires_at = now() - interval '1 minute' where id = :id")
                .param("id", id).update();
        // availability answers are remembered for a second on each instance: the freed time shows within it
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!starts(day).contains(start) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(starts(day)).as("availability reads the hold's end").contains(start);
        assertThat(anonymous().get("/api/v1/public-bookings/" + tokenMailedTo(email)).json().get("status").asString())
                .isEqualTo("expired");

        // another client books the time: the ended hold gives way in the same transaction
        String other = email();
        Http.Response second = anonymous().postJson(base + "/public-bookings", booking(FACIAL, start, other));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(appointmentStatus(id)).isEqualTo("expired");
        Http.Response late = anonymous().postJson("/api/v1/public-bookings/" + tokenMailedTo(email) + "/confirm",
                Map.of());
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("given back");
    }

    @Test
    void theReleaseJobMarksEndedHoldsExpired() {
        String email = email();
        Http.Response held = anonymous().postJson(base + "/public-bookings", booking(FACIAL, at(day, "13:00"), email));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        UUID id = UUID.fromString(held.json().get("id").asString());
        jdbc.sql("update appointment set hold_expires_at = now() - interval '1 minute' where id = "
                + "(select appointment_id from public_booking where id = :id)").param("id", id).update();
        while (appointments.releaseExpiredHolds(200) == 200) {
            // more than one batch of ended holds in the database
        }
        assertThat(appointmentStatus(id)).isEqualTo("expired");
    }

    @Test
    void twoHoldsRacingForOneTimeGiveOne() throws Exception {
        String start = at(day, "14:00");
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String email = email();
            answers.add(pool.submit(() -> {
                go.await();
                return anonymous().postJson(base + "/public-bookings", booking(FACIAL, start, email)).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(jdbc.sql("""
                select count(*) from appointment where clinic_id = :clinic and status in ('held', 'booked')""")
                .param("clinic", clinic.clinic().id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSameEmailFindsTheSameClientAndHoldsAtMostTwoUnconfirmed() {
        String email = email();
        assertThat(anonymous().postJson(base + "/public-bookings", booking(FACIAL, at(day, "09:00"), email)).status())
                .isEqualTo(201);
        Map<String, Object> second = booking(FACIAL, at(day.plusDays(40), "09:00"), email.toUpperCase());
        assertThat(anonymous().postJson(base + "/public-bookings", second).status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from client where clinic_id = :clinic and lower(email) = :email")
                .param("clinic", clinic.clinic().id()).param("email", email).query(Integer.class).single())
                .isEqualTo(1);
        Http.Response third = anonymous().postJson(base + "/public-bookings",
                booking(FACIAL, at(day.plusDays(80), "09:00"), email));
        assertThat(third.status()).as(third.body()).isEqualTo(422);
        assertThat(third.json().get("rule").asString()).isEqualTo("hold-limit");
    }

    @Test
    void aClientWhoKeepsARecordAtTheClinicIsFoundAndNotOverwritten() {
        String email = email();
        UUID existing = fixtures.client(clinic.clinic(), "Olga", "Older");
        jdbc.sql("update client set email = :email where id = :id").param("email", email).param("id", existing).update();
        Http.Response held = anonymous().postJson(base + "/public-bookings", booking(FACIAL, at(day, "15:00"), email));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(jdbc.sql("select client_id from public_booking where id = :id")
                .param("id", UUID.fromString(held.json().get("id").asString())).query(UUID.class).single())
                .isEqualTo(existing);
        assertThat(jdbc.sql("select first_name from client where id = :id").param("id", existing)
                .query(String.class).single()).isEqualTo("Olga");
    }

    @Test
    void anEmailWithAnAccountIsAskedToSignIn() {
        Http.Response r = anonymous().postJson(base + "/public-bookings",
                booking(FACIAL, at(day, "16:00"), clinic.email(Role.CLIENT)));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("rule").asString()).isEqualTo("sign-in-required");
        assertThat(r.json().get("detail").asString()).contains("sign in");
    }

    @Test
    void refusalsNameTheFieldInSentencesAndSayWhenTheClinicIsClosed() {
        Map<String, Object> noTime = booking(FACIAL, null, email());
        noTime.remove("start");
        noTime.put("acceptPolicy", false);
        Http.Response r = anonymous().postJson(base + "/public-bookings", noTime);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"start\"").contains("Please choose a time.").contains("acceptPolicy");

        Map<String, Object> bot = booking(FACIAL, at(day, "10:30"), email());
        bot.put("website", "http://spam.example");
        Http.Response trap = anonymous().postJson(base + "/public-bookings", bot);
        assertThat(trap.status()).isEqualTo(400);
        assertThat(trap.body()).contains("website");

        Http.Response closed = anonymous().postJson(base + "/public-bookings", booking(FACIAL, at(day, "18:00"), email()));
        assertThat(closed.status()).as(closed.body()).isEqualTo(400);
        assertThat(closed.body()).contains("outside the clinic's opening hours").doesNotContain("just taken");
        assertThat(jdbc.sql("select count(*) from public_booking where clinic_id = :clinic")
                .param("clinic", clinic.clinic().id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aTreatmentRuleRefusesInPlainWordsAndACautionIsNotedForThePractitioner() {
        fixtures.practitioner(clinic.clinic(), "Nora", "physician", "09:00", "17:00");
        fixtures.requirement(clinic.clinic(), "microneedling", List.of("facial-bed"), List.of(), 0, 0);
        Map<String, Object> young = booking("microneedling", at(day, "10:00"), email());
        @SuppressWarnings("unchecked")
        Map<String, Object> client = (Map<String, Object>) young.get("client");
        client.put("dateOfBirth", LocalDate.now(ZONE).minusYears(19).toString());
        young.put("assessment", Map.of("skinType", "normal", "pregnantOrBreastfeeding", false));
        Http.Response r = anonymous().postJson(base + "/public-bookings", young);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("rule").asString()).isEqualTo("minimum-age");
        assertThat(r.json().get("detail").asString()).doesNotContain("(rule");

        // without an intake the booking is held, and the missing intake is noted for the practitioner
        Http.Response noIntake = anonymous().postJson(base + "/public-bookings", booking(FACIAL, at(day, "12:00"), email()));
        assertThat(noIntake.status()).as(noIntake.body()).isEqualTo(201);
        assertThat(jdbc.sql("select cautions from public_booking where id = :id")
                .param("id", UUID.fromString(noIntake.json().get("id").asString())).query(String.class).single())
                .contains("no skin assessment");
    }
}

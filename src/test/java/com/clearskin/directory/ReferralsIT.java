package com.clearskin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Referrals: a client's own link, a public booking through it (the link's cookie, or ?ref= on the
 * API) attributed once, counted when confirmed; no attribution without a link, and none for
 * another clinic's link.
 */
@IntegrationTest
class ReferralsIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";
    static final Pattern LINK = Pattern.compile("/public-bookings/(pb_[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String base;
    int hour = 7;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        fixtures.clientFor(clinic.clinic(), clinic.email(Role.CLIENT));
    }

    Map<String, Object> booking(String email) {
        String start = ZonedDateTime.of(LocalDate.now(ZONE).plusDays(5), java.time.LocalTime.of(hour += 2, 0), ZONE)
                .toOffsetDateTime().toString();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("firstName", "Nina");
        client.put("lastName", "New");
        client.put("email", email);
        client.put("phone", "+1 (555) 010-0199");
        client.put("dateOfBirth", "1990-04-21");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("treatment", FACIAL);
        body.put("start", start);
        body.put("client", client);
        body.put("acceptPolicy", true);
        return body;
    }

    String confirm(String email) {
        String body = jdbc.sql("""
                select body from outbox_message where recipient = :email and kind = 'public-booking-confirm'
                order by created_at desc limit 1""").param("email", email).query(String.class).single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).isTrue();
        Http.Response r = new Http(port).postJson("/api/v1/public-bookings/" + m.group(1) + "/confirm", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return m.group(1);
    }

    static String email() {
        return "friend-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void aBookingThroughTheLinkIsAttributedAndCountedOnceConfirmed() {
        Http me = new Http(port).signInForApi(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        Http.Response mine = me.get(base + "/me/referral");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        String code = mine.json().get("code").asString();
        assertThat(code).matches("[a-z0-9]{10}");
        assertThat(me.get(base + "/me/referral").json().get("code").asString()).as("one code per client").isEqualTo(code);
        String link = mine.json().get("link").asString();
        assertThat(link).endsWith("/clinics/" + clinic.slug() + "/referred/" + code);

        Http friend = new Http(port);
        Http.Response opened = friend.get(link.substring(link.indexOf("/clinics/")));
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.header("Location")).endsWith("/clinics/" + clinic.slug() + "/book");
        assertThat(opened.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith(Referrals.COOKIE + "=")
                .contains("HttpOnly"));
        String viaCookie = email();
        assertThat(friend.postJson(base + "/public-bookings", booking(viaCookie)).status()).isEqualTo(201);

        String viaRef = email();
        assertThat(new Http(port).postJson(base + "/public-bookings?ref=" + code, booking(viaRef)).status()).isEqualTo(201);
        String plain = email();
        assertThat(new Http(port).postJson(base + "/public-bookings", booking(plain)).status()).isEqualTo(201);

        Http owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        Http.Response counts = owner.get(base + "/referrals");
        assertThat(counts.status()).as(counts.body()).isEqualTo(200);
        assertThat(counts.json().get("bookings").asInt()).as("not confirmed yet").isZero();
        assertThat(counts.json().get("held").asInt()).isEqualTo(2);
        confirm(viaCookie);
        confirm(viaRef);
        confirm(plain);
        counts = owner.get(base + "/referrals");
        assertThat(counts.json().get("bookings").asInt()).as("the plain booking is nobody's referral").isEqualTo(2);
        assertThat(counts.json().get("referrers").get(0).get("bookings").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from referral_booking where clinic_id = :c").param("c", clinic.clinic().id())
                .query(Integer.class).single()).isEqualTo(2);

        Http.Response page = signedIn(Role.FRONT_DESK).get("/app/clinics/" + clinic.slug() + "/referrals");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("confirmed").contains("through referral links").contains("referrers");
        assertThat(me.get(base + "/referrals").status()).as("clients do not see the counts").isIn(403, 404);
    }

    @Test
    void anotherClinicsLinkOrAnUnknownCodeAttributesNothing() {
        TestClinic other = fixtures.open(ZONE.getId());
        Http friend = new Http(port).header("Cookie", Referrals.COOKIE + "=" + other.slug() + ":abcdefghij");
        assertThat(friend.postJson(base + "/public-bookings", booking(email())).status()).isEqualTo(201);
        assertThat(new Http(port).postJson(base + "/public-bookings?ref=zzzzzzzzzz", booking(email())).status())
                .isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from referral_booking where clinic_id = :c").param("c", clinic.clinic().id())
                .query(Integer.class).single()).isZero();
        Http.Response unknown = new Http(port).get("/clinics/" + clinic.slug() + "/referred/nosuchcode");
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(unknown.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Referrals.COOKIE + "="));
    }

    @Test
    void theClientSeesTheirLinkInThePortal() {
        Http portal = signedIn(Role.CLIENT);
        Http.Response home = portal.get("/app/clinics/" + clinic.slug() + "/portal");
        assertThat(home.body()).contains("Recommend us to a friend");
        Http.Response page = portal.get("/app/clinics/" + clinic.slug() + "/portal/referral");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/clinics/" + clinic.slug() + "/referred/");
    }

    Http signedIn(Role role) {
        Http http = new Http(port);
        http.signIn(clinic.email(role), TestClinics.PASSWORD);
        return http;
    }
}

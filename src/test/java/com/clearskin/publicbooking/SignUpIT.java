package com.clearskin.publicbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-up answers the same for known and unknown emails; its link opens the account as the clinic's client. */
@IntegrationTest
class SignUpIT {

    static final Pattern LINK = Pattern.compile("/sign-up/(su_[A-Za-z0-9_-]+)");
    static final String PASSWORD = "a long sign-up password";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String base;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open("America/Denver");
        base = "/api/v1/clinics/" + clinic.slug();
    }

    static String email() {
        return "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static Map<String, Object> signUp(String email, String password) {
        return Map.of("email", email, "password", password, "firstName", "Sam", "lastName", "Signup");
    }

    String token(String email) {
        String body = jdbc.sql("""
                select body from outbox_message where recipient = :email and kind = 'client-sign-up'
                order by created_at desc limit 1""").param("email", email).query(String.class).single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void theAnswerIsTheSameForAKnownAndAnUnknownEmailInWordsAndRoughlyInTime() {
        Http http = new Http(port);
        String known = clinic.email(Role.CLIENT);
        Http.Response first = http.postJson(base + "/sign-up", signUp(email(), PASSWORD));
        Http.Response second = http.postJson(base + "/sign-up", signUp(known, PASSWORD));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(token(known)).isNotBlank(); // the mail to a known email says so, and nothing changes yet

        List<Long> unknownTimes = new ArrayList<>();
        List<Long> knownTimes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            http.postJson(base + "/sign-up", signUp(email(), PASSWORD));
            long t1 = System.nanoTime();
            http.postJson(base + "/sign-up", signUp(clinic.email(Role.values()[i % Role.values().length]), PASSWORD));
            long t2 = System.nanoTime();
            unknownTimes.add(t1 - t0);
            knownTimes.add(t2 - t1);
        }
        long a = median(unknownTimes);
        long b = median(knownTimes);
        assertThat(Math.max(a, b)).as("medians %d ns and %d ns", a, b).isLessThan(3 * Math.min(a, b) + 50_000_000L);
    }

    static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void theLinkOpensTheAccountAsTheClinicsClientWithPortalAccessAndMatchesTheRecordByEmail() {
        Http http = new Http(port);
        String email = email();
        UUID existing = fixtures.client(clinic.clinic(), "Samantha", "Signup");
        jdbc.sql("update client set email = :email where id = :id").param("email", email).param("id", existing).update();
        assertThat(http.postJson(base + "/sign-up", signUp(email, PASSWORD)).status()).isEqualTo(202);
        String token = token(email);
        assertThat(http.postJson("/api/v1/auth/tokens", Map.of("email", email, "password", PASSWORD)).status())
                .as("no account before the link").isEqualTo(401);
        Http.Response verified = http.postJson("/api/v1/sign-up/" + token + "/verify", Map.of());
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("accountOpened").asBoolean()).isTrue();

        Http client = new Http(port).signInForApi(email, PASSWORD);
        Http.Response me = client.get(base + "/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains(existing.toString());
        assertThat(jdbc.sql("select count(*) from client where clinic_id = :clinic and lower(email) = :email")
                .param("clinic", clinic.clinic().id()).param("email", email).query(Integer.class).single()).isEqualTo(1);
        assertThat(http.postJson("/api/v1/sign-up/" + token + "/verify", Map.of()).status()).isEqualTo(200);
        assertThat(http.postJson("/api/v1/sign-up/su_unknown/verify", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aKnownAccountBecomesTheClinicsClientWithItsPasswordAndAStaffRoleStays() {
        Http http = new Http(port);
        TestClinic other = fixtures.open("America/Denver");
        String person = other.email(Role.CLIENT);
        assertThat(http.postJson(base + "/sign-up", signUp(person, "another password entirely")).status())
                .isEqualTo(202);
        Http.Response verified = http.postJson("/api/v1/sign-up/" + token(person) + "/verify", Map.of());
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("accountOpened").asBoolean()).isFalse();
        Http signedIn = new Http(port).signInForApi(person, TestClinics.PASSWORD);
        assertThat(signedIn.get(base + "/me").status()).isEqualTo(200);

        String owner = clinic.email(Role.OWNER);
        http.postJson(base + "/sign-up", signUp(owner, PASSWORD));
        http.postJson("/api/v1/sign-up/" + token(owner) + "/verify", Map.of());
        assertThat(jdbc.sql("""
                select m.role from clinic_member m join app_user u on u.id = m.user_id
                where m.clinic_id = :clinic and lower(u.email) = :email""")
                .param("clinic", clinic.clinic().id()).param("email", owner).query(String.class).single())
                .isEqualTo("owner");
    }

    @Test
    void badFieldsAreNamed() {
        Http.Response r = new Http(port).postJson(base + "/sign-up", Map.of("email", "x", "password", "short"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"email\"").contains("\"password\"").contains("\"firstName\"");
    }
}

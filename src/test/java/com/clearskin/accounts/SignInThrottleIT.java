package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.mail.TestMailbox;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/** Sign-in limits: a guesser slows down, nobody can lock the owner out for long, and a reset always works. */
@IntegrationTest
class SignInThrottleIT {

    static final String TOKENS = "/api/v1/auth/tokens";

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String victim;

    @BeforeEach
    void open() {
        clinic = testClinics.open();
        victim = clinic.email(Role.PRACTITIONER);
    }

    byte[] account() {
        return SignInThrottle.sha256("account:" + victim);
    }

    Http from(String address) {
        return new Http(port).header("X-Forwarded-For", address);
    }

    Http.Response token(Http http, String password) {
        return http.postJson(TOKENS, Map.of("email", victim, "password", password));
    }

    /** Moves every count of the victim back in time, as if {@code seconds} had passed. */
    void passTime(int seconds) {
        jdbc.sql("""
                update sign_in_failure set last_failure_at = last_failure_at - make_interval(secs => :s)
                where account_hash = :account""").param("s", seconds).param("account", account()).update();
    }

    @Test
    void aGuesserIsPausedAfterFiveFailuresEvenWithTheRightPassword() {
        Http attacker = from("203.0.113.7");
        for (int i = 0; i < 5; i++) {
            assertThat(token(attacker, "wrong-guess-" + i).status()).isEqualTo(401);
        }
        Http.Response paused = token(attacker, TestClinics.PASSWORD);
        assertThat(paused.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(paused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15L);
        assertThat(paused.json().get("detail").asString()).contains("Too many failed sign-ins", "password reset");

        Http.Response form = attacker.signIn(victim, TestClinics.PASSWORD);
        assertThat(form.status()).isEqualTo(429);
        assertThat(form.header("Retry-After")).isNotNull();
        assertThat(form.body()).contains("Too many failed sign-ins", "<label for=\"email\">");

        assertThat(token(from("198.51.100.9"), TestClinics.PASSWORD).status())
                .as("the owner elsewhere is not affected").isEqualTo(201);
    }

    @Test
    void manyAddressesCannotLockTheOwnerOutBeyondTheCapNorAtAllWhereTheyHaveSignedInBefore() {
        assertThat(token(from("198.51.100.20"), TestClinics.PASSWORD).status()).isEqualTo(201);
        for (int a = 0; a < 5; a++) {
            Http attacker = from("203.0.113." + (10 + a));
            for (int i = 0; i < 4; i++) {
                assertThat(token(attacker, "wrong").status()).isEqualTo(401);
            }
        }
        Http.Response unknownPlace = token(from("192.0.2.99"), TestClinics.PASSWORD);
        assertThat(unknownPlace.status()).as("20 failures from many addresses pause unknown addresses").isEqualTo(429);
        assertThat(token(from("198.51.100.20"), TestClinics.PASSWORD).status())
                .as("but not where the owner signed in before").isEqualTo(201);

        jdbc.sql("update sign_in_failure set failures = 1000000 where account_hash = :account")
                .param("account", account()).update();
        Http.Response capped = token(from("192.0.2.99"), TestClinics.PASSWORD);
        assertThat(capped.status()).isEqualTo(429);
        assertThat(Long.parseLong(capped.header("Retry-After"))).isBetween(1L, 900L);

        passTime(15 * 60);
        assertThat(token(from("192.0.2.99"), TestClinics.PASSWORD).status())
                .as("fifteen minutes after the last failure the lock ends by itself").isEqualTo(201);
    }

    @Test
    void aResetLinkWorksWhilePausedAndEndsThePause() {
        Http attacker = from("203.0.113.66");
        for (int a = 0; a < 6; a++) {
            Http place = from("203.0.113." + (70 + a));
            for (int i = 0; i < 4; i++) {
                token(place, "wrong");
            }
        }
        for (int i = 0; i < 5; i++) {
            token(attacker, "wrong");
        }
        assertThat(token(attacker, TestClinics.PASSWORD).status()).isEqualTo(429);
        assertThat(token(from("192.0.2.5"), TestClinics.PASSWORD).status()).isEqualTo(429);

        String link;
        try (TestMailbox mailbox = new TestMailbox(jdbc)) {
            assertThat(from("192.0.2.5").postJson("/api/v1/auth/password-reset", Map.of("email", victim)).status())
                    .isEqualTo(202);
            mailbox.deliver();
            link = TestMailbox.link(mailbox.to(victim).get(0), "/password-reset/");
        }
        String reset = link.substring(link.lastIndexOf('/') + 1);
        assertThat(from("192.0.2.5").get("/password-reset/" + reset).status()).isEqualTo(200);
        assertThat(from("192.0.2.5").postJson("/api/v1/auth/password-reset/confirm",
                Map.of("token", reset, "password", "back-in-control-2026")).status()).isEqualTo(204);

        assertThat(token(from("192.0.2.5"), "back-in-control-2026").status()).isEqualTo(201);
        assertThat(token(attacker, "back-in-control-2026").status()).as("the reset cleared every count").isEqualTo(201);
    }

    /** Issue 10: a hundred wrong passwords at once from one address were all checked; the limit is five. */
    @Test
    void parallelGuessesAreThrottledLikeSerialOnes() throws Exception {
        Http guesser = from("203.0.113.150");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return token(guesser, "wrong-guess").status();
                }));
            }
            go.countDown();
            int checked = 0;
            int refused = 0;
            for (var answer : answers) {
                int status = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                checked += status == 401 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            assertThat(checked).as("passwords checked").isEqualTo(5);
            assertThat(refused).isEqualTo(95);
        } finally {
            pool.shutdownNow();
        }
        // Sixteen addresses at once against one account: at most 20 checks over all addresses it never used.
        pool = java.util.concurrent.Executors.newFixedThreadPool(48);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int a = 0; a < 16; a++) {
                Http place = from("198.51.100." + (100 + a));
                for (int i = 0; i < 6; i++) {
                    answers.add(pool.submit(() -> token(place, "wrong-guess").status()));
                }
            }
            int checked = 0;
            for (var answer : answers) {
                checked += answer.get(60, java.util.concurrent.TimeUnit.SECONDS) == 401 ? 1 : 0;
            }
            assertThat(checked).as("checks over all addresses; 5 were spent above").isLessThanOrEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countsAreStoredAsHashesOnly() {
        token(from("203.0.113.200"), "wrong");
        String dump = jdbc.sql("select string_agg(encode(throttle_key, 'escape'), ',') from sign_in_failure")
                .query(String.class).single();
        assertThat(dump).doesNotContain(victim).doesNotContain("203.0.113.200");
    }

    @Test
    void anOlderHashIsUpgradedToBcryptAtTheNextSignIn() {
        String legacy = "{pbkdf2@SpringSecurity_v5_8}"
                + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(TestClinics.PASSWORD);
        jdbc.sql("update app_user set password_hash = :h where lower(email) = :e").param("h", legacy)
                .param("e", victim).update();
        assertThat(token(from("198.51.100.77"), TestClinics.PASSWORD).status()).isEqualTo(201);
        String stored = jdbc.sql("select password_hash from app_user where lower(email) = :e").param("e", victim)
                .query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}$2");
        assertThat(token(from("198.51.100.77"), TestClinics.PASSWORD).status()).isEqualTo(201);
    }
}

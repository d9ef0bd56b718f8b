package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.mail.TestMailbox;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Reset requests are limited per requesting address as well as per account, so a stranger cannot
 * use up a person's reset mails, and one address cannot mail everyone (its own context: a low limit
 * per address). Addresses come through X-Forwarded-For, which the test profile trusts from loopback.
 */
@IntegrationTest
@TestPropertySource(properties = "clearskin.password-reset.per-source=5")
class PasswordResetLimitsIT {

    static final String API = "/api/v1/auth/password-reset";

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    TestMailbox mailbox;

    @BeforeEach
    void open() {
        clinic = testClinics.open();
        mailbox = new TestMailbox(jdbc);
    }

    @AfterEach
    void close() {
        mailbox.close();
    }

    Http from(String address) {
        return new Http(port).header("X-Forwarded-For", address);
    }

    @Test
    void aStrangerCannotUseUpThePersonsOwnResetMails() {
        String victim = clinic.email(Role.PRACTITIONER);
        Http stranger = from("203.0.113.30");
        for (int i = 0; i < 4; i++) {
            assertThat(stranger.postJson(API, Map.of("email", victim)).status()).isEqualTo(202);
        }
        mailbox.deliver();
        assertThat(mailbox.to(victim)).as("three a stranger's address may ask for").hasSize(3);

        Http.Response own = from("198.51.100.30").postJson(API, Map.of("email", victim));
        assertThat(own.status()).isEqualTo(202);
        mailbox.deliver();
        assertThat(mailbox.to(victim)).as("the person's own request from their own address is mailed").hasSize(4);
    }

    @Test
    void oneAddressIsRefusedWithA429AfterItsLimitWhateverTheEmails() {
        Http guesser = from("203.0.113.31");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.postJson(API, Map.of("email", "nobody" + i + "-" + clinic.slug() + "@example.com"))
                    .status()).isEqualTo(202);
        }
        Http.Response refused = guesser.postJson(API, Map.of("email", clinic.email(Role.OWNER)));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3601L);
        assertThat(refused.body()).contains("Mail can take a few minutes");

        Http.Response page = guesser.postForm("/password-reset", "/password-reset", Map.of("email", "x@example.com"));
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.body()).contains("Too many password-reset requests from your address");
        mailbox.deliver();
        assertThat(mailbox.to(clinic.email(Role.OWNER))).isEmpty();
        assertThat(from("203.0.113.32").postJson(API, Map.of("email", "x@example.com")).status())
                .as("another address has its own count").isEqualTo(202);
    }

    @Test
    void parallelRequestsFromOneAddressAreCountedLikeSerialOnes() throws Exception {
        Http one = from("203.0.113.33");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            var answers = pool.invokeAll(java.util.stream.IntStream.range(0, 12)
                    .mapToObj(i -> (java.util.concurrent.Callable<Integer>) () -> one.postJson(API,
                            Map.of("email", "p" + i + "-" + clinic.slug() + "@example.com")).status())
                    .toList());
            long accepted = 0;
            for (var answer : answers) {
                accepted += answer.get() == 202 ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}

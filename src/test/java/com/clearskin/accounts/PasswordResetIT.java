package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.mail.TestMailbox;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PasswordResetIT {

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

    String token(String email) {
        Http.Response r = new Http(port).postJson("/api/v1/auth/password-reset", Map.of("email", email));
        assertThat(r.status()).isEqualTo(202);
        mailbox.deliver();
        List<MimeMessage> mails = mailbox.to(email);
        assertThat(mails).hasSize(1);
        String link = TestMailbox.link(mails.get(0), "/password-reset/");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void theAnswerIsTheSameWhetherTheAccountExistsOrNot() {
        Http.Response known = new Http(port).postJson("/api/v1/auth/password-reset",
                Map.of("email", clinic.email(Role.CLIENT)));
        Http.Response unknown = new Http(port).postJson("/api/v1/auth/password-reset",
                Map.of("email", "nobody-" + clinic.slug() + "@example.com"));
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        mailbox.deliver();
        assertThat(mailbox.to("nobody-" + clinic.slug() + "@example.com")).isEmpty();
        assertThat(new Http(port).postJson("/api/v1/auth/password-reset", Map.of()).body()).contains("\"email\"");
    }

    @Test
    void aResetSetsThePasswordOnceAndEndsEverySession() {
        String email = clinic.email(Role.PRACTITIONER);
        Http api = new Http(port).signInForApi(email, TestClinics.PASSWORD);
        Http browser = new Http(port);
        browser.signIn(email, TestClinics.PASSWORD);
        assertThat(browser.get("/app").status()).isEqualTo(200);

        String token = token(email);
        Http.Response weak = new Http(port).postJson("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "password", email));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("\"password\"", "must not be your email address");

        Http.Response done = new Http(port).postJson("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "password", "a-brand-new-password"));
        assertThat(done.status()).isEqualTo(204);

        assertThat(api.get("/api/v1/clinics/" + clinic.slug() + "/treatments").status()).isEqualTo(401);
        assertThat(browser.get("/app").status()).isEqualTo(302);
        assertThat(new Http(port).postJson("/api/v1/auth/tokens", Map.of("email", email, "password",
                TestClinics.PASSWORD)).status()).isEqualTo(401);
        new Http(port).signInForApi(email, "a-brand-new-password");

        Http.Response reused = new Http(port).postJson("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "password", "yet-another-password"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).contains("\"token\"", "already been used");
        mailbox.deliver();
        assertThat(mailbox.to(email)).extracting(MimeMessage::getSubject)
                .contains("Your Clearskin password was changed");
    }

    @Test
    void anExpiredOrUnknownLinkIsRefusedClearly() {
        String email = clinic.email(Role.FRONT_DESK);
        String token = token(email);
        jdbc.sql("update password_reset set expires_at = now() - interval '1 second' where token_hash = :h")
                .param("h", AccessTokens.hash(token)).update();
        Http.Response api = new Http(port).postJson("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "password", "a-brand-new-password"));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.body()).contains("\"token\"", "expired");
        Http.Response page = new Http(port).get("/password-reset/" + token);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("This link has expired");
        assertThat(new Http(port).get("/password-reset/pr_nothing").status()).isEqualTo(404);
        assertThat(new Http(port).postJson("/api/v1/auth/password-reset/confirm",
                Map.of("token", "x".repeat(5000), "password", "a-brand-new-password")).status()).isEqualTo(400);
    }

    @Test
    void theFormFlowNeverShowsTheLinkWhateverTheCallerSendsAndRefusesAReusedLink() {
        String email = clinic.email(Role.CLIENT);
        Http person = new Http(port);
        Http.Response asked = person.postForm("/password-reset", "/password-reset", Map.of("email", email));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("If an account exists for this email", "Mail can take a few minutes",
                "Development mode").doesNotContain("/password-reset/pr_");

        // The takeover of issue 10: a caller on this machine, at Host localhost, saying X-Forwarded-For 127.0.0.1
        // (what the old page trusted to show the link), still gets no link: only the mail carries it.
        Http.Response spoofed = new Http(port).header("X-Forwarded-For", "127.0.0.1")
                .postForm("/password-reset", "/password-reset", Map.of("email", email));
        assertThat(spoofed.status()).isEqualTo(200);
        assertThat(spoofed.body()).contains("If an account exists").doesNotContain("/password-reset/pr_");

        mailbox.deliver();
        List<MimeMessage> mails = mailbox.to(email);
        assertThat(mails).hasSize(2);
        String link = TestMailbox.link(mails.get(0), "/password-reset/");
        String path = link.substring(link.indexOf("/password-reset/"));

        Http.Response form = person.get(path);
        assertThat(form.body()).contains("<label for=\"password\">", "<label for=\"confirmation\">");
        Http.Response mismatch = person.postForm(path, path, Map.of("password", "first-long-password",
                "confirmation", "other-long-password"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("must be the same");

        Http.Response saved = person.postForm(path, path, Map.of("password", "first-long-password",
                "confirmation", "first-long-password"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith("/login?reset");
        assertThat(person.signIn(email, "first-long-password").header("Location")).endsWith("/app");

        Http.Response reused = new Http(port).get(path);
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.body()).contains("already been used");
    }

    @Test
    void signOutEverywhereRevokesEveryTokenAndSignIn() {
        String email = clinic.email(Role.ADMIN);
        Http api1 = new Http(port).signInForApi(email, TestClinics.PASSWORD);
        Http api2 = new Http(port).signInForApi(email, TestClinics.PASSWORD);
        Http browser = new Http(port);
        browser.signIn(email, TestClinics.PASSWORD);
        Http otherPerson = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);

        assertThat(api1.delete("/api/v1/auth/tokens").status()).isEqualTo(204);
        String treatments = "/api/v1/clinics/" + clinic.slug() + "/treatments";
        assertThat(api1.get(treatments).status()).isEqualTo(401);
        assertThat(api2.get(treatments).status()).isEqualTo(401);
        assertThat(browser.get("/app").status()).isEqualTo(302);
        assertThat(otherPerson.get(treatments).status()).isEqualTo(200);

        Http page = new Http(port);
        page.signIn(email, TestClinics.PASSWORD);
        Http api3 = new Http(port).signInForApi(email, TestClinics.PASSWORD);
        assertThat(page.get("/app/account").body()).contains("Sign out everywhere");
        Http.Response out = page.postForm("/app/account/sign-out-everywhere", "/app/account", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/login?signedOutEverywhere");
        assertThat(api3.get(treatments).status()).isEqualTo(401);
        assertThat(page.get("/app").status()).isEqualTo(302);
        assertThat(new Http(port).delete("/api/v1/auth/tokens").status()).isEqualTo(401);
    }
}

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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class InvitationIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    TestMailbox mailbox;
    String api;

    @BeforeEach
    void open() {
        clinic = testClinics.open();
        mailbox = new TestMailbox(jdbc);
        api = "/api/v1/clinics/" + clinic.slug();
    }

    @AfterEach
    void close() {
        mailbox.close();
    }

    Http api(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    Http browser(String email, String password) {
        Http http = new Http(port);
        assertThat(http.signIn(email, password).status()).isEqualTo(302);
        return http;
    }

    static String newEmail() {
        return "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Invites through the API, delivers the outbox over SMTP, and returns the one mail that arrived. */
    MimeMessage invite(Http as, String email, String role) {
        Http.Response r = as.postJson(api + "/invitations", Map.of("email", email, "role", role));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("pending");
        mailbox.deliver();
        List<MimeMessage> mails = mailbox.to(email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    @Test
    void anInvitationMailArrivesOnceAndItsLinkMakesANewMemberOnce() throws Exception {
        String email = newEmail();
        MimeMessage mail = invite(api(Role.ADMIN), email, "practitioner");
        assertThat(mail.getSubject()).contains(clinic.clinic().name());
        String path = TestMailbox.path(TestMailbox.link(mail, "/invitations/"));
        mailbox.deliver();
        assertThat(mailbox.to(email)).as("sent once").hasSize(1);

        Http person = new Http(port);
        Http.Response page = person.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Practitioner", email, "<label for=\"displayName\">");

        Http.Response weak = person.postForm(path + "/register", path,
                Map.of("displayName", "Nia New", "password", "short", "confirmation", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("must be at least 12 characters");

        Http.Response joined = person.postForm(path + "/register", path, Map.of("displayName", "Nia New",
                "password", "a-new-long-password", "confirmation", "a-new-long-password"));
        assertThat(joined.status()).isEqualTo(302);
        assertThat(joined.header("Location")).contains("/login?joined=");

        Http nia = new Http(port).signInForApi(email, "a-new-long-password");
        assertThat(nia.get(api + "/treatments").status()).isEqualTo(200);
        JsonNode members = api(Role.OWNER).get(api + "/members").json();
        assertThat(members.findValuesAsString("email")).contains(email);

        Http.Response again = new Http(port).get(path);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("already been used");
        Http.Response registerAgain = new Http(port).postForm(path + "/register", "/login", Map.of("displayName", "X",
                "password", "another-long-password", "confirmation", "another-long-password"));
        assertThat(registerAgain.status()).isEqualTo(410);
    }

    @Test
    void anExpiredLinkIsRefused() {
        String email = newEmail();
        String path = TestMailbox.path(TestMailbox.link(invite(api(Role.OWNER), email, "front-desk"), "/invitations/"));
        jdbc.sql("update invitation set expires_at = now() - interval '1 minute' where email = :e").param("e", email).update();
        Http.Response page = new Http(port).get(path);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("This link has expired");
        assertThat(api(Role.OWNER).get(api + "/invitations").json().findValuesAsString("status")).contains("expired");
    }

    @Test
    void aWithdrawnInvitationsLinkStopsWorking() {
        String email = newEmail();
        Http admin = api(Role.ADMIN);
        String path = TestMailbox.path(TestMailbox.link(invite(admin, email, "client"), "/invitations/"));
        String id = admin.get(api + "/invitations").json().get(0).get("id").asString();
        assertThat(admin.delete(api + "/invitations/" + id).status()).isEqualTo(204);
        assertThat(new Http(port).get(path).body()).contains("withdrawn");
        assertThat(new Http(port).get("/invitations/inv_not-a-real-token").status()).isEqualTo(404);
    }

    @Test
    void someoneWithAnAccountSignsInAndAccepts() {
        TestClinic other = testClinics.open();
        String email = other.email(Role.PRACTITIONER);
        String path = TestMailbox.path(TestMailbox.link(invite(api(Role.OWNER), email, "admin"), "/invitations/"));

        Http anonymous = new Http(port);
        Http.Response page = anonymous.get(path);
        assertThat(page.body()).contains("Sign in to accept").doesNotContain("displayName");
        Http.Response signIn = anonymous.get(path + "/sign-in");
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.header("Location")).endsWith("/login");
        Http.Response login = anonymous.signIn(email, TestClinics.PASSWORD);
        assertThat(login.header("Location")).endsWith(path + "/sign-in");

        Http.Response accepted = anonymous.postForm(path + "/accept", path, Map.of());
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(anonymous.get("/app").body()).contains("You joined " + clinic.clinic().name() + " as admin.",
                clinic.clinic().name(), other.clinic().name());

        Http wrongPerson = browser(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        String path2 = TestMailbox.path(TestMailbox.link(invite(api(Role.OWNER), newEmail(), "client"), "/invitations/"));
        assertThat(wrongPerson.get(path2).body()).contains("you are signed in as");
        assertThat(wrongPerson.postForm(path2 + "/accept", path2, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void whoMayInvite() {
        Http admin = api(Role.ADMIN);
        assertThat(admin.postJson(api + "/invitations", Map.of("email", newEmail(), "role", "owner")).status())
                .isEqualTo(403);
        assertThat(api(Role.PRACTITIONER).postJson(api + "/invitations", Map.of("email", newEmail(), "role", "client"))
                .status()).isEqualTo(403);
        assertThat(api(Role.FRONT_DESK).get(api + "/invitations").status()).isEqualTo(403);
        TestClinic other = testClinics.open();
        assertThat(new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD)
                .postJson(api + "/invitations", Map.of("email", newEmail(), "role", "client")).status()).isEqualTo(404);

        Http.Response bad = admin.postJson(api + "/invitations", Map.of("email", "not-an-email", "role", "wizard"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"email\"");
        assertThat(admin.postJson(api + "/invitations", Map.of("email", newEmail(), "role", "wizard")).body())
                .contains("\"role\"");
        assertThat(admin.postJson(api + "/invitations", Map.of("email", clinic.email(Role.CLIENT), "role", "client"))
                .status()).isEqualTo(409);
    }

    @Test
    void ownersChangeAndRemoveMembersButNeverTheLastOwner() {
        Http owner = api(Role.OWNER);
        JsonNode members = owner.get(api + "/members").json();
        String ownerId = null;
        String clientId = null;
        for (JsonNode m : members) {
            if (m.get("role").asString().equals("owner")) {
                ownerId = m.get("userId").asString();
            }
            if (m.get("role").asString().equals("client")) {
                clientId = m.get("userId").asString();
            }
        }
        Http.Response demote = owner.putJson(api + "/members/" + ownerId, Map.of("role", "admin"), Map.of());
        assertThat(demote.status()).isEqualTo(422);
        assertThat(demote.json().get("rule").asString()).isEqualTo("last-owner");
        assertThat(owner.delete(api + "/members/" + ownerId).status()).isEqualTo(422);

        assertThat(api(Role.ADMIN).putJson(api + "/members/" + clientId, Map.of("role", "admin"), Map.of()).status())
                .isEqualTo(403);
        Http.Response promoted = owner.putJson(api + "/members/" + clientId, Map.of("role", "owner"), Map.of());
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().get("role").asString()).isEqualTo("owner");
        assertThat(owner.putJson(api + "/members/" + ownerId, Map.of("role", "practitioner"), Map.of()).status())
                .as("now that there is another owner").isEqualTo(200);
        Http newOwner = api(Role.CLIENT);
        assertThat(newOwner.delete(api + "/members/" + ownerId).status()).isEqualTo(204);
        assertThat(newOwner.get(api + "/members").json().findValuesAsString("userId")).doesNotContain(ownerId);
        assertThat(newOwner.delete(api + "/members/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void theTeamAndOutboxPagesShowInvitationsToAdminsOnly() {
        Http admin = browser(clinic.email(Role.ADMIN), TestClinics.PASSWORD);
        String team = "/app/clinics/" + clinic.slug() + "/team";
        String email = newEmail();
        Http.Response sent = admin.postForm(team + "/invitations", team, Map.of("email", email, "role", "front-desk"));
        assertThat(sent.status()).isEqualTo(302);
        Http.Response page = admin.get(team);
        assertThat(page.body()).contains("An invitation to " + email + " is on its way.", email, "Waiting",
                "<label for=\"invite-email\">");
        Http.Response bad = admin.postForm(team + "/invitations", team, Map.of("email", "nope", "role", "client"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("must be an email address");

        Http.Response outbox = admin.get("/app/clinics/" + clinic.slug() + "/outbox");
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.body()).contains(email, "No mail server is configured", "/invitations/inv_");

        assertThat(browser(clinic.email(Role.PRACTITIONER), TestClinics.PASSWORD)
                .get("/app/clinics/" + clinic.slug() + "/outbox").status()).isEqualTo(403);
        TestClinic other = testClinics.open();
        assertThat(browser(other.email(Role.OWNER), TestClinics.PASSWORD)
                .get("/app/clinics/" + clinic.slug() + "/outbox").status()).isEqualTo(404);
        assertThat(browser(other.email(Role.OWNER), TestClinics.PASSWORD)
                .get("/app/clinics/" + other.slug() + "/outbox").body()).doesNotContain(email);
    }
}

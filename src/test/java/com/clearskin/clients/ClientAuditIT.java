package com.clearskin.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Every read and write of a client's record and health answers, through the API and the pages, leaves an audit event. */
@IntegrationTest
class ClientAuditIT {

    /** An event as stored, the columns a test checks. */
    record Stored(long id, Instant at, UUID actorId, String actorRole, UUID clientId, String action, String resource,
            String detail, String ip, String userAgent, String path, String outcome) {
    }

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    com.clearskin.support.TestCare care;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    Clients clients;
    @Autowired
    TransactionTemplate transactions;

    TestClinic clinic;
    String api;
    String pages;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        api = "/api/v1/clinics/" + clinic.slug() + "/clients";
        pages = "/app/clinics/" + clinic.slug() + "/clients";
    }

    Http apiAs(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    Http pagesAs(Role role) {
        Http http = new Http(port);
        assertThat(http.signIn(clinic.email(role), TestClinics.PASSWORD).status()).isEqualTo(302);
        return http;
    }

    UUID user(Role role) {
        return accounts.findByEmail(clinic.email(role)).orElseThrow();
    }

    List<Stored> events() {
        return jdbc.sql("""
                select id, at, actor_id, actor_role, client_id, action, resource, detail, ip, user_agent, path, outcome
                from audit_event where clinic_id = :clinic order by id""")
                .param("clinic", clinic.clinic().id())
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_role"),
                        rs.getObject("client_id", UUID.class), rs.getString("action"), rs.getString("resource"),
                        rs.getString("detail"), rs.getString("ip"), rs.getString("user_agent"), rs.getString("path"),
                        rs.getString("outcome")))
                .list();
    }

    List<Stored> eventsAfter(long id) {
        return events().stream().filter(e -> e.id() > id).toList();
    }

    long lastId() {
        List<Stored> all = events();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).id();
    }

    void assertOne(List<Stored> events, Role role, UUID client, String action, String resource, String path) {
        assertThat(events).as("events: %s", events).hasSize(1);
        Stored e = events.get(0);
        assertThat(e.actorId()).isEqualTo(user(role));
        assertThat(e.actorRole()).isEqualTo(role.code());
        assertThat(e.clientId()).isEqualTo(client);
        assertThat(e.action()).isEqualTo(action);
        assertThat(e.resource()).isEqualTo(resource);
        assertThat(e.outcome()).isEqualTo("succeeded");
        assertThat(e.at()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(1));
        assertThat(e.ip()).as("from where").isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(e.userAgent()).as("the Java HTTP client").startsWith("Java-http-client");
        assertThat(e.path()).isEqualTo(path);
    }

    @Test
    void everyApiReadAndWriteOfAClientIsRecorded() {
        Http nurse = apiAs(Role.PRACTITIONER);
        long start = lastId();
        Http.Response created = nurse.postJson(api, ClientApiIT.person("Maya", "Lopez"));
        assertThat(created.status()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        assertOne(eventsAfter(start), Role.PRACTITIONER, id, "create", "client-record", api);

        long before = lastId();
        assertThat(nurse.get(api + "/" + id).status()).isEqualTo(200);
        assertOne(eventsAfter(before), Role.PRACTITIONER, id, "read", "client-record", api + "/" + id);

        care.assignPractitioner(clinic, id); // the clinic grants the care relationship (audited by the API)
        before = lastId();
        String today = LocalDate.now(clinic.clinic().timeZone()).toString();
        assertThat(nurse.postJson(api + "/" + id + "/assessments", ClientApiIT.intake(today)).status()).isEqualTo(201);
        assertOne(eventsAfter(before), Role.PRACTITIONER, id, "create", "assessment", api + "/" + id + "/assessments");

        before = lastId();
        Http owner = apiAs(Role.OWNER);
        assertThat(owner.get(api + "/" + id + "/assessments").status()).isEqualTo(200);
        assertOne(eventsAfter(before), Role.OWNER, id, "read", "assessment", api + "/" + id + "/assessments");
        assertThat(eventsAfter(before).get(0).detail()).isEqualTo("1 assessments (API)");

        before = lastId();
        Http admin = apiAs(Role.ADMIN);
        assertThat(admin.get(api + "/" + id + "/recommendation").status()).isEqualTo(200);
        assertOne(eventsAfter(before), Role.ADMIN, id, "read", "recommendation", api + "/" + id + "/recommendation");
    }

    @Test
    void aListRecordsOneReadPerClientShown() {
        Http desk = apiAs(Role.FRONT_DESK);
        UUID ann = UUID.fromString(desk.postJson(api, ClientApiIT.person("Ann", "Lee")).json().get("id").asString());
        UUID bo = UUID.fromString(desk.postJson(api, ClientApiIT.person("Bo", "Moss")).json().get("id").asString());

        long before = lastId();
        assertThat(desk.get(api).json().get("count").asInt()).isEqualTo(2);
        List<Stored> listed = eventsAfter(before);
        assertThat(listed).extracting(Stored::clientId).containsExactlyInAnyOrder(ann, bo);
        assertThat(listed).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo("read");
            assertThat(e.resource()).isEqualTo("client-record");
            assertThat(e.actorRole()).isEqualTo("front-desk");
        });

        before = lastId();
        assertThat(desk.get(api + "?q=moss").json().get("count").asInt()).isEqualTo(1);
        assertThat(eventsAfter(before)).extracting(Stored::clientId).containsExactly(bo);

        before = lastId();
        assertThat(desk.get(api + "?q=nobody").json().get("count").asInt()).isZero();
        assertThat(eventsAfter(before)).as("nobody shown, nothing read").isEmpty();
    }

    @Test
    void everyPageThatShowsAClientIsRecorded() {
        Http nurse = pagesAs(Role.PRACTITIONER);
        long start = lastId();
        Http.Response added = nurse.postForm(pages, pages + "/new", ClientPagesIT.person("Jordan", "Kim"));
        assertThat(added.status()).isEqualTo(302);
        String page = added.header("Location").substring(added.header("Location").indexOf("/app/"));
        UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        assertOne(eventsAfter(start), Role.PRACTITIONER, id, "create", "client-record", pages);
        care.assignPractitioner(clinic, id); // the clinic grants the care relationship (audited by the API)

        long before = lastId();
        assertThat(nurse.get(page + "/assessments/new").status()).isEqualTo(200);
        assertOne(eventsAfter(before), Role.PRACTITIONER, id, "read", "client-record", page + "/assessments/new");

        before = lastId();
        Http.Response recorded = nurse.postForm(page + "/assessments", page + "/assessments/new",
                ClientPagesIT.intakeForm());
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(eventsAfter(before)).filteredOn(e -> e.action().equals("create")).singleElement()
                .satisfies(e -> {
                    assertThat(e.resource()).isEqualTo("assessment");
                    assertThat(e.clientId()).isEqualTo(id);
                    assertThat(e.path()).isEqualTo(page + "/assessments");
                });

        before = lastId();
        assertThat(nurse.get(page).status()).isEqualTo(200);
        assertThat(eventsAfter(before)).extracting(Stored::resource)
                .containsExactly("client-record", "assessment", "recommendation");
        assertThat(eventsAfter(before)).allSatisfy(e -> {
            assertThat(e.clientId()).isEqualTo(id);
            assertThat(e.actorId()).isEqualTo(user(Role.PRACTITIONER));
            assertThat(e.path()).isEqualTo(page);
        });

        before = lastId();
        assertThat(nurse.get(pages).status()).isEqualTo(200);
        assertThat(eventsAfter(before)).extracting(Stored::clientId).containsExactly(id);
    }

    @Test
    void theFrontDeskReadsTheRecordButNoHealthAnswersSoOnlyTheRecordIsLogged() {
        Http owner = apiAs(Role.OWNER);
        UUID id = UUID.fromString(owner.postJson(api, ClientApiIT.person("Ann", "Lee")).json().get("id").asString());
        owner.postJson(api + "/" + id + "/assessments", ClientApiIT.intake(LocalDate.now(clinic.clinic().timeZone())
                .toString()));

        long before = lastId();
        assertThat(pagesAs(Role.FRONT_DESK).get(pages + "/" + id).status()).isEqualTo(200);
        assertThat(eventsAfter(before)).extracting(Stored::resource).containsExactly("client-record");
        before = lastId();
        assertThat(apiAs(Role.FRONT_DESK).get(api + "/" + id + "/assessments").status()).isEqualTo(403);
        assertThat(eventsAfter(before)).as("nothing was read").isEmpty();
    }

    @Test
    void theAddressIsTheOneTheServerBelievesAndTheUserAgentIsKeptAsText() {
        // The test profile trusts loopback as a proxy (a load balancer on the same host), so the forwarded
        // address is the client's. Without that (the default) X-Forwarded-For is ignored: ForwardedHeadersIT.
        Http owner = apiAs(Role.OWNER);
        UUID id = UUID.fromString(owner.postJson(api, ClientApiIT.person("Ann", "Lee")).json().get("id").asString());
        long before = lastId();
        owner.get(api + "/" + id, Map.of("X-Forwarded-For", "203.0.113.9", "User-Agent", "<script>x</script>"));
        Stored e = eventsAfter(before).get(0);
        assertThat(e.ip()).isEqualTo("203.0.113.9");
        assertThat(e.userAgent()).as("kept as text").isEqualTo("<script>x</script>");
    }

    @Test
    void aWriteAndItsEventCommitOrRollBackTogether() {
        long before = lastId();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            clients.create(clinic.clinic(), new NewClient("Rolled", "Back", null, null, null));
            assertThat(eventsAfter(before)).as("the event is written with the client").hasSize(1);
            throw new IllegalStateException("the request fails after the write");
        })).hasMessageContaining("the request fails");
        assertThat(eventsAfter(before)).isEmpty();
        assertThat(clients.list(clinic.clinic(), "Rolled")).isEmpty();

        clients.create(clinic.clinic(), new NewClient("Kept", "Here", null, null, null));
        Stored system = eventsAfter(before).get(0);
        assertThat(system.actorId()).as("nobody signed in: the system").isNull();
        assertThat(system.actorRole()).isNull();
        assertThat(system.action()).isEqualTo("create");
    }
}

package com.clearskin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The log is append-only in the database, and only owners browse and export it. */
@IntegrationTest
class AuditLogIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    Accounts accounts;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    TestClinic clinic;
    String base;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        base = "/api/v1/clinics/" + clinic.slug() + "/audit";
    }

    Http apiAs(TestClinic c, Role role) {
        return new Http(port).signInForApi(c.email(role), TestClinics.PASSWORD);
    }

    Http pagesAs(TestClinic c, Role role) {
        Http http = new Http(port);
        assertThat(http.signIn(c.email(role), TestClinics.PASSWORD).status()).isEqualTo(302);
        return http;
    }

    UUID addClient(Http http, String first, String last) {
        Http.Response r = http.postJson("/api/v1/clinics/" + clinic.slug() + "/clients",
                Map.of("firstName", first, "lastName", last, "dateOfBirth", "1990-01-02"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asString());
    }

    long count() {
        return jdbc.sql("select count(*) from audit_event where clinic_id = :c").param("c", clinic.clinic().id())
                .query(Long.class).single();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEvent() {
        addClient(apiAs(clinic, Role.OWNER), "Ann", "Lee");
        long before = count();
        assertThat(before).isPositive();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set detail = 'nothing happened' where clinic_id = :c")
                .param("c", clinic.clinic().id()).update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where clinic_id = :c")
                .param("c", clinic.clinic().id()).update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_event where clinic_id = :c and detail = 'nothing happened'")
                .param("c", clinic.clinic().id()).query(Long.class).single()).isZero();
    }

    /** Issue 20: the log is hash-chained; an edit or a removal made behind the app's back is found. */
    @Test
    void theChainVerifiesAndAnEditOrARemovalInSqlIsFound() {
        Http owner = apiAs(clinic, Role.OWNER);
        addClient(owner, "Ann", "Lee");
        addClient(owner, "Zoë", "Ñandú");
        Http.Response intact = owner.get(base + "/verify");
        assertThat(intact.status()).as(intact.body()).isEqualTo(200);
        assertThat(intact.json().get("valid").asBoolean()).isTrue();
        long events = intact.json().get("events").asLong();
        assertThat(events).isGreaterThanOrEqualTo(2);
        assertThat(intact.json().get("firstBroken").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) = max(chain_seq) from audit_event where clinic_id = :c")
                .param("c", clinic.clinic().id()).query(Boolean.class).single()).as("1, 2, 3, ... per clinic").isTrue();

        List<Long> ids = jdbc.sql("select id from audit_event where clinic_id = :c order by chain_seq")
                .param("c", clinic.clinic().id()).query(Long.class).list();
        long edited = ids.get(1);
        behindTheAppsBack("update audit_event set detail = 'nothing happened' where clinic_id = :c and id = :id", edited);
        Http.Response broken = owner.get(base + "/verify");
        assertThat(broken.json().get("valid").asBoolean()).isFalse();
        assertThat(broken.json().get("firstBroken").asLong()).isEqualTo(edited);

        Http page = pagesAs(clinic, Role.OWNER);
        Http.Response shown = page.get("/app/clinics/" + clinic.slug() + "/audit/verify");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"chain-broken\"", "Altered.");
        assertThat(apiAs(clinic, Role.ADMIN).get(base + "/verify").status()).isEqualTo(403);
    }

    @Test
    void aRemovedEventBreaksTheChainAtTheOneAfterIt() {
        Http owner = apiAs(clinic, Role.OWNER);
        addClient(owner, "Ann", "Lee");
        addClient(owner, "Bea", "Lee");
        List<Long> ids = jdbc.sql("select id from audit_event where clinic_id = :c order by chain_seq")
                .param("c", clinic.clinic().id()).query(Long.class).list();
        behindTheAppsBack("delete from audit_event where clinic_id = :c and id = :id", ids.get(0));
        Http.Response broken = owner.get(base + "/verify");
        assertThat(broken.json().get("valid").asBoolean()).isFalse();
        assertThat(broken.json().get("firstBroken").asLong()).isEqualTo(ids.get(1));
    }

    @Test
    void concurrentWritersFormOneChain() throws Exception {
        Http owner = apiAs(clinic, Role.OWNER);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<UUID>> added = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                added.add(pool.submit(() -> addClient(owner, "Par" + n, "Allel")));
            }
            for (var f : added) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Http.Response r = owner.get(base + "/verify");
        assertThat(r.json().get("valid").asBoolean()).as(r.body()).isTrue();
        assertThat(r.json().get("events").asLong()).isGreaterThanOrEqualTo(24);
    }

    /** What someone with the database's owner rights could do, triggers off for their session only. */
    void behindTheAppsBack(String sql, long id) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).param("c", clinic.clinic().id()).param("id", id).update();
        });
    }

    @Test
    void aRoleWithOnlyInsertAndSelectCannotEvenTryAsTheDocsSay() {
        // The statements of docs/audit.md, on a fresh role of this database.
        String role = "audit_it_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("create role " + role + " nologin").update();
        jdbc.sql("grant select, insert on audit_event to " + role).update();
        jdbc.sql("revoke update, delete, truncate on audit_event from " + role).update();
        try {
            assertThat(jdbc.sql("select has_table_privilege(:r, 'audit_event', 'UPDATE') or "
                    + "has_table_privilege(:r, 'audit_event', 'DELETE') or has_table_privilege(:r, 'audit_event', 'TRUNCATE')")
                    .param("r", role).query(Boolean.class).single()).isFalse();
            assertThat(jdbc.sql("select has_table_privilege(:r, 'audit_event', 'INSERT') and "
                    + "has_table_privilege(:r, 'audit_event', 'SELECT')")
                    .param("r", role).query(Boolean.class).single()).isTrue();
        } finally {
            jdbc.sql("revoke all on audit_event from " + role).update();
            jdbc.sql("drop role " + role).update();
        }
    }

    @Test
    void aChangeOutsideATransactionCannotBeRecorded() {
        Membership owner = new Membership(clinic.clinic(), Role.OWNER);
        assertThatThrownBy(() -> audit.record(owner, UUID.randomUUID(), AuditAction.UPDATE, AuditResource.ASSESSMENT,
                "no transaction")).isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void ownersBrowseTheLogNewestFirstAPageAtATime() {
        Http owner = apiAs(clinic, Role.OWNER);
        Http nurse = apiAs(clinic, Role.PRACTITIONER);
        UUID ann = addClient(nurse, "Ann", "Lee");
        for (int i = 0; i < 3; i++) {
            nurse.get("/api/v1/clinics/" + clinic.slug() + "/clients/" + ann);
        }
        UUID bo = addClient(owner, "Bo", "Moss");

        JsonNode all = owner.get(base).json();
        assertThat(all.get("clinic").asString()).isEqualTo(clinic.slug());
        JsonNode newest = all.get("events").get(0);
        assertThat(newest.get("action").asString()).isEqualTo("create");
        assertThat(newest.get("clientId").asString()).isEqualTo(bo.toString());
        assertThat(newest.get("clientName").asString()).isEqualTo("Bo Moss");
        assertThat(newest.get("actorRole").asString()).isEqualTo("owner");
        assertThat(newest.get("resource").asString()).isEqualTo("client-record");
        assertThat(newest.get("outcome").asString()).isEqualTo("succeeded");
        assertThat(newest.get("at").asString()).matches("\\d{4}-.*Z");
        assertThat(newest.has("ip")).isTrue();

        UUID nurseId = accounts.findByEmail(clinic.email(Role.PRACTITIONER)).orElseThrow();
        JsonNode reads = owner.get(base + "?clientId=" + ann + "&actorId=" + nurseId + "&action=read&limit=2").json();
        assertThat(reads.get("count").asInt()).isEqualTo(2);
        assertThat(reads.get("nextCursor").asString()).isNotEmpty();
        List<Long> ids = new ArrayList<>();
        reads.get("events").forEach(e -> {
            ids.add(e.get("id").asLong());
            assertThat(e.get("actorId").asString()).isEqualTo(nurseId.toString());
        });
        JsonNode rest = owner.get(reads.get("next").asString()).json();
        assertThat(rest.get("count").asInt()).isEqualTo(1);
        assertThat(rest.get("nextCursor").isNull()).isTrue();
        ids.add(rest.get("events").get(0).get("id").asLong());
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();

        String today = LocalDate.now(clinic.clinic().timeZone()).toString();
        assertThat(owner.get(base + "?from=" + today + "&to=" + today + "&action=create").json().get("count").asInt())
                .isEqualTo(2);
        assertThat(owner.get(base + "?to=" + LocalDate.now().minusDays(3)).json().get("count").asInt()).isZero();
    }

    @Test
    void viewingAndExportingTheLogIsAuditedToo() {
        Http owner = apiAs(clinic, Role.OWNER);
        UUID ann = addClient(owner, "Ann", "Lee");
        owner.get(base + "?clientId=" + ann);
        JsonNode viewed = owner.get(base + "?action=read&limit=1").json().get("events").get(0);
        assertThat(viewed.get("resource").asString()).isEqualTo("audit-log");
        assertThat(viewed.get("clientId").asString()).as("viewed about Ann").isEqualTo(ann.toString());

        owner.get(base + ".csv");
        JsonNode exported = owner.get(base + "?action=export").json().get("events").get(0);
        assertThat(exported.get("resource").asString()).isEqualTo("audit-log");
        assertThat(exported.get("detail").asString()).startsWith("exported ");
    }

    @Test
    void theLogExportsAsCsvByAcceptHeaderOrAddress() {
        Http owner = apiAs(clinic, Role.OWNER);
        addClient(owner, "=cmd", "Lee");

        Http.Response byAccept = owner.get(base, Map.of("Accept", "text/csv"));
        Http.Response byAddress = owner.get(base + ".csv?action=create");
        for (Http.Response csv : List.of(byAccept, byAddress)) {
            assertThat(csv.status()).as(csv.body()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.header("Content-Disposition")).contains("attachment", "audit-" + clinic.slug());
            String[] lines = csv.body().split("\r\n");
            assertThat(lines[0]).isEqualTo(String.join(",", AuditCsv.HEADER));
            assertThat(csv.body()).contains(",create,client-record,client added,succeeded,");
            assertThat(csv.body()).as("no formula in a spreadsheet").contains(",'=cmd Lee,");
        }
        assertThat(owner.get(base + ".csv?action=create").body().split("\r\n")).hasSize(2);

        for (int i = 0; i < 3; i++) {
            owner.get("/api/v1/clinics/" + clinic.slug() + "/clients");
        }
        Http.Response limited = owner.get(base + ".csv?limit=2");
        assertThat(limited.body().split("\r\n")).hasSize(3);
        assertThat(limited.header("X-Next-Cursor")).matches("\\d+");
    }

    @Test
    void onlyOwnersMayReadTheLogAndStrangersDoNotLearnItExists() {
        for (Role role : List.of(Role.ADMIN, Role.PRACTITIONER, Role.FRONT_DESK, Role.CLIENT)) {
            assertThat(apiAs(clinic, role).get(base).status()).as(role.code()).isEqualTo(403);
            assertThat(apiAs(clinic, role).get(base + ".csv").status()).as(role.code()).isEqualTo(403);
            assertThat(pagesAs(clinic, role).get("/app/clinics/" + clinic.slug() + "/audit").status()).as(role.code())
                    .isEqualTo(403);
        }
        JsonNode refused = apiAs(clinic, Role.OWNER).get(base + "?limit=500").json().get("events");
        List<String> refusedRoles = new ArrayList<>();
        refused.forEach(e -> {
            if (e.get("outcome").asString().equals("refused")) {
                refusedRoles.add(e.get("actorRole").asString());
            }
        });
        assertThat(refusedRoles).contains("admin", "practitioner", "front-desk", "client");

        TestClinic other = testClinics.open();
        Http otherOwner = apiAs(other, Role.OWNER);
        assertThat(otherOwner.get(base).status()).isEqualTo(404);
        assertThat(otherOwner.get(base + ".csv").status()).isEqualTo(404);
        assertThat(pagesAs(other, Role.OWNER).get("/app/clinics/" + clinic.slug() + "/audit").status()).isEqualTo(404);
        assertThat(new Http(port).get(base).status()).isEqualTo(401);
        assertThat(otherOwner.get(base.replace(clinic.slug(), "no-such-clinic")).status()).isEqualTo(404);
    }

    @Test
    void theOtherClinicsEventsNeverShow() {
        TestClinic other = testClinics.open();
        UUID theirs = addClientIn(other);
        JsonNode mine = apiAs(clinic, Role.OWNER).get(base + "?clientId=" + theirs).json();
        assertThat(mine.get("count").asInt()).isZero();
        JsonNode all = apiAs(clinic, Role.OWNER).get(base + "?limit=500").json();
        all.get("events").forEach(e -> assertThat(e.get("clinicId").asString()).isEqualTo(clinic.clinic().id().toString()));
    }

    UUID addClientIn(TestClinic other) {
        Http.Response r = apiAs(other, Role.OWNER).postJson("/api/v1/clinics/" + other.slug() + "/clients",
                Map.of("firstName", "Their", "lastName", "Client"));
        return UUID.fromString(r.json().get("id").asString());
    }

    @Test
    void wrongFiltersAreNamedIn400() {
        Http owner = apiAs(clinic, Role.OWNER);
        Http.Response r = owner.get(base + "?from=yesterday&clientId=42&action=peek&limit=0&cursor=x");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"from\"", "\"clientId\"", "\"action\"", "\"limit\"", "\"cursor\"");
        assertThat(owner.get(base + "?from=2026-05-02&to=2026-05-01").status()).isEqualTo(400);

        Http.Response page = pagesAs(clinic, Role.OWNER).get("/app/clinics/" + clinic.slug() + "/audit?from=13-45");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"from-error\"", "value=\"13-45\"");
    }

    @Test
    void theOwnersPageShowsFiltersEntriesAndAnExport() {
        Http owner = pagesAs(clinic, Role.OWNER);
        UUID ann = addClient(apiAs(clinic, Role.PRACTITIONER), "Ann", "<script>alert(1)</script>");
        assertThat(owner.get("/app").body()).contains("href=\"/app/clinics/" + clinic.slug() + "/audit\"");
        Http.Response page = owner.get("/app/clinics/" + clinic.slug() + "/audit");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"from\">", "<label for=\"to\">", "<label for=\"clientId\">",
                "<label for=\"actorId\">", "<label for=\"action\">", "id=\"export-csv\"", "class=\"table table-stack\"",
                "Ann &lt;script&gt;alert(1)&lt;/script&gt;", "(practitioner)", "only this client");
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>");

        Http.Response filtered = owner.get("/app/clinics/" + clinic.slug() + "/audit?clientId=" + ann + "&action=create");
        assertThat(filtered.body()).contains("1 entry on this page", "client added");

        Http.Response csv = owner.get("/app/clinics/" + clinic.slug() + "/audit.csv?clientId=" + ann);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains(ann.toString());
    }
}

package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.ClinicRecords;
import com.clearskin.support.ClinicRecords.Records;
import com.clearskin.support.Endpoints;
import com.clearskin.support.Endpoints.Endpoint;
import com.clearskin.support.Endpoints.Kind;
import com.clearskin.support.Endpoints.Variable;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant isolation, over every address the application answers, read from its own handler mappings
 * (a new endpoint is covered the day it is merged): each role of clinic A calls each of clinic B's
 * addresses, filled with the ids of B's real records, by every method it answers (a body of
 * {@code {}} or an empty form with a valid CSRF token), and must get 404 and none of B's data; A's
 * owner calls A's addresses with B's ids and gets 404; a client of A calls addresses with another
 * client's ids and gets 404. An address that names no clinic must be listed below as public or as
 * the caller's own, with the reason, or the test fails.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    /** Addresses anyone may call, signed in or not, and why that is safe. */
    static final Map<String, String> PUBLIC = Map.ofEntries(
            Map.entry("/", "the home page"),
            Map.entry("/login", "the sign-in page and form"),
            Map.entry("/error", "the error page the container forwards to"),
            Map.entry("/treatments", "the public treatment catalog (shipped defaults, no clinic data)"),
            Map.entry("/treatments/{code}", "one treatment of the public catalog"),
            Map.entry("/consultation", "the public skin consultation: stores nothing"),
            Map.entry("/consultation/answers", "the consultation's answers, judged and shown: stores nothing"),
            Map.entry("/api/v1/treatments", "the public catalog as JSON"),
            Map.entry("/api/v1/treatments/{code}", "one treatment of the public catalog as JSON"),
            Map.entry("/api/v1/sources", "the catalog's source register"),
            Map.entry("/api/v1/recommendations", "stateless public recommendations: stores nothing"),
            Map.entry("/api/v1/auth/tokens", "exchanges an email and password for a token"),
            Map.entry("/api/docs", "the OpenAPI description"),
            Map.entry("/api/docs.yaml", "the OpenAPI description as YAML"),
            Map.entry("/api/docs/swagger-config", "the API explorer's settings"),
            Map.entry("/api/docs/{group}", "the OpenAPI description of one group"),
            Map.entry("/api/explorer", "the API explorer"),
            Map.entry("/swagger-ui.html", "the API explorer (springdoc's address)"),
            Map.entry("/api/v1/clinics/{slug}/availability",
                    "a clinic's free times, for its public booking page: times only, no client or booking data"),
            Map.entry("/api/v1/clinics/{slug}/availability/days",
                    "which days of a clinic have a free time (its booking page's month view): counts only, no client data"),
            Map.entry("/clinics/{slug}/book", "a clinic's public booking page: its bookable treatments and free times"),
            Map.entry("/clinics/{slug}/book/confirm",
                    "the booking page's confirmation: books only for the signed-in client's own record of that clinic"),
            Map.entry("/calendar/{token}.ics", "a calendar feed, reached only with its unguessable, revocable token"),
            Map.entry("/clinics/{slug}/book/details",
                    "a new client's details for a public booking: holds a time for that client only, never shows a record"),
            Map.entry("/api/v1/clinics/{slug}/public-bookings",
                    "a new client's public booking: holds a time for them, answers only its own id and end"),
            Map.entry("/public-bookings/{token}", "a public booking, reached only with its unguessable emailed token"),
            Map.entry("/api/v1/public-bookings/{token}", "a public booking, reached only with its unguessable token"),
            Map.entry("/api/v1/public-bookings/{token}/confirm", "confirms a public booking with its emailed token"),
            Map.entry("/visits/{token}", "a one-click link of a message around a visit, reached only with its emailed token"),
            Map.entry("/api/v1/visit-links/{token}", "a one-click link, reached only with its unguessable emailed token"),
            Map.entry("/api/v1/visit-links/{token}/confirm", "confirms a visit with its emailed single-use token"),
            Map.entry("/api/v1/visit-links/{token}/cancel", "cancels a visit with its emailed single-use token"),
            Map.entry("/api/v1/visit-links/{token}/free-times", "the free times a reschedule token may move its visit to"),
            Map.entry("/api/v1/visit-links/{token}/reschedule", "moves a visit with its emailed single-use token"),
            Map.entry("/api/v1/check-ins/{token}", "a check-in from its emailed single-use token"),
            Map.entry("/preferences/{token}", "a client's message preferences, reached only with the token in a message"),
            Map.entry("/api/v1/message-preferences/{token}", "a client's message preferences, only with the token in a message"),
            Map.entry("/api/v1/message-preferences/{token}/unsubscribe", "RFC 8058 one-click unsubscribe with the token"),
            Map.entry("/clinics/{slug}/sign-up", "signs up as a client: the same answer whatever the email"),
            Map.entry("/api/v1/clinics/{slug}/sign-up", "signs up as a client: always 202, the same answer"),
            Map.entry("/sign-up/{token}", "a sign-up, reached only with its unguessable emailed token"),
            Map.entry("/api/v1/sign-up/{token}/verify", "confirms a sign-up with its emailed token"),
            Map.entry("/api/v1/clinics/{slug}/profile",
                    "the clinic's public face (name, colours, address, policy); setting it is checked for isolation"),
            Map.entry("/clinics/{slug}/logo", "the clinic's public logo"),
            Map.entry("/clinics/{slug}/photos/{id}", "a public photo of the clinic's premises"),
            Map.entry("/clinics/{slug}/theme.css", "the clinic's public colours"),
            Map.entry("/clinics", "the public directory: listed clinics only, their public facts"),
            Map.entry("/api/v1/clinics", "the public directory as JSON: listed clinics only, their public facts"),
            Map.entry("/clinics/{slug}", "a listed clinic's public profile (404 unless listed): no client data"),
            Map.entry("/api/v1/clinics/{slug}/reviews",
                    "a clinic's public reviews: rating, text, month and treatment of the visit, never the client"),
            Map.entry("/clinics/{slug}/referred/{code}",
                    "a referral link: remembers the code in a cookie and redirects to the booking page; shows nothing"),
            Map.entry("/login/throttled", "the sign-in form while throttled: says how long to wait"),
            Map.entry("/password-reset", "asks for a reset link: the same answer whatever the email"),
            Map.entry("/password-reset/{token}", "sets a new password with a single-use, expiring token"),
            Map.entry("/api/v1/auth/password-reset", "asks for a reset link: always 202"),
            Map.entry("/api/v1/auth/password-reset/confirm", "sets a new password with a single-use, expiring token"),
            Map.entry("/invitations/{token}", "an invitation, reached only with its single-use token"),
            Map.entry("/invitations/{token}/accept", "accepts an invitation as the invited email only"),
            Map.entry("/invitations/{token}/register", "creates the invited person's account with the token"),
            Map.entry("/invitations/{token}/sign-in", "signs in to accept an invitation with the token"));

    /** Addresses that name no clinic and serve only the signed-in caller's own things, and why. */
    static final Map<String, String> CALLERS_OWN = Map.ofEntries(
            Map.entry("/app", "the caller's own memberships"),
            Map.entry("/api/v1/auth/tokens/current", "revokes the token the request was sent with"),
            Map.entry("/app/account", "the caller's own account page"),
            Map.entry("/app/account/sign-out-everywhere", "signs the caller out of every session"));

    /**
     * Addresses of Clearskin's own operators across clinics, and why that is safe: only an account with
     * the platform role reaches them; every role of a clinic gets 403 ({@link #clinicStaffReachNoPlatformAddress}).
     */
    static final Map<String, String> PLATFORM = Map.ofEntries(
            Map.entry("/api/v1/platform/licences", "the licence reviewer's queue: platform role only"),
            Map.entry("/api/v1/platform/licences/{id}", "one licence for the reviewer: platform role only"),
            Map.entry("/api/v1/platform/licences/{id}/document", "a licence's document for the reviewer: platform role only"),
            Map.entry("/api/v1/platform/licences/{id}/verification", "the reviewer's decision: platform role only"),
            Map.entry("/app/platform/licences", "the reviewer's queue page: platform role only"),
            Map.entry("/app/platform/licences/{id}", "a licence's review page: platform role only"),
            Map.entry("/app/platform/licences/{id}/document", "a licence's document for the reviewer: platform role only"),
            Map.entry("/app/platform/licences/{id}/verification", "the reviewer's decision form: platform role only"),
            Map.entry("/api/v1/platform/review-reports", "reports of abusive reviews: platform role only"),
            Map.entry("/api/v1/platform/reviews/{id}/hide", "hiding a reported review: platform role only"),
            Map.entry("/app/platform/reviews", "the reported reviews page: platform role only"),
            Map.entry("/app/platform/reviews/{id}/hide", "the hide form: platform role only"));

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClinics testClinics;
    @Autowired
    ClinicRecords clinicRecords;

    Endpoints endpoints;
    Records a;
    Records b;
    final Map<Role, Http> api = new EnumMap<>(Role.class);
    final Map<Role, Http> browser = new EnumMap<>(Role.class);
    final Map<Role, String> csrf = new EnumMap<>(Role.class);
    final Set<String> unknownVariables = new LinkedHashSet<>();
    int calls;
    long started;

    @BeforeAll
    void twoClinicsWithOneOfEverything() {
        started = System.nanoTime();
        endpoints = new Endpoints(mapping, jdbc);
        a = clinicRecords.fill(testClinics.open());
        b = clinicRecords.fill(testClinics.open());
        for (Role role : Role.values()) {
            api.put(role, new Http(port).signInForApi(a.clinic().email(role), TestClinics.PASSWORD));
            Http page = new Http(port);
            assertThat(page.signIn(a.clinic().email(role), TestClinics.PASSWORD).status()).isEqualTo(302);
            csrf.put(role, Http.csrfToken(page.get("/app").body()));
            assertThat(csrf.get(role)).as("a CSRF token on /app").isNotNull();
            browser.put(role, page);
        }
    }

    @AfterAll
    void report() {
        long checked = endpoints.all().stream().filter(this::checked).count();
        System.out.printf("TenantIsolationIT: %d addresses and methods discovered, %d checked, %d public or the "
                        + "caller's own; %d calls in %.1f s; variables with no record behind them: %s%n",
                endpoints.all().size(), checked, endpoints.all().size() - checked, calls,
                (System.nanoTime() - started) / 1e9, unknownVariables.isEmpty() ? "none" : unknownVariables);
    }

    boolean checked(Endpoint e) {
        return e.namesAClinic() && (e.api() || e.page()) && !PUBLIC.containsKey(e.pattern());
    }

    @Test
    void everyAddressIsCheckedHereOrListedAsPublicOrTheCallersOwnWithAReason() {
        List<String> unlisted = new ArrayList<>();
        for (Endpoint e : endpoints.all()) {
            if (checked(e) || PUBLIC.containsKey(e.pattern()) || CALLERS_OWN.containsKey(e.pattern())
                    || PLATFORM.containsKey(e.pattern())) {
                continue;
            }
            unlisted.add(e + (e.namesAClinic() ? " (names a clinic but is neither under /api nor /app)" : ""));
        }
        assertThat(unlisted).as("addresses that are neither checked for isolation nor listed in PUBLIC or "
                + "CALLERS_OWN with a reason").isEmpty();
        assertThat(endpoints.all().stream().filter(this::checked).map(Endpoint::pattern).distinct())
                .as("the clinic addresses known today are among those discovered")
                .contains("/api/v1/clinics/{slug}/clients/{id}/assessments", "/app/clinics/{slug}/clients/{id}",
                        "/api/v1/clinics/{slug}/treatments/{code}", "/app/clinics/{slug}/rule-settings");
    }

    @Test
    void clinicStaffReachNoPlatformAddress() {
        String licence = jdbc.sql("select id::text from licence where clinic_id = :c limit 1").param("c", b.clinic().clinic().id())
                .query(String.class).single();
        List<String> failures = new ArrayList<>();
        for (Endpoint e : endpoints.all()) {
            if (!PLATFORM.containsKey(e.pattern())) {
                continue;
            }
            String path = Endpoints.fill(e.pattern(), Map.of("id", licence));
            for (Role role : Role.values()) {
                Http.Response r;
                if (e.api()) {
                    r = api.get(role).send(e.method(), path, "application/json",
                            "{\"decision\":\"verified\",\"note\":\"x\"}", Map.of());
                } else if (e.method().equals("GET")) {
                    r = browser.get(role).get(path);
                } else {
                    r = browser.get(role).postFormRaw(path, Map.of("_csrf", csrf.get(role), "decision", "verified"));
                }
                calls++;
                if (r.status() != 403) {
                    failures.add(e + " as " + role.code() + ": " + r.status());
                }
            }
        }
        assertThat(failures).as("platform addresses reached by clinic staff").isEmpty();
        assertThat(jdbc.sql("select count(*) from licence_verification where clinic_id = :c")
                .param("c", b.clinic().clinic().id()).query(Integer.class).single()).isZero();
    }

    @Test
    void nobodyOfClinicAReachesAnythingOfClinicB() {
        List<String> failures = new ArrayList<>();
        for (Endpoint e : endpoints.all()) {
            if (!checked(e)) {
                continue;
            }
            String path = Endpoints.fill(e.pattern(), values(e, b, null));
            for (Role role : Role.values()) {
                Http.Response r = call(e, path, role);
                expectNothingOf(b, e, path, role + " of A", r, failures, null);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void inTheirOwnClinicAnOwnerReachesNoRecordOfAnotherClinic() {
        List<String> failures = new ArrayList<>();
        for (Endpoint e : endpoints.all()) {
            if (!checked(e) || !addressesRecords(e, false)) {
                continue;
            }
            Map<String, String> values = values(e, b, null);
            values.put("slug", a.slug());
            String path = Endpoints.fill(e.pattern(), values);
            Http.Response r = call(e, path, Role.OWNER);
            expectNothingOf(b, e, path, "owner of A", r, failures, () -> call(e, withRandomIds(e, values), Role.OWNER));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aClientReachesNoOtherClientsRecords() {
        List<String> failures = new ArrayList<>();
        int covered = 0;
        for (Endpoint e : endpoints.all()) {
            if (!checked(e) || !addressesRecords(e, true)) {
                continue;
            }
            covered++;
            Map<String, String> values = values(e, a, a.self().id());
            String path = Endpoints.fill(e.pattern(), values);
            Http.Response r = call(e, path, Role.CLIENT);
            expectNothingOf(a, e, path, "client of A", r, failures, () -> call(e, withRandomIds(e, values), Role.CLIENT));
        }
        assertThat(covered).as("addresses with a client's records").isGreaterThanOrEqualTo(6);
        assertThat(failures).isEmpty();
    }

    @Test
    void theClientsOwnRecordIsTheirsToRead() {
        String own = "/api/v1/clinics/" + a.slug() + "/clients/" + a.self().id();
        assertThat(api.get(Role.CLIENT).get(own).status()).isEqualTo(200);
        assertThat(api.get(Role.CLIENT).get(own + "/assessments").status()).isEqualTo(200);
        assertThat(browser.get(Role.CLIENT).get("/app/clinics/" + a.slug() + "/clients/" + a.self().id()).status())
                .isEqualTo(200);
    }

    /** Whether the address names a record of the clinic (or, with {@code ofAClient}, a record of one client). */
    boolean addressesRecords(Endpoint e, boolean ofAClient) {
        return e.variables().stream().map(v -> endpoints.variable(e.pattern(), v).kind())
                .anyMatch(k -> k == Kind.CLIENT_RECORD || !ofAClient && k == Kind.RECORD);
    }

    /** The values of the address's variables: the clinic's slug and ids of its records (not of {@code notOf}). */
    Map<String, String> values(Endpoint e, Records clinic, UUID notOf) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : e.variables()) {
            Variable v = endpoints.variable(e.pattern(), name);
            values.put(name, switch (v.kind()) {
                case CLINIC -> clinic.slug();
                case SHARED_CODE -> ClinicRecords.TREATMENT;
                case RECORD, CLIENT_RECORD -> endpoints.idIn(v, clinic.clinic().clinic().id(), notOf);
                case UNKNOWN -> {
                    unknownVariables.add(e.pattern() + " {" + name + "}");
                    yield UUID.randomUUID().toString();
                }
            });
        }
        return values;
    }

    String withRandomIds(Endpoint e, Map<String, String> values) {
        Map<String, String> random = new LinkedHashMap<>(values);
        for (String name : e.variables()) {
            Kind kind = endpoints.variable(e.pattern(), name).kind();
            if (kind == Kind.RECORD || kind == Kind.CLIENT_RECORD) {
                random.put(name, UUID.randomUUID().toString());
            }
        }
        return Endpoints.fill(e.pattern(), random);
    }

    /**
     * 404, and none of the clinic's marked data. Where {@code sameAsUnknown} is given (a member in
     * their own clinic), an answer that is exactly what a random id gets (a 403 of the role, a 400 of
     * the body) reveals nothing either and is accepted; a success or a 5xx never is.
     */
    void expectNothingOf(Records owner, Endpoint e, String path, String who, Http.Response r, List<String> failures,
            java.util.function.Supplier<Http.Response> sameAsUnknown) {
        boolean leaked = r.body() != null && r.body().contains(owner.marker());
        boolean ok = r.status() == 404;
        if (!ok && sameAsUnknown != null && r.status() >= 400 && r.status() < 500) {
            ok = sameAsUnknown.get().status() == r.status();
        }
        if (!ok || leaked) {
            failures.add(who + ": " + e.method() + " " + path + " answered " + r.status()
                    + (leaked ? " WITH THE OTHER'S DATA" : "") + ": " + abbreviate(r.body()));
        }
    }

    Http.Response call(Endpoint e, String path, Role role) {
        calls++;
        boolean hasBody = !e.method().equals("GET") && !e.method().equals("DELETE");
        if (e.api()) {
            return api.get(role).send(e.method(), path, hasBody ? "application/json" : null, hasBody ? "{}" : null,
                    Map.of());
        }
        String token = csrf.get(role);
        return browser.get(role).send(e.method(), path, hasBody ? "application/x-www-form-urlencoded" : null,
                hasBody ? "_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8) : null,
                Map.of("X-XSRF-TOKEN", token));
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        int main = body.indexOf("<main");
        String flat = (main < 0 ? body : body.substring(main).replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}

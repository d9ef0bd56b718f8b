package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Permissions.Decision;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.support.ClinicRecords;
import com.clearskin.support.ClinicRecords.Records;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The permission table of the README, row by row, against the running application: every role of
 * the clinic gets what {@link Permissions} decides (allowed: 2xx; refused: 403; hidden: 404), and a
 * member of another clinic gets 404 on every row. "Their client" is real: the clinic assigned the
 * practitioner to {@code other}, and nobody to {@code stranger}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionsIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    ClinicRecords clinicRecords;
    @Autowired
    Clients clients;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Records a;
    Client stranger;
    Client walkIn;
    final Map<Role, Http> api = new EnumMap<>(Role.class);
    final Map<Role, Http> pages = new EnumMap<>(Role.class);
    Http outsiderApi;
    Http outsiderPages;

    /** One request of a row: what it does and to which client, if any. */
    record Check(String what, Capability capability, String method, String path, Client about, Object body) {
    }

    @BeforeAll
    void aClinicWithOneOfEverything() {
        a = clinicRecords.fill(testClinics.open());
        stranger = clients.create(a.clinic().clinic(), new NewClient("Stranger", "Client" + a.marker(), null, null, null));
        walkIn = clients.create(a.clinic().clinic(), new NewClient("Walk", "In" + a.marker(), null, null, null));
        for (Role role : Role.values()) {
            api.put(role, new Http(port).signInForApi(a.clinic().email(role), TestClinics.PASSWORD));
            Http page = new Http(port);
            assertThat(page.signIn(a.clinic().email(role), TestClinics.PASSWORD).status()).isEqualTo(302);
            pages.put(role, page);
        }
        var other = testClinics.open();
        outsiderApi = new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD);
        outsiderPages = new Http(port);
        outsiderPages.signIn(other.email(Role.OWNER), TestClinics.PASSWORD);
    }

    String clinicApi() {
        return "/api/v1/clinics/" + a.slug();
    }

    String clinicPages() {
        return "/app/clinics/" + a.slug();
    }

    /** Who the role's person is to the client, as the application works it out. */
    ClientRelation relation(Role role, Client client) { // walkIn: before anyone records their intake
        if (client == null) {
            return ClientRelation.NONE;
        }
        if (role == Role.CLIENT) {
            return client.id().equals(a.self().id()) ? ClientRelation.SELF : ClientRelation.OTHER;
        }
        return role == Role.PRACTITIONER && client.id().equals(a.other().id()) ? ClientRelation.TREATING
                : ClientRelation.OTHER;
    }

    int expected(Role role, Check check) {
        Decision decision = Permissions.decide(role, check.capability(), relation(role, check.about()));
        if (decision == Decision.FORBID) {
            decision = Permissions.refusal(role, check.path().matches(".*/(treatments|clients)/[^/]+.*"));
        }
        return switch (decision) {
            case ALLOW -> 200;
            case FORBID -> 403;
            case HIDE -> 404;
        };
    }

    Http.Response send(Http http, Check check) {
        boolean page = check.path().startsWith("/app/");
        return switch (check.method()) {
            case "GET" -> http.get(check.path());
            case "DELETE" -> http.delete(check.path());
            case "PUT" -> http.putJson(check.path(), check.body() == null ? Map.of() : check.body(), Map.of());
            case "POST" -> page ? http.postForm(check.path(), "/app", Map.of())
                    : http.postJson(check.path(), check.body() == null ? Map.of() : check.body());
            default -> throw new IllegalArgumentException(check.method());
        };
    }

    void verify(List<Check> checks) {
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Check check : checks) {
            for (Role role : Role.values()) {
                Http http = check.path().startsWith("/app/") ? pages.get(role) : api.get(role);
                Http.Response r = send(http, check);
                int want = expected(role, check);
                boolean ok = want == 200 ? r.status() >= 200 && r.status() < 300 : r.status() == want;
                if (!ok) {
                    wrong.put(check.what() + " as " + role, "expected " + (want == 200 ? "2xx" : want) + " but got "
                            + r.status());
                }
                if (want != 200) {
                    assertThat(r.body()).as(check.what() + " as " + role + " shows no medical answer")
                            .doesNotContain("pregnantOrBreastfeeding\":true");
                }
            }
            Http outsider = check.path().startsWith("/app/") ? outsiderPages : outsiderApi;
            int status = send(outsider, check).status();
            if (status != 404) {
                wrong.put(check.what() + " as a member of another clinic", "expected 404 but got " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void catalogAndRuleSettings() {
        verify(List.of(
                new Check("read the catalog", Capability.READ_CATALOG, "GET", clinicApi() + "/treatments", null, null),
                new Check("read a treatment", Capability.READ_CATALOG, "GET",
                        clinicApi() + "/treatments/" + ClinicRecords.TREATMENT, null, null),
                new Check("reset a treatment", Capability.EDIT_CATALOG, "POST",
                        clinicApi() + "/treatments/" + ClinicRecords.TREATMENT + "/reset", null, null),
                new Check("the catalog editor page", Capability.EDIT_CATALOG, "GET",
                        clinicPages() + "/treatments/" + ClinicRecords.TREATMENT + "/edit", null, null),
                new Check("read the rule settings", Capability.READ_RULE_SETTINGS, "GET", clinicApi() + "/rule-settings",
                        null, null),
                new Check("reset the rule settings", Capability.EDIT_RULE_SETTINGS, "DELETE",
                        clinicApi() + "/rule-settings", null, null)));
    }

    @Test
    void theClinicsProfile() {
        verify(List.of(
                new Check("set the clinic's profile", Capability.EDIT_CLINIC_PROFILE, "PUT", clinicApi() + "/profile",
                        null, Map.of("displayName", "Clinic " + a.marker())),
                new Check("the clinic profile page", Capability.EDIT_CLINIC_PROFILE, "GET", clinicPages() + "/profile",
                        null, null)));
    }

    @Test
    void instrumentHygiene() {
        verify(List.of(
                new Check("add a sterilizer", Capability.RECORD_STERILIZATION, "POST", clinicApi() + "/sterilizers",
                        null, Map.of("name", "Autoclave " + a.marker(), "kind", "dry-heat", "serial", "S-1")),
                new Check("the sterilization log", Capability.READ_STERILIZATION_LOG, "GET", clinicApi() + "/sterilization-log",
                        null, null),
                new Check("the sterilization page", Capability.READ_STERILIZATION_LOG, "GET", clinicPages() + "/sterilization",
                        null, null)));
    }

    @Test
    void clientsAndTheirContactDetails() {
        verify(List.of(
                new Check("list clients", Capability.LIST_CLIENTS, "GET", clinicApi() + "/clients", null, null),
                new Check("the clients page", Capability.LIST_CLIENTS, "GET", clinicPages() + "/clients", null, null),
                new Check("add a client", Capability.LIST_CLIENTS, "POST", clinicApi() + "/clients",
                        null, Map.of("firstName", "New", "lastName", "Person")),
                new Check("read one's own record", Capability.READ_CLIENT, "GET",
                        clinicApi() + "/clients/" + a.self().id(), a.self(), null),
                new Check("read another client", Capability.READ_CLIENT, "GET",
                        clinicApi() + "/clients/" + stranger.id(), stranger, null),
                new Check("another client's page", Capability.READ_CLIENT, "GET",
                        clinicPages() + "/clients/" + stranger.id(), stranger, null)));
    }

    @Test
    void medicalAnswersAndRecommendations() {
        verify(List.of(
                new Check("assessments of the practitioner's client", Capability.READ_MEDICAL_ANSWERS, "GET",
                        clinicApi() + "/clients/" + a.other().id() + "/assessments", a.other(), null),
                new Check("assessments of a client nobody treats", Capability.READ_MEDICAL_ANSWERS, "GET",
                        clinicApi() + "/clients/" + stranger.id() + "/assessments", stranger, null),
                new Check("one's own assessments", Capability.READ_MEDICAL_ANSWERS, "GET",
                        clinicApi() + "/clients/" + a.self().id() + "/assessments", a.self(), null),
                new Check("the recommendation for the practitioner's client", Capability.READ_RECOMMENDATION, "GET",
                        clinicApi() + "/clients/" + a.other().id() + "/recommendation", a.other(), null),
                new Check("the intake form for the practitioner's client", Capability.RECORD_ASSESSMENT, "GET",
                        clinicPages() + "/clients/" + a.other().id() + "/assessments/new", a.other(), null),
                new Check("the intake form for a client nobody treats", Capability.RECORD_ASSESSMENT, "GET",
                        clinicPages() + "/clients/" + stranger.id() + "/assessments/new", stranger, null)));
    }

    @Test
    void assigningAClientsPractitioner() {
        verify(List.of(
                new Check("assign the practitioner to their client again", Capability.ASSIGN_PRACTITIONER, "PUT",
                        clinicApi() + "/clients/" + a.other().id() + "/practitioner", a.other(),
                        Map.of("practitionerId", a.practitioner().toString())),
                new Check("remove the practitioner of a client nobody treats", Capability.ASSIGN_PRACTITIONER,
                        "DELETE", clinicApi() + "/clients/" + stranger.id() + "/practitioner", stranger, null),
                new Check("read who treats a client", Capability.READ_CLIENT, "GET",
                        clinicApi() + "/clients/" + stranger.id() + "/practitioner", stranger, null)));
    }

    @Test
    void theClientPageShowsMedicalAnswersOnlyToThoseWhoMaySeeThem() {
        String page = clinicPages() + "/clients/" + a.other().id();
        Map<Role, Boolean> shown = new EnumMap<>(Role.class);
        for (Role role : Role.STAFF) {
            shown.put(role, pages.get(role).get(page).body().contains("id=\"history\""));
        }
        assertThat(shown).isEqualTo(Map.of(Role.OWNER, true, Role.ADMIN, true, Role.PRACTITIONER, true,
                Role.FRONT_DESK, false));
        assertThat(pages.get(Role.PRACTITIONER).get(clinicPages() + "/clients/" + stranger.id()).body())
                .as("not the practitioner's client").doesNotContain("id=\"history\"");
    }

    @Test
    void recordingAnIntakeOwnersAdminsTheTreatingPractitionerOrTheClientThemself() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            Client about = role == Role.CLIENT ? a.self() : walkIn;
            Check check = new Check("record an assessment", Capability.RECORD_ASSESSMENT, "POST",
                    clinicApi() + "/clients/" + about.id() + "/assessments", about,
                    Map.of("skinType", "dry", "fitzpatrick", 2, "concerns", List.of("dullness"), "bodyAreas",
                            List.of("face")));
            int want = expected(role, check);
            int got = send(api.get(role), check).status();
            if (want == 200 ? got != 201 : got != want) {
                wrong.add(role + ": expected " + want + " got " + got);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(api.get(Role.PRACTITIONER).get(clinicApi() + "/clients/" + walkIn.id() + "/assessments").status())
                .as("owners' and admins' intakes do not make the client the practitioner's").isEqualTo(403);
        assertThat(api.get(Role.PRACTITIONER).get(clinicApi() + "/clients/" + a.other().id() + "/assessments").status())
                .as("an assigned practitioner treats").isEqualTo(200);
    }

    String idOf(String table) { // the table names are constants of this test
        return jdbc.sql("select id::text from " + table + " where clinic_id = :c and client_id = :client limit 1")
                .param("c", a.clinic().clinic().id()).param("client", a.other().id()).query(String.class).single();
    }

    @Test
    void consentsAndClinicalRecords() {
        String consent = idOf("consent_signature");
        String session = idOf("treatment_session");
        verify(List.of(
                new Check("read the consent forms", Capability.READ_CONSENT_FORMS, "GET", clinicApi() + "/consent-forms",
                        null, null),
                new Check("read the consent settings", Capability.READ_CONSENT_FORMS, "GET",
                        clinicApi() + "/consent-settings", null, null),
                new Check("the consent forms page", Capability.EDIT_RECORD_SETTINGS, "GET",
                        clinicPages() + "/consent-forms", null, null),
                new Check("change the consent validity", Capability.EDIT_RECORD_SETTINGS, "PUT",
                        clinicApi() + "/consent-settings", null, Map.of("validMonths", 12)),
                new Check("a consent of the practitioner's client", Capability.READ_CONSENT, "GET",
                        clinicApi() + "/consents/" + consent, a.other(), null),
                new Check("the consents of the practitioner's client", Capability.READ_CONSENT, "GET",
                        clinicApi() + "/clients/" + a.other().id() + "/consents", a.other(), null),
                new Check("the session record of the practitioner's client", Capability.READ_RECORD, "GET",
                        clinicApi() + "/sessions/" + session, a.other(), null),
                new Check("the session record as PDF", Capability.READ_RECORD, "GET",
                        clinicApi() + "/sessions/" + session + ".pdf", a.other(), null),
                new Check("the session screen", Capability.READ_RECORD, "GET",
                        clinicPages() + "/sessions/" + session, a.other(), null),
                new Check("the session history of the practitioner's client", Capability.READ_RECORD, "GET",
                        clinicApi() + "/clients/" + a.other().id() + "/sessions", a.other(), null),
                new Check("the session history of a client nobody treats", Capability.READ_RECORD, "GET",
                        clinicApi() + "/clients/" + stranger.id() + "/sessions", stranger, null)));
    }
}

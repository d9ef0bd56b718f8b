package com.clearskin.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

@IntegrationTest
class ClientApiIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.clearskin.support.TestCare care;

    TestClinic clinic;
    String base;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        base = "/api/v1/clinics/" + clinic.slug() + "/clients";
    }

    Http as(Role role) {
        return signedIn(clinic.email(role), TestClinics.PASSWORD);
    }

    Http signedIn(String email, String password) {
        return new Http(port).signInForApi(email, password);
    }

    static Map<String, Object> person(String first, String last) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("email", first.toLowerCase() + "@example.com");
        body.put("phone", "+1 (555) 010-0199");
        body.put("dateOfBirth", "1990-06-15");
        return body;
    }

    String create(Http http, Map<String, Object> body) {
        Http.Response r = http.postJson(base, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** An intake with every medical answer given, so that only what a test changes matters. */
    static Map<String, Object> intake(String asOf) {
        Map<String, Object> medical = new LinkedHashMap<>();
        for (String flag : List.of("pregnantOrBreastfeeding", "activeInfectionInArea", "coldSoreHistory",
                "sunburnOrRecentTan", "openWoundsInArea", "keloidTendency", "rosaceaOrEczemaFlare", "psoriasisFlare",
                "photosensitizingMedication", "autoimmuneOrImmunosuppressed", "recentChemotherapy", "skinCancerInArea",
                "pacemakerOrMetalInArea", "epilepsy", "salicylateAllergy")) {
            medical.put(flag, false);
        }
        medical.put("isotretinoinLastTaken", "never");
        medical.put("topicalRetinoidLastUsed", "never");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("skinType", "acne-prone");
        body.put("fitzpatrick", 3);
        body.put("concerns", List.of("acne-scars", "texture"));
        body.put("bodyAreas", List.of("face"));
        body.put("medical", medical);
        body.put("asOf", asOf);
        return body;
    }

    @Test
    void staffAddAClientAndReadItBack() {
        Http frontDesk = as(Role.FRONT_DESK);
        Http.Response created = frontDesk.postJson(base, person("Maya", "Lopez"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode client = created.json();
        String id = client.get("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.header("Location")).endsWith(base + "/" + id);
        assertThat(client.get("firstName").asString()).isEqualTo("Maya");
        assertThat(client.get("lastName").asString()).isEqualTo("Lopez");
        assertThat(client.get("email").asString()).isEqualTo("maya@example.com");
        assertThat(client.get("phone").asString()).isEqualTo("+1 (555) 010-0199");
        assertThat(client.get("dateOfBirth").asString()).isEqualTo("1990-06-15");
        assertThat(client.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        Http.Response read = frontDesk.get(base + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(client);
        JsonNode list = frontDesk.get(base).json();
        assertThat(list.get("count").asInt()).isEqualTo(1);
        assertThat(list.get("clients").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void onlyTheNamesAreRequired() {
        Http.Response r = as(Role.ADMIN).postJson(base, Map.of("firstName", " Ann ", "lastName", "Lee", "email", "",
                "phone", "  "));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("firstName").asString()).isEqualTo("Ann");
        assertThat(r.json().get("email").isNull()).isTrue();
        assertThat(r.json().get("phone").isNull()).isTrue();
        assertThat(r.json().get("dateOfBirth").isNull()).isTrue();
    }

    @Test
    void listsAreOrderedByLastNameThenFirstNameAndSearchable() {
        Http owner = as(Role.OWNER);
        create(owner, person("Zoe", "adams"));
        create(owner, person("Bea", "Young"));
        create(owner, person("Al", "Adams"));
        create(owner, person("Cy", "Moss_100%"));

        JsonNode all = owner.get(base).json();
        assertThat(all.get("count").asInt()).isEqualTo(4);
        assertThat(names(all)).containsExactly("Al Adams", "Zoe adams", "Cy Moss_100%", "Bea Young");
        assertThat(names(owner.get(base + "?q=ADAMS").json())).containsExactly("Al Adams", "Zoe adams");
        assertThat(names(owner.get(base + "?q=zoe%20ad").json())).containsExactly("Zoe adams");
        assertThat(names(owner.get(base + "?q=adams%2C%20al").json())).containsExactly("Al Adams");
        assertThat(names(owner.get(base + "?q=_100%25").json())).containsExactly("Cy Moss_100%");
        assertThat(names(owner.get(base + "?q=%25").json())).containsExactly("Cy Moss_100%");
        assertThat(owner.get(base + "?q=nobody").json().get("count").asInt()).isZero();
    }

    @Test
    void everyWrongFieldIsNamedInOne400() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", " ");
        body.put("lastName", "x".repeat(101));
        body.put("email", "not-an-email");
        body.put("phone", "call me maybe");
        body.put("dateOfBirth", LocalDate.now(ZoneId.of("Europe/London")).plusDays(2).toString());

        Http.Response r = as(Role.OWNER).postJson(base, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(errors(r)).containsOnlyKeys("firstName", "lastName", "email", "phone", "dateOfBirth");
        assertThat(errors(r).get("firstName")).isEqualTo("is required");
        assertThat(errors(r).get("lastName")).isEqualTo("must be at most 100 characters");
        assertThat(errors(r).get("dateOfBirth")).startsWith("is in the future");
        assertThat(as(Role.OWNER).get(base).json().get("count").asInt()).isZero();
    }

    @Test
    void eachFieldRuleOnItsOwn() {
        Http owner = as(Role.OWNER);
        assertThat(errors(owner.postJson(base, Map.of()))).containsOnlyKeys("firstName", "lastName");
        assertThat(errors(owner.postJson(base, with("dateOfBirth", "1899-12-31"))))
                .containsExactly(Map.entry("dateOfBirth", "must be in 1900 or later"));
        assertThat(errors(owner.postJson(base, with("dateOfBirth", "15/06/1990")))).containsOnlyKeys("dateOfBirth");
        assertThat(errors(owner.postJson(base, with("dateOfBirth", "1990-02-30")))).containsOnlyKeys("dateOfBirth");
        assertThat(errors(owner.postJson(base, with("phone", "1".repeat(31))))).containsOnlyKeys("phone");
        assertThat(errors(owner.postJson(base, with("phone", "+-()")))).containsOnlyKeys("phone");
        assertThat(errors(owner.postJson(base, with("email", "a@b")))).containsOnlyKeys("email");
        assertThat(errors(owner.postJson(base, with("firstName", "x".repeat(101))))).containsOnlyKeys("firstName");
        assertThat(owner.postJson(base, with("firstName", "x".repeat(100))).status()).isEqualTo(201);
        assertThat(owner.postJson(base, with("dateOfBirth", "1900-01-01")).status()).isEqualTo(201);
        assertThat(owner.postJson(base, with("phone", "(020) 7946 0958")).status()).isEqualTo(201);
    }

    @Test
    void malformedJsonAndWrongTypesAre400s() {
        Http owner = as(Role.OWNER);
        Http.Response malformed = owner.postJson(base, "{\"firstName\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(errors(malformed)).containsOnlyKeys("body");
        Http.Response object = owner.postJson(base, "{\"firstName\": {\"a\": 1}, \"lastName\": \"Lee\"}");
        assertThat(object.status()).isEqualTo(400);
        assertThat(errors(object)).containsOnlyKeys("firstName");
        assertThat(owner.postJson(base, "").status()).isEqualTo(400);
        assertThat(owner.postJson(base + "/" + create(owner, person("Ann", "Lee")) + "/assessments", "{\"age\": ")
                .status()).isEqualTo(400);
    }

    @Test
    void anUnknownOrMalformedIdIs404NeverAnError() {
        Http owner = as(Role.OWNER);
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "123", "1-1-1-1-1",
                "00000000-0000-0000-0000-00000000000g")) {
            for (String path : List.of("", "/assessments", "/recommendation")) {
                Http.Response r = owner.get(base + "/" + id + path);
                assertThat(r.status()).as(id + path).isEqualTo(404);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
            assertThat(owner.postJson(base + "/" + id + "/assessments", intake("2026-01-01")).status()).isEqualTo(404);
        }
    }

    @Test
    void aClientOfAnotherClinicIsNotFoundThroughYourClinic() {
        String id = create(as(Role.OWNER), person("Ann", "Lee"));
        Http outsider = signedIn("owner@second.test", IntegrationTest.DEMO_PASSWORD);
        assertThat(outsider.get("/api/v1/clinics/second/clients/" + id).status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/clinics/second/clients/" + id + "/assessments").status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/clinics/second/clients").body()).doesNotContain(id);
    }

    @Test
    void whoMayDoWhat() {
        String id = create(as(Role.OWNER), person("Ann", "Lee"));
        assertThat(as(Role.OWNER).postJson(base + "/" + id + "/assessments", intake(today())).status()).isEqualTo(201);
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // list, create, read, list assessments, record an assessment, recommendation. The practitioner does
        // not treat Ann until the clinic assigns her to them (recording an intake grants nothing); the client
        // is told nothing of another client.
        expected.put("owner", List.of(200, 201, 200, 200, 201, 200));
        expected.put("admin", List.of(200, 201, 200, 200, 201, 200));
        expected.put("practitioner", List.of(200, 201, 200, 403, 403, 403));
        expected.put("front-desk", List.of(200, 201, 200, 403, 403, 403));
        expected.put("client", List.of(403, 403, 404, 404, 404, 404));
        expected.put("other clinic", List.of(404, 404, 404, 404, 404, 404));
        expected.put("no token", List.of(401, 401, 401, 401, 401, 401));

        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String who : expected.keySet()) {
            Http http = switch (who) {
                case "other clinic" -> signedIn("owner@second.test", IntegrationTest.DEMO_PASSWORD);
                case "no token" -> new Http(port);
                default -> as(Role.fromCode(who).orElseThrow());
            };
            List<Http.Response> responses = List.of(http.get(base), http.postJson(base, person("New", who)),
                    http.get(base + "/" + id), http.get(base + "/" + id + "/assessments"),
                    http.postJson(base + "/" + id + "/assessments", intake(today())),
                    http.get(base + "/" + id + "/recommendation"));
            actual.put(who, responses.stream().map(Http.Response::status).toList());
            responses.stream().filter(r -> r.status() >= 400).forEach(r -> {
                assertThat(r.contentType()).as(who).startsWith("application/problem+json");
                assertThat(r.body()).as(who + " sees no health answers").doesNotContain("acne-scars", "pregnant");
            });
        }
        assertThat(actual).isEqualTo(expected);

        care.assignPractitioner(clinic, id);
        Http practitioner = as(Role.PRACTITIONER);
        assertThat(List.of(practitioner.get(base + "/" + id + "/assessments").status(),
                practitioner.postJson(base + "/" + id + "/assessments", intake(today())).status(),
                practitioner.get(base + "/" + id + "/recommendation").status()))
                .as("assigned, the practitioner treats Ann").containsExactly(200, 201, 200);
    }

    @Test
    void theHistoryKeepsEveryAssessmentNewestFirst() {
        Http practitioner = as(Role.PRACTITIONER);
        String id = create(practitioner, person("Ann", "Lee"));
        care.assignPractitioner(clinic, id);
        String assessments = base + "/" + id + "/assessments";
        assertThat(as(Role.ADMIN).get(assessments).json().get("count").asInt()).isZero();

        Http.Response first = practitioner.postJson(assessments, intake("2026-01-10"));
        Map<String, Object> later = intake("2026-03-10");
        later.put("skinType", "dry");
        Http.Response second = as(Role.ADMIN).postJson(assessments, later);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        JsonNode created = first.json();
        assertThat(created.get("id").asString()).isNotBlank();
        assertThat(created.get("recordedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(created.get("recordedBy").get("name").asString()).startsWith("Practitioner");
        assertThat(created.get("assessment").get("skinType").asString()).isEqualTo("acne-prone");
        JsonNode history = practitioner.get(assessments).json();
        assertThat(history.get("count").asInt()).isEqualTo(2);
        assertThat(history.get("client").asString()).isEqualTo(id);
        JsonNode newest = history.get("assessments").get(0);
        JsonNode oldest = history.get("assessments").get(1);
        assertThat(newest.get("id").asString()).isEqualTo(second.json().get("id").asString());
        assertThat(newest.get("assessment").get("skinType").asString()).isEqualTo("dry");
        assertThat(newest.get("recordedBy").get("name").asString()).startsWith("Admin");
        assertThat(oldest).as("the first assessment is kept exactly as recorded").isEqualTo(created);
    }

    @Test
    void theDatabaseRefusesToChangeARecordedAssessment() {
        Http owner = as(Role.OWNER);
        String id = create(owner, person("Ann", "Lee"));
        String assessment = owner.postJson(base + "/" + id + "/assessments", intake(today())).json().get("id").asString();

        assertThatThrownBy(() -> jdbc.sql("update client_assessment set assessment = '{}' where id = :id")
                .param("id", UUID.fromString(assessment)).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(owner.get(base + "/" + id + "/assessments").json().get("assessments").get(0).get("assessment")
                .get("skinType").asString()).isEqualTo("acne-prone");
    }

    @Test
    void theApiDocumentationDescribesTheClientEndpoints() {
        String docs = new Http(port).get("/api/docs").body();
        assertThat(docs).contains("/api/v1/clinics/{slug}/clients", "/api/v1/clinics/{slug}/clients/{id}",
                "/api/v1/clinics/{slug}/clients/{id}/assessments", "/api/v1/clinics/{slug}/clients/{id}/recommendation");
    }

    @Test
    void theAgeComesFromTheDateOfBirthAtTheAssessmentDate() {
        Http owner = as(Role.OWNER);
        String assessments = base + "/" + create(owner, person("Ann", "Lee")) + "/assessments"; // born 1990-06-15
        assertThat(owner.postJson(assessments, intake("2026-06-14")).json().get("assessment").get("age").asInt())
                .isEqualTo(35);
        assertThat(owner.postJson(assessments, intake("2026-06-15")).json().get("assessment").get("age").asInt())
                .isEqualTo(36);
        Map<String, Object> given = intake("2026-06-15");
        given.put("age", 40);
        assertThat(owner.postJson(assessments, given).json().get("assessment").get("age").asInt())
                .as("an age given is kept").isEqualTo(40);
        Http.Response beforeBirth = owner.postJson(assessments, intake("1989-01-01"));
        assertThat(beforeBirth.status()).isEqualTo(400);
        assertThat(errors(beforeBirth)).containsOnlyKeys("asOf");

        Map<String, Object> unborn = person("Bo", "Ray");
        unborn.remove("dateOfBirth");
        String withoutBirth = base + "/" + create(owner, unborn) + "/assessments";
        assertThat(owner.postJson(withoutBirth, intake("2026-06-15")).json().get("assessment").get("age").isNull())
                .isTrue();
    }

    @Test
    void asOfDefaultsToTodayInTheClinic() {
        Http owner = as(Role.OWNER);
        Map<String, Object> body = intake(null);
        body.remove("asOf");
        JsonNode a = owner.postJson(base + "/" + create(owner, person("Ann", "Lee")) + "/assessments", body).json();
        assertThat(a.get("assessment").get("asOf").asString()).isEqualTo(today());
    }

    @Test
    void badAssessmentsAre400sNamingEachFieldAndNothingIsRecorded() {
        Http owner = as(Role.OWNER);
        String assessments = base + "/" + create(owner, person("Ann", "Lee")) + "/assessments";
        Map<String, Object> bad = intake(today());
        bad.put("skinType", "shiny");
        bad.put("fitzpatrick", 7);
        bad.put("concerns", List.of("acne", "wrinkly"));
        bad.put("age", -1);
        bad.put("favouriteColour", "green");
        @SuppressWarnings("unchecked")
        Map<String, Object> medical = (Map<String, Object>) bad.get("medical");
        medical.put("epilepsy", "maybe");
        medical.put("isotretinoinLastTaken", LocalDate.parse(today()).plusDays(1).toString());

        Http.Response r = owner.postJson(assessments, bad);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(errors(r)).containsOnlyKeys("skinType", "fitzpatrick", "concerns[1]", "age", "favouriteColour",
                "medical.epilepsy", "medical.isotretinoinLastTaken");
        assertThat(errors(r).get("skinType")).contains("'shiny' is not one of [oily, acne-prone");
        assertThat(owner.postJson(assessments, "[1, 2]").status()).isEqualTo(400);
        assertThat(owner.postJson(assessments, "null").status()).isEqualTo(400);
        assertThat(owner.get(assessments).json().get("count").asInt()).as("nothing recorded").isZero();
    }

    @Test
    void theRecommendationFollowsTheLatestAssessment() {
        Http nurse = as(Role.PRACTITIONER);
        String annId = create(nurse, person("Ann", "Lee"));
        care.assignPractitioner(clinic, annId);
        String client = base + "/" + annId;
        Http.Response none = as(Role.OWNER).get(client + "/recommendation");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("detail").asString()).contains("no assessment");

        Map<String, Object> onIsotretinoin = intake("2026-05-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> medical = (Map<String, Object>) onIsotretinoin.get("medical");
        medical.put("isotretinoinLastTaken", "2026-02-01");
        assertThat(nurse.postJson(client + "/assessments", onIsotretinoin).status()).isEqualTo(201);

        JsonNode rec = nurse.get(client + "/recommendation").json();
        assertThat(rec.get("asOf").asString()).isEqualTo("2026-05-01");
        JsonNode microneedling = treatment(rec, "microneedling");
        assertThat(microneedling.get("verdict").asString()).isEqualTo("excluded");
        assertThat(microneedling.get("reconsiderOn").asString()).isNotBlank();
        assertThat(microneedling.get("course").isNull()).isTrue();
        assertThat(microneedling.get("reasons").toString()).containsIgnoringCase("isotretinoin");
        JsonNode first = rec.get("treatments").get(0);
        assertThat(first.get("verdict").asString()).isIn("recommended", "possible");
        assertThat(first.get("course").get("courseCost").get("min").decimalValue()).isPositive();
        assertThat(first.get("course").get("currency").asString()).isEqualTo("USD");
        assertThat(rec.get("homeCare")).isNotNull();

        assertThat(nurse.postJson(client + "/assessments", intake("2026-05-02")).status()).isEqualTo(201);
        JsonNode latest = nurse.get(client + "/recommendation").json();
        assertThat(latest.get("asOf").asString()).isEqualTo("2026-05-02");
        assertThat(treatment(latest, "microneedling").get("verdict").asString()).isNotEqualTo("excluded");
    }

    @Test
    void textIsStoredAsGivenAndNeverInterpreted() {
        Http owner = as(Role.OWNER);
        Map<String, Object> body = person("<script>alert(1)</script>", "O'Brien; drop table client;--");
        body.put("email", "x@example.com");
        String id = create(owner, body);
        JsonNode client = owner.get(base + "/" + id).json();
        assertThat(client.get("firstName").asString()).isEqualTo("<script>alert(1)</script>");
        assertThat(client.get("lastName").asString()).isEqualTo("O'Brien; drop table client;--");
        assertThat(owner.get(base + "?q=O'Brien").json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void theDemoClinicsComeWithClientsAndHistory() {
        Http demo = signedIn("nurse@demo.test", IntegrationTest.DEMO_PASSWORD);
        JsonNode clients = demo.get("/api/v1/clinics/demo/clients").json();
        assertThat(names(clients)).containsExactly("Carlos Client", "Chloe Client", "Jordan Kim", "Maya Lopez",
                "Amara Okafor"); // the first two are the demo client accounts' own records
        String maya = clients.get("clients").get(3).get("id").asString();
        Http esme = signedIn("esthetician@demo.test", IntegrationTest.DEMO_PASSWORD);
        JsonNode history = esme.get("/api/v1/clinics/demo/clients/" + maya + "/assessments").json();
        assertThat(demo.get("/api/v1/clinics/demo/clients/" + maya + "/assessments").status())
                .as("Maya is Esme's client, not the nurse's").isEqualTo(403);
        assertThat(history.get("count").asInt()).isEqualTo(2);
        assertThat(history.get("assessments").get(0).get("assessment").get("age").asInt()).isPositive();

        String jordan = clients.get("clients").get(2).get("id").asString();
        JsonNode rec = demo.get("/api/v1/clinics/demo/clients/" + jordan + "/recommendation").json();
        assertThat(rec.get("treatments").findValues("reconsiderOn").stream().filter(n -> !n.isNull()).toList())
                .as("the isotretinoin washout excludes some treatments until a date").isNotEmpty();

        Http second = signedIn("practitioner@second.test", IntegrationTest.DEMO_PASSWORD);
        JsonNode secondClients = second.get("/api/v1/clinics/second/clients").json();
        assertThat(names(secondClients)).containsExactly("Casey Client", "Riley Novak");
        String riley = secondClients.get("clients").get(1).get("id").asString();
        assertThat(second.get("/api/v1/clinics/second/clients/" + riley + "/assessments").json().get("count").asInt())
                .isEqualTo(1);
        assertThat(demo.get("/api/v1/clinics/demo/clients/" + riley).status()).isEqualTo(404);
    }

    @Test
    void theClientsRecommendationCarriesAPlanDatedFromTheClinicsToday() {
        Http nurse = as(Role.PRACTITIONER);
        String id = create(nurse, person("Pat", "Ray"));
        care.assignPractitioner(clinic, id);
        String client = base + "/" + id;
        Map<String, Object> scars = intake(today());
        scars.put("concerns", List.of("acne-scars"));
        scars.put("severity", Map.of("acne-scars", "severe"));
        assertThat(nurse.postJson(client + "/assessments", scars).status()).isEqualTo(201);

        JsonNode rec = nurse.get(client + "/recommendation").json();
        JsonNode plan = rec.get("plan");

        assertThat(plan.get("status").asString()).isEqualTo("start");
        JsonNode first = plan.get("firstStep");
        assertThat(first.get("invasiveness").asString()).isEqualTo("dermal");
        assertThat(first.get("dates").get(0).asString()).isEqualTo(today());
        assertThat(first.get("dates").size()).isEqualTo(first.get("sessions").asInt());
        assertThat(LocalDate.parse(plan.get("remeasureOn").asString()))
                .isAfter(LocalDate.parse(first.get("dates").get(first.get("dates").size() - 1).asString()));
        assertThat(plan.get("nextStep").get("invasiveness").asString()).isEqualTo("ablative");
        assertThat(plan.get("improvementThresholdPercent").asInt()).isEqualTo(10);
        assertThat(treatment(rec, first.get("treatment").asString()).get("verdict").asString()).isEqualTo("recommended");
        assertThat(treatment(rec, "microdermabrasion").get("verdict").asString()).isEqualTo("possible");
        JsonNode stored = nurse.get(client + "/assessments").json().get("assessments").get(0).get("assessment");
        assertThat(stored.get("severity").get("acne-scars").asString()).isEqualTo("severe");
    }

    private String today() {
        return LocalDate.now(clinic.clinic().timeZone()).toString();
    }

    private static JsonNode treatment(JsonNode recommendation, String code) {
        for (JsonNode t : recommendation.get("treatments")) {
            if (t.get("code").asString().equals(code)) {
                return t;
            }
        }
        throw new AssertionError("no " + code + " in " + recommendation);
    }

    private static Map<String, Object> with(String field, String value) {
        Map<String, Object> body = person("Ann", "Lee");
        body.put(field, value);
        return body;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("clients").forEach(c -> names.add(c.get("firstName").asString() + " " + c.get("lastName").asString()));
        return names;
    }

    private static Map<String, String> errors(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        Map<String, String> errors = new LinkedHashMap<>();
        r.json().get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("reason").asString()));
        return errors;
    }
}

package com.clearskin.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ClientPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    com.clearskin.support.TestCare care;

    TestClinic clinic;
    String pages;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        pages = "/app/clinics/" + clinic.slug() + "/clients";
    }

    Http signedIn(Role role) {
        Http http = new Http(port);
        assertThat(http.signIn(clinic.email(role), TestClinics.PASSWORD).status()).isEqualTo(302);
        return http;
    }

    Http api(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    /** Adds a client through the form and follows the redirect, as a browser does; returns the client's page. */
    /** The clinic assigns its practitioner user to the client of this page: they treat the client. */
    void treats(String page) {
        care.assignPractitioner(clinic, page.substring(page.lastIndexOf('/') + 1));
    }

    String addClient(Http http, Map<String, String> fields) {
        Http.Response r = http.postForm(pages, pages + "/new", fields);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        String location = r.header("Location");
        assertThat(location).matches(".*" + pages + "/[0-9a-f-]{36}$");
        String page = location.substring(location.indexOf("/app/"));
        Http.Response shown = http.get(page);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("is added.</div>");
        return page;
    }

    static Map<String, String> person(String first, String last) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("firstName", first);
        form.put("lastName", last);
        form.put("email", "");
        form.put("phone", "");
        form.put("dateOfBirth", "1990-06-15");
        return form;
    }

    @Test
    void theFrontDeskAddsAClientThroughTheForm() {
        Http frontDesk = signedIn(Role.FRONT_DESK);
        assertThat(frontDesk.get("/app").body()).contains("href=\"" + pages + "\"");
        Http.Response form = frontDesk.get(pages + "/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"firstName\">", "<label for=\"dateOfBirth\">");

        Map<String, String> fields = person("Maya", "Lopez");
        fields.put("email", "maya@example.com");
        fields.put("phone", "+1 555 010 0142");
        String page = addClient(frontDesk, fields);

        String client = frontDesk.get(page).body();
        assertThat(client).contains("Maya Lopez", "maya@example.com", "+1 555 010 0142", "15 June 1990");
        assertThat(client).as("the front desk sees no health answers").contains("id=\"health-hidden\"")
                .doesNotContain("id=\"history\"", "id=\"recommendation\"", "Record an assessment");
        assertThat(frontDesk.get(pages).body()).contains("Lopez, Maya");
        assertThat(frontDesk.get(page + "/assessments/new").status()).isEqualTo(403);
    }

    @Test
    void aWrongFieldComesBackMarkedWithWhatWasTyped() {
        Http owner = signedIn(Role.OWNER);
        Map<String, String> fields = person("", "Lopez");
        fields.put("email", "maya-at-example");
        fields.put("dateOfBirth", "1850-01-01");

        Http.Response r = owner.postForm(pages, pages + "/new", fields);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"form-errors\"", "id=\"firstName-error\"", "id=\"email-error\"",
                "id=\"dateOfBirth-error\"", "value=\"maya-at-example\"", "value=\"Lopez\"", "must be in 1900 or later")
                .doesNotContain("id=\"lastName-error\"", "id=\"phone-error\"");
        assertThat(api(Role.OWNER).get("/api/v1/clinics/" + clinic.slug() + "/clients").json().get("count").asInt())
                .isZero();
    }

    @Test
    void theListSearchesByNameAndHtmxGetsOnlyTheResults() {
        Http owner = signedIn(Role.OWNER);
        addClient(owner, person("Maya", "Lopez"));
        addClient(owner, person("Jordan", "Kim"));
        String list = owner.get(pages).body();
        assertThat(list.indexOf("Kim, Jordan")).isLessThan(list.indexOf("Lopez, Maya")).isPositive();
        assertThat(list).contains("2 clients", "<label for=\"q\">");

        Http.Response htmx = owner.get(pages + "?q=lop", Map.of("HX-Request", "true"));
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).doesNotContain("<html").contains("id=\"results\"", "Lopez, Maya")
                .doesNotContain("Kim, Jordan");
        assertThat(owner.get(pages + "?q=zzz").body()).contains("No client's name contains that.");
    }

    @Test
    void namesWithScriptTagsShowAsText() {
        Http owner = signedIn(Role.OWNER);
        String page = addClient(owner, person("<script>alert(1)</script>", "<img src=x onerror=alert(2)>"));
        for (String html : List.of(owner.get(pages).body(), owner.get(page).body(),
                owner.get(page + "/assessments/new").body(),
                owner.get(pages + "?q=script", Map.of("HX-Request", "true")).body())) {
            assertThat(html).doesNotContain("<script>alert(1)</script>", "<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void aPractitionerRecordsAnAssessmentFixingAnErrorFirst() {
        Http nurse = signedIn(Role.PRACTITIONER);
        String page = addClient(nurse, person("Jordan", "Kim"));
        treats(page);
        String intake = page + "/assessments/new";
        Http.Response blank = nurse.get(intake);
        assertThat(blank.status()).isEqualTo(200);
        for (MedicalFlag flag : MedicalFlag.values()) {
            assertThat(blank.body()).as(flag.field() + " defaults to unknown")
                    .contains("id=\"" + flag.field() + "-unknown\" value=\"unknown\" checked=\"checked\"")
                    .contains(flag.question());
        }
        assertThat(blank.body()).contains("id=\"severity-acne-scars\"", "id=\"tried-superficial\"",
                "Microneedling, medium peels or fractional laser");
        assertThat(blank.body()).contains("Light brown; rarely burns, tans easily", "for=\"concerns-acne\"",
                "for=\"bodyAreas-back\"", "for=\"causes-excess-sebum\"", "for=\"isotretinoinLastTakenDate\"");

        String tomorrow = LocalDate.now(clinic.clinic().timeZone()).plusDays(1).toString();
        Map<String, Object> form = intakeForm();
        form.put("age", "abc");
        form.put("isotretinoinLastTaken", "date");
        form.put("isotretinoinLastTakenDate", tomorrow);
        form.put("topicalRetinoidLastUsed", "date");
        Http.Response wrong = nurse.postForm(page + "/assessments", intake, form);

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"age-error\"", "must be a whole number of years",
                "id=\"isotretinoinLastTaken-error\"", "is in the future",
                "id=\"topicalRetinoidLastUsed-error\"", "enter the date", "value=\"abc\"", "value=\"" + tomorrow + "\"",
                "id=\"epilepsy-yes\" value=\"yes\" checked=\"checked\"", "id=\"concerns-acne\" value=\"acne\" checked=\"checked\"");
        String client = page.substring(page.lastIndexOf('/') + 1);
        String history = "/api/v1/clinics/" + clinic.slug() + "/clients/" + client + "/assessments";
        assertThat(api(Role.OWNER).get(history).json().get("count").asInt()).as("nothing recorded").isZero();

        String threeMonthsAgo = LocalDate.now(clinic.clinic().timeZone()).minusMonths(3).toString();
        form.put("age", "");
        form.put("isotretinoinLastTakenDate", threeMonthsAgo);
        form.put("topicalRetinoidLastUsed", "never");
        form.put("severity.acne-scars", "severe");
        form.put("severity.blackheads", "mild"); // not a ticked concern: not an answer
        form.put("tried", List.of("non-invasive"));
        Http.Response fixed = nurse.postForm(page + "/assessments", intake, form);
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(302);
        assertThat(fixed.header("Location")).endsWith(page);

        JsonNode recorded = api(Role.OWNER).get(history).json().get("assessments").get(0).get("assessment");
        assertThat(recorded.get("age").asInt()).as("from the date of birth").isBetween(35, 37);
        assertThat(recorded.get("skinType").asString()).isEqualTo("acne-prone");
        assertThat(recorded.get("fitzpatrick").asInt()).isEqualTo(4);
        assertThat(recorded.get("concerns").toString()).isEqualTo("[\"acne\",\"acne-scars\"]");
        assertThat(recorded.get("bodyAreas").toString()).isEqualTo("[\"face\",\"back\"]");
        assertThat(recorded.get("medical").get("epilepsy").asBoolean()).isTrue();
        assertThat(recorded.get("medical").get("pregnantOrBreastfeeding").asBoolean()).isFalse();
        assertThat(recorded.get("medical").get("coldSoreHistory").isNull()).as("unknown stays unknown").isTrue();
        assertThat(recorded.get("medical").get("isotretinoinLastTaken").asString()).isEqualTo(threeMonthsAgo);
        assertThat(recorded.get("medical").get("topicalRetinoidLastUsed").asString()).isEqualTo("never");
        assertThat(recorded.get("budgetUsd").decimalValue()).isEqualByComparingTo("800");
        assertThat(recorded.get("severity").toString()).as("the severity of a ticked concern")
                .contains("acne-scars", "severe").doesNotContain("blackheads");
        assertThat(recorded.get("triedWithoutEnoughImprovement").toString()).contains("non-invasive");

        String shown = nurse.get(page).body();
        assertThat(shown).contains("The assessment of Jordan Kim is recorded.", "id=\"history\"", "recorded by <span>Practitioner",
                "Acne-prone skin", "Fitzpatrick IV", "id=\"recommendation\"", "Excluded", "May be reconsidered from",
                "Course cost", "Not known");
        assertThat(shown).containsPattern("data-verdict=\"(recommended|possible)\"");
    }

    @Test
    void anOwnerAssignsAndRemovesTheClientsPractitionerOnTheClientPage() {
        Http owner = signedIn(Role.OWNER);
        String page = addClient(owner, person("Ann", "Lee"));
        String practitioner = care.practitioner(clinic).toString();
        Http nurse = signedIn(Role.PRACTITIONER);
        assertThat(nurse.get(page).body()).doesNotContain("id=\"history\"").doesNotContain("id=\"assign-practitioner\"");
        assertThat(signedIn(Role.FRONT_DESK).get(page).body()).doesNotContain("id=\"assign-practitioner\"");
        assertThat(owner.get(page).body()).contains("id=\"assign-practitioner\"", "No practitioner is assigned.",
                "value=\"" + practitioner + "\"");
        assertThat(nurse.postForm(page + "/practitioner", page, Map.of("practitionerId", practitioner)).status())
                .isEqualTo(403);

        Http.Response assigned = owner.postForm(page + "/practitioner", page, Map.of("practitionerId", practitioner));
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(owner.get(page).body()).contains("Test Practitioner is assigned");
        assertThat(nurse.get(page).body()).contains("id=\"history\"");

        assertThat(owner.postForm(page + "/practitioner", page, Map.of("practitionerId", "")).status()).isEqualTo(302);
        assertThat(nurse.get(page).body()).doesNotContain("id=\"history\"");
    }

    @Test
    void aNewAssessmentGoesOnTopAndTheOldOneStays() {
        Http nurse = signedIn(Role.PRACTITIONER);
        String page = addClient(nurse, person("Ann", "Lee"));
        treats(page);
        Map<String, Object> form = intakeForm();
        assertThat(nurse.postForm(page + "/assessments", page + "/assessments/new", form).status()).isEqualTo(302);
        form.put("skinType", "dry");
        assertThat(nurse.postForm(page + "/assessments", page + "/assessments/new", form).status()).isEqualTo(302);

        String shown = nurse.get(page).body();
        assertThat(shown.indexOf("Dry skin")).isPositive().isLessThan(shown.indexOf("Acne-prone skin"));
        assertThat(shown.split("class=\"history-entry\"", -1)).hasSize(3);
    }

    @Test
    void aChosenDateAndNeverTogetherAreRefused() {
        Http nurse = signedIn(Role.PRACTITIONER);
        String page = addClient(nurse, person("Ann", "Lee"));
        treats(page);
        Map<String, Object> form = intakeForm();
        form.put("isotretinoinLastTaken", "never");
        form.put("isotretinoinLastTakenDate", "2024-01-01");
        form.put("fitzpatrick", "9");
        form.put("concerns", List.of("acne", "wrinkles"));
        Http.Response r = nurse.postForm(page + "/assessments", page + "/assessments/new", form);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"isotretinoinLastTaken-error\"", "not both", "id=\"fitzpatrick-error\"",
                "id=\"concerns-error\"", "&#39;wrinkles&#39; is not one of");
    }

    @Test
    void rolesAndOtherClinicsOnThePages() {
        Http owner = signedIn(Role.OWNER);
        String page = addClient(owner, person("Ann", "Lee"));

        Http client = signedIn(Role.CLIENT);
        assertThat(client.get("/app").body()).doesNotContain("href=\"" + pages + "\"");
        assertThat(client.get(pages).status()).isEqualTo(403);
        assertThat(client.get(page).status()).as("another client's page is not there for a client").isEqualTo(404);
        assertThat(client.get(pages + "/new").status()).isEqualTo(403);

        Http outsider = new Http(port);
        outsider.signIn("owner@second.test", IntegrationTest.DEMO_PASSWORD);
        for (String path : List.of(pages, pages + "/new", page, page + "/assessments/new")) {
            assertThat(outsider.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(owner.get(pages + "/not-a-uuid").status()).isEqualTo(404);
        assertThat(owner.get(pages + "/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(new Http(port).get(pages).status()).isEqualTo(302);
        assertThat(owner.postFormRaw(pages, person("No", "Token")).status()).as("no CSRF token").isEqualTo(403);
    }

    @Test
    void aClientWithoutAssessmentsInvitesOne() {
        Http admin = signedIn(Role.ADMIN);
        String page = addClient(admin, person("Ann", "Lee"));
        assertThat(admin.get(page).body()).contains("No assessment yet", "None yet.",
                "href=\"" + page + "/assessments/new\"");
    }

    static Map<String, Object> intakeForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("age", "");
        form.put("skinType", "acne-prone");
        form.put("fitzpatrick", "4");
        form.put("concerns", List.of("acne", "acne-scars"));
        form.put("bodyAreas", List.of("face", "back"));
        for (MedicalFlag flag : MedicalFlag.values()) {
            form.put(flag.field(), "no");
        }
        form.put("epilepsy", "yes");
        form.put("coldSoreHistory", "unknown");
        form.put("isotretinoinLastTaken", "never");
        form.put("isotretinoinLastTakenDate", "");
        form.put("topicalRetinoidLastUsed", "unknown");
        form.put("topicalRetinoidLastUsedDate", "");
        form.put("budgetUsd", "800");
        return form;
    }
}

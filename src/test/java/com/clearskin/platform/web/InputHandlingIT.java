package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.support.ClinicRecords;
import com.clearskin.support.ClinicRecords.Records;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The bad input (items 7-10), each a 400 problem document naming the field, never a 500 and
 * never a Java class: a NUL anywhere, a date in the year 999999999 or a number past int, a malformed
 * form, a null inside a settings map.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputHandlingIT {

    static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    ClinicRecords clinicRecords;

    Records a;
    Http api;
    Http browser;

    @BeforeAll
    void aClinic() {
        a = clinicRecords.fill(testClinics.open());
        api = new Http(port).signInForApi(a.clinic().email(Role.OWNER), TestClinics.PASSWORD);
        browser = new Http(port);
        assertThat(browser.signIn(a.clinic().email(Role.OWNER), TestClinics.PASSWORD).status()).isEqualTo(302);
    }

    String clinic(String rest) {
        return "/api/v1/clinics/" + a.slug() + rest;
    }

    /** A 400 problem document whose errors are exactly this field and a reason containing {@code reason}. */
    static void assertRefused(Http.Response r, String field, String reason) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as(r.body()).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("reason").asString()).contains(reason);
        assertThat(r.body()).doesNotContain("com.clearskin", "java.", "Exception");
    }

    // ------------------------------------------------------------------ 7. NUL

    @Test
    void aNulInAQueryParameterIsA400NamingIt() {
        assertRefused(api.get(clinic("/clients?q=a%00b")), "q", "must not contain a NUL character");
    }

    @Test
    void aNulInAJsonTextFieldIsA400NamingIt() {
        Map<String, Object> booking = Map.of("clientId", a.other().id().toString(), "treatment", "a\u0000b",
                "start", "2030-01-07T10:00:00Z");
        assertRefused(api.postJson(clinic("/appointments"), booking), "treatment", "must not contain a NUL character");
        assertRefused(api.postJson(clinic("/clients"), Map.of("firstName", "\u0000", "lastName", "Nul")), "firstName",
                "must not contain a NUL character");
    }

    @Test
    void aNulInAJsonObjectKeyIsA400() {
        Http.Response r = api.putJson(clinic("/rule-settings"), "{\"minimumAge\": {\"botox\\u0000\": {\"value\": 18}}}",
                Map.of());
        assertRefused(r, "minimumAge", "must not contain a NUL character");
    }

    @Test
    void aNulInAFormFieldOfAPageIsA400() {
        String page = "/app/clinics/" + a.slug() + "/clients";
        Http.Response r = browser.postForm(page, page + "/new", Map.of("firstName", "a\u0000b", "lastName", "Nul"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(browser.get(page).body()).doesNotContain("a\u0000b");
    }

    // ------------------------------------------------------------------ 8. dates and numbers

    @Test
    void aFirstDateInTheYear999999999IsA400NamingIt() {
        Map<String, Object> course = Map.of("clientId", a.other().id().toString(), "treatment", ClinicRecords.TREATMENT,
                "sessions", 3, "firstDate", "+999999999-12-31");
        assertRefused(api.postJson(clinic("/courses/proposal"), course), "firstDate", "from 1900 to 2200");
    }

    @Test
    void anAvailabilityWindowOutsideTheSaneYearsIsA400NamingIt() {
        assertRefused(api.get(clinic("/availability?treatment=" + ClinicRecords.TREATMENT + "&from=%2B999999999-12-31")),
                "from", "from 1900 to 2200");
        assertRefused(api.get(clinic("/availability?treatment=" + ClinicRecords.TREATMENT + "&from="
                + LocalDate.now() + "&to=-999999999-01-01")), "to", "from 1900 to 2200");
    }

    @Test
    void anAppointmentStartOutsideTheSaneYearsIsA400NamingIt() {
        Map<String, Object> booking = Map.of("clientId", a.other().id().toString(), "treatment", ClinicRecords.TREATMENT,
                "start", "+999999999-12-31T23:59:59Z");
        assertRefused(api.postJson(clinic("/appointments"), booking), "start", "from 1900 to 2200");
    }

    @Test
    void aNumberPastIntIsA400NamingIt() {
        Http.Response r = api.putJson(clinic("/rule-settings"), "{\"recommendedScore\": {\"value\": 2147483648}}",
                Map.of());
        assertRefused(r, "recommendedScore.value", "out of range");
    }

    // ------------------------------------------------------------------ 9. malformed forms

    @Test
    void aPutFormWithAMalformedEscapeIsA400ProblemDocument() {
        Http.Response r = api.send("PUT", clinic("/rule-settings"), FORM, "%zz", Map.of());
        assertRefused(r, "body", "percent-encoded");
    }

    @Test
    void aPageFormWithAMalformedEscapeIsA400() {
        Http.Response r = browser.send("POST", "/app/clinics/" + a.slug() + "/clients", FORM, "firstName=%zz",
                Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(new Http(port).send("POST", "/login", FORM, "email=%zz&password=x", Map.of()).status())
                .isEqualTo(400);
    }

    // ------------------------------------------------------------------ 10. no class names

    @Test
    void aNullInsideASettingsMapNamesTheEntryNeverAClass() {
        assertRefused(api.putJson(clinic("/rule-settings"), "{\"minimumAge\": {\"botox\": null}}", Map.of()),
                "minimumAge.botox", "must not be null");
        assertRefused(api.putJson(clinic("/booking-rules"), "{\"recoveryDays\": {\"microneedling\": null}}", Map.of()),
                "recoveryDays.microneedling", "must not be null");
    }

    @Test
    void aWrongTypeAnywhereNamesTheFieldNeverAClass() {
        for (String body : List.of("{\"minimumAge\": []}", "{\"minimumAge\": {\"botox\": \"x\"}}",
                "{\"recommendedScore\": 1}", "[1]", "\"x\"")) {
            Http.Response r = api.putJson(clinic("/rule-settings"), body, Map.of());
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).doesNotContain("com.clearskin", "java.", "Exception", "`");
        }
    }
}

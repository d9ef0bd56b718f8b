package com.clearskin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CatalogPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;

    @Test
    void homePageSaysWhatClearskinIs() {
        Http.Response r = new Http(port).get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("Clearskin", "Browse treatments");
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("script-src 'self' 'unsafe-inline'");
    }

    @Test
    void catalogListsEveryTreatmentAndFilters() {
        Http http = new Http(port);
        String all = http.get("/treatments").body();
        assertThat(count(all, "class=\"card\"")).isEqualTo(13);
        String back = http.get("/treatments?bodyArea=back").body();
        assertThat(back).contains("Back facial").doesNotContain(">Microneedling<");
    }

    @Test
    void anHtmxFilterRequestGetsOnlyTheResults() {
        Http.Response r = new Http(port).get("/treatments?concern=blackheads", Map.of("HX-Request", "true"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<html").contains("id=\"results\"", "Facial with extractions");
    }

    @Test
    void treatmentPageShowsProtocolPricesCadenceAndSafety() {
        String page = new Http(port).get("/treatments/deep-pore-cleansing").body();
        assertThat(page).contains("The session, step by step", "Price per session", "How often, by skin type",
                "Not suitable if", "Aftercare", "Sources", "5–10 min");
    }

    @Test
    void badFilterAndUnknownTreatmentGetPagesThatSayWhatIsWrong() {
        Http http = new Http(port);
        Http.Response badFilter = http.get("/treatments?concern=wrinkly");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body()).contains("concern", "wrinkly");
        Http.Response unknown = http.get("/treatments/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(http.get("/no/such/page").status()).isEqualTo(404);
    }

    @Test
    void staffPagesNeedSigningIn() {
        Http.Response r = new Http(port).get("/app");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login");
    }

    @Test
    void aWrongPasswordReturnsToTheFormWithAnError() {
        Http http = new Http(port);
        Http.Response r = http.signIn("owner@demo.test", "wrong-password");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login?error");
        assertThat(http.get("/login?error").body()).contains("The email or password is wrong");
    }

    @Test
    void anAdminEditsTheClinicCopyThroughTheForm() {
        TestClinic clinic = testClinics.open();
        Http http = new Http(port);
        assertThat(http.signIn(clinic.email(Role.ADMIN), TestClinics.PASSWORD).status()).isEqualTo(302);
        String edit = "/app/clinics/" + clinic.slug() + "/treatments/extraction-facial/edit";
        assertThat(http.get(edit).status()).isEqualTo(200);

        Map<String, Object> form = validForm();
        form.put("priceMin", "95");
        form.put("stepName", List.of("Cleanse", "Steam", "Extractions", "Soothe", "LED finish"));
        form.put("stepOrder", List.of("1", "2", "3", "4", "5"));
        form.put("stepDescription", List.of("", "", "", "", "Red light to calm the skin"));
        form.put("stepMin", List.of("", "5", "", "", "10"));
        form.put("stepMax", List.of("", "10", "", "", "10"));
        Http.Response saved = http.postForm("/app/clinics/" + clinic.slug() + "/treatments/extraction-facial", edit, form);

        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        String page = http.get(edit).body();
        assertThat(page).contains("Saved.", "value=\"95\"", "LED finish");
    }

    @Test
    void anInvalidFormComesBackWithTheFieldMarked() {
        TestClinic clinic = testClinics.open();
        Http http = new Http(port);
        http.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        String edit = "/app/clinics/" + clinic.slug() + "/treatments/microneedling/edit";
        Map<String, Object> form = validForm();
        form.put("priceMin", "abc");
        form.put("durationMax", "1");

        Http.Response r = http.postForm("/app/clinics/" + clinic.slug() + "/treatments/microneedling", edit, form);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("must be a number", "id=\"priceMin\"", "value=\"abc\"");
    }

    @Test
    void textIsEscapedNeverExecuted() {
        TestClinic clinic = testClinics.open();
        Http http = new Http(port);
        http.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        String edit = "/app/clinics/" + clinic.slug() + "/treatments/microneedling/edit";
        Map<String, Object> form = validForm();
        form.put("name", "<script>alert(1)</script>");
        assertThat(http.postForm("/app/clinics/" + clinic.slug() + "/treatments/microneedling", edit, form).status())
                .isEqualTo(302);

        String list = http.get("/app/clinics/" + clinic.slug() + "/treatments").body();
        assertThat(list).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        TestClinic clinic = testClinics.open();
        Http http = new Http(port);
        http.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        Http.Response r = http.postFormRaw("/app/clinics/" + clinic.slug() + "/treatments/microneedling", validForm());
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void practitionersCannotOpenTheEditorAndOutsidersSeeNothing() {
        TestClinic clinic = testClinics.open();
        Http practitioner = new Http(port);
        practitioner.signIn(clinic.email(Role.PRACTITIONER), TestClinics.PASSWORD);
        String edit = "/app/clinics/" + clinic.slug() + "/treatments/microneedling/edit";
        assertThat(practitioner.get("/app/clinics/" + clinic.slug() + "/treatments").status()).isEqualTo(200);
        assertThat(practitioner.get(edit).status()).isEqualTo(403);

        Http outsider = new Http(port);
        outsider.signIn("owner@second.test", IntegrationTest.DEMO_PASSWORD);
        assertThat(outsider.get(edit).status()).isEqualTo(404);
        assertThat(outsider.get("/app/clinics/" + clinic.slug() + "/treatments").status()).isEqualTo(404);
    }

    @Test
    void signingOutRevokesTheSignIn() {
        Http http = new Http(port);
        http.signIn("frontdesk@demo.test", IntegrationTest.DEMO_PASSWORD);
        assertThat(http.get("/app").status()).isEqualTo(200);
        Http.Response out = http.postForm("/logout", "/app", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(http.get("/app").status()).isEqualTo(302);
    }

    static Map<String, Object> validForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "Facial with extractions");
        form.put("summary", "A facial.");
        form.put("priceMin", "85");
        form.put("priceMax", "250");
        form.put("durationMin", "30");
        form.put("durationTypical", "60");
        form.put("durationMax", "60");
        form.put("sessionsMin", "1");
        form.put("sessionsMax", "");
        form.put("intervalDaysMin", "28");
        form.put("intervalDaysMax", "42");
        form.put("downtimeText", "None, or brief redness.");
        form.put("stepOrder", List.of("1", "2"));
        form.put("stepName", List.of("Cleanse", "Steam"));
        form.put("stepDescription", List.of("Wash", "Warm"));
        form.put("stepMin", List.of("", "5"));
        form.put("stepMax", List.of("", "10"));
        form.put("revision", "");
        return form;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}

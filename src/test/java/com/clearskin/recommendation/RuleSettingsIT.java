package com.clearskin.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.AssessmentParser;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class RuleSettingsIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    Recommendations recommendations;

    TestClinic clinic;
    String path;

    @BeforeEach
    void open() {
        clinic = testClinics.open();
        path = "/api/v1/clinics/" + clinic.slug() + "/rule-settings";
    }

    Http as(Role role) {
        Http http = new Http(port);
        JsonNode token = http.postJson("/api/v1/auth/tokens",
                Map.of("email", clinic.email(role), "password", TestClinics.PASSWORD)).json();
        return http.bearer(token.get("token").asString());
    }

    @Test
    void aNewClinicUsesTheSourcedDefaults() {
        Http.Response r = as(Role.PRACTITIONER).get(path);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("customized").asBoolean()).isFalse();
        assertThat(r.json().get("revision").asInt()).isZero();
        JsonNode peel = r.json().get("settings").get("isotretinoinWashoutMonths").get("chemical-peel");
        assertThat(peel.get("value").asInt()).isEqualTo(6);
        assertThat(peel.get("sources").toString()).contains("ref-3");
    }

    @Test
    void anAdminShortensAWashoutAndTheClinicsRecommendationFollows() {
        Assessment tookIsotretinoin = AssessmentParser.parse(Http.JSON.readTree("""
                {"age": 30, "skinType": "oily", "fitzpatrick": 2, "concerns": ["acne"],
                 "isotretinoinLastTaken": "2026-08-01", "asOf": "2026-11-21"}"""), LocalDate.of(2026, 11, 21));
        assertThat(verdict(tookIsotretinoin, "chemical-peel")).isEqualTo(Verdict.EXCLUDED);

        Http admin = as(Role.ADMIN);
        ObjectNode settings = (ObjectNode) admin.get(path).json().get("settings");
        ((ObjectNode) settings.get("isotretinoinWashoutMonths")).remove("chemical-peel");
        ((ObjectNode) settings.get("minimumAge").get("microneedling")).put("value", 25);
        Http.Response saved = admin.putJson(path, settings, Map.of("If-Match", "\"0\""));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("revision").asInt()).isEqualTo(1);
        assertThat(saved.json().get("settings").get("minimumAge").get("microneedling").get("sources").toString())
                .isEqualTo("[\"clinic\"]");
        assertThat(saved.json().get("settings").get("minimumAge").get("laser-resurfacing").get("sources").toString())
                .doesNotContain("clinic");
        assertThat(verdict(tookIsotretinoin, "chemical-peel")).isNotEqualTo(Verdict.EXCLUDED);

        assertThat(admin.putJson(path, settings, Map.of("If-Match", "\"0\"")).status()).isEqualTo(409);
        Http.Response reset = admin.delete(path);
        assertThat(reset.json().get("customized").asBoolean()).isFalse();
        assertThat(verdict(tookIsotretinoin, "chemical-peel")).isEqualTo(Verdict.EXCLUDED);
    }

    @Test
    void impossibleNumbersAreA400NamingEachField() {
        Http owner = as(Role.OWNER);
        ObjectNode settings = (ObjectNode) owner.get(path).json().get("settings");
        ((ObjectNode) settings.get("isotretinoinWashoutMonths").get("medium-peel")).put("value", -1);
        ((ObjectNode) settings.get("minimumAge")).putObject("no-such-treatment").put("value", 18);
        ((ObjectNode) settings.get("fitzpatrickRiskFrom")).put("value", 9);

        Http.Response r = owner.putJson(path, settings, Map.of());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("isotretinoinWashoutMonths.medium-peel", "minimumAge.no-such-treatment",
                "fitzpatrickRiskFrom");
        assertThat(owner.get(path).json().get("revision").asInt()).isZero();
    }

    @Test
    void onlyOwnersAndAdminsChangeThemAndOtherClinicsSeeNothing() {
        JsonNode settings = as(Role.OWNER).get(path).json().get("settings");
        assertThat(as(Role.PRACTITIONER).putJson(path, settings, Map.of()).status()).isEqualTo(403);
        assertThat(as(Role.FRONT_DESK).delete(path).status()).isEqualTo(403);
        Http outsider = new Http(port);
        String token = outsider.postJson("/api/v1/auth/tokens",
                Map.of("email", "owner@second.test", "password", IntegrationTest.DEMO_PASSWORD)).json().get("token").asString();
        outsider.bearer(token);
        assertThat(outsider.get(path).status()).isEqualTo(404);
        assertThat(outsider.putJson(path, settings, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void thePageSavesAndShowsErrorsNextToTheField() {
        Http http = new Http(port);
        http.signIn(clinic.email(Role.ADMIN), TestClinics.PASSWORD);
        String page = "/app/clinics/" + clinic.slug() + "/rule-settings";
        String html = http.get(page).body();
        assertThat(html).contains("id=\"isotretinoinWashoutMonths.chemical-peel\"", "Recommendation rules");

        Map<String, Object> form = new HashMap<>(defaultForm());
        form.put("minimumAge.microneedling", "abc");
        Http.Response bad = http.postForm(page, page, form);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("must be a whole number", "value=\"abc\"");

        form.put("minimumAge.microneedling", "24");
        Http.Response ok = http.postForm(page, page, form);
        assertThat(ok.status()).as(ok.body()).isEqualTo(302);
        assertThat(http.get(page).body()).contains("Saved.", "value=\"24\"");
    }

    Map<String, Object> defaultForm() {
        Map<String, Object> form = new HashMap<>();
        recommendations.defaultSettings().isotretinoinWashoutMonths()
                .forEach((k, v) -> form.put("isotretinoinWashoutMonths." + k, Integer.toString(v.value())));
        recommendations.defaultSettings().topicalRetinoidPauseDays()
                .forEach((k, v) -> form.put("topicalRetinoidPauseDays." + k, Integer.toString(v.value())));
        recommendations.defaultSettings().minimumAge()
                .forEach((k, v) -> form.put("minimumAge." + k, Integer.toString(v.value())));
        form.put("fitzpatrickRiskFrom", "4");
        form.put("recommendedScore", "50");
        recommendations.defaultSettings().homeCleansingCadenceDays().forEach((t, r) -> {
            form.put("homeCleansingCadenceDays." + t.code() + ".min", Integer.toString(r.min()));
            form.put("homeCleansingCadenceDays." + t.code() + ".max", Integer.toString(r.max()));
        });
        form.put("revision", "0");
        return form;
    }

    Verdict verdict(Assessment a, String code) {
        return recommendations.forClinic(clinic.clinic(), a).treatments().stream()
                .filter(t -> t.code().equals(code)).findFirst().orElseThrow().verdict();
    }
}

package com.clearskin.recommendation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.MedicalFlag;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** The public consultation pages over HTTP, as a browser without JavaScript sees them. */
@IntegrationTest
class ConsultationPagesIT {

    static final String PAGE = "/consultation";

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static Map<String, Object> answers() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("age", "34");
        form.put("skinType", "oily");
        form.put("fitzpatrick", "2");
        form.put("concerns", List.of("blackheads", "enlarged-pores"));
        form.put("bodyAreas", List.of("face"));
        form.put("causes", List.of("excess-sebum"));
        for (MedicalFlag flag : MedicalFlag.values()) {
            form.put(flag.field(), "no");
        }
        form.put("isotretinoin", "date");
        form.put("isotretinoinDate", LocalDate.now(ZoneOffset.UTC).minusMonths(1).toString());
        form.put("retinoid", "never");
        form.put("budgetUsd", "$1,200");
        return form;
    }

    @Test
    void theFormShowsEveryStepAtOnceWithoutJavaScript() {
        Http.Response r = http.get(PAGE);
        assertThat(r.status()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("<title>Skin consultation · Clearskin</title>")
                .contains("name=\"_csrf\"").contains("/assets/js/consultation.js")
                .contains("href=\"/consultation\">Skin consultation</a>");
        for (String step : List.of("step-about", "step-concerns", "step-health", "step-budget")) {
            assertThat(html).contains("id=\"" + step + "\"");
        }
        assertThat(html).doesNotContain("class=\"consult-step\" hidden");
        assertThat(html).contains("Light brown skin: rarely burns, tans easily.", "Type VI");
        for (MedicalFlag flag : MedicalFlag.values()) {
            assertThat(html).contains(HtmlUtils.htmlEscape(flag.question()));
            assertThat(html).containsPattern("id=\"" + flag.field() + "-unknown\" value=\"unknown\" checked");
        }
        assertThat(html).contains("id=\"isotretinoin-never\"", "id=\"isotretinoinDate\"", "id=\"retinoid-unknown\"");
        assertThat(http.get("/").body()).contains("href=\"/consultation\"");
    }

    @Test
    void aValidFormGivesTheResults() {
        Http.Response r = http.postForm(PAGE, PAGE, answers());
        assertThat(r.status()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("<h1>Your results</h1>", "Recommended", "Not suitable now",
                "May be reconsidered on", "Your at-home routine", "Budget $1200");
        // Isotretinoin a month ago: the at-home routine is gentle only, and says why and until when.
        assertThat(html).contains("No steaming, acids, masks or pore vacuum for now", "you took isotretinoin");
        assertThat(html).doesNotContain("salicylic acid (BHA)");
        // Plain words: why this first, what it costs over the course, what comes next; no rule ids or source codes.
        assertThat(html).contains("Where to start", "Why this first", "What it costs over the course",
                "What comes next if it does not help");
        assertThat(html).doesNotContain("class=\"rule\"").doesNotContain("isotretinoin-washout")
                .doesNotContain("step-up").doesNotContain("skin-effect-safety");
        assertThat(html).doesNotContainPattern("\\bref-\\d+\\b").doesNotContain("seed-00");
        assertThat(html).contains("Whole course", "Per session", "Downtime");
        assertThat(html).contains("data-code=\"laser-resurfacing\" data-verdict=\"excluded\"");
        // The answers travel with the page, to change them.
        assertThat(html).contains("action=\"/consultation/answers\"")
                .contains("name=\"skinType\" value=\"oily\"");
        assertThat(r.header("Set-Cookie") == null || !r.header("Set-Cookie").contains("JSESSIONID")).isTrue();
    }

    @Test
    void wrongAnswersComeBackNextToTheirFieldsWithTheApisWords() {
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        Map<String, Object> form = new HashMap<>(answers());
        form.put("age", "-3");
        form.put("fitzpatrick", "7");
        form.put("skinType", "greasy");
        form.put("isotretinoinDate", future);
        form.put("epilepsy", "perhaps");
        Http.Response r = http.postForm(PAGE, PAGE, form);
        assertThat(r.status()).isEqualTo(400);
        String html = r.body();
        assertThat(html).contains("id=\"form-errors\"", "data-start-step=\"1\"");
        assertThat(html).contains("value=\"-3\"");

        JsonNode api = http.postJson(RecommendationApiIT.PATH, "{\"age\": -3, \"fitzpatrick\": 7, "
                + "\"skinType\": \"greasy\", \"isotretinoinLastTaken\": \"" + future + "\", "
                + "\"medical\": {\"epilepsy\": \"perhaps\"}}").json();
        Map<String, String> apiReasons = new HashMap<>();
        api.get("errors").forEach(e -> apiReasons.put(e.get("field").asString(), e.get("reason").asString()));
        assertThat(html).contains("id=\"age-error\">" + HtmlUtils.htmlEscape(apiReasons.get("age")) + "<");
        assertThat(html).contains("id=\"fitzpatrick-error\">" + HtmlUtils.htmlEscape(apiReasons.get("fitzpatrick")) + "<");
        assertThat(html).contains("id=\"skinType-error\">" + HtmlUtils.htmlEscape(apiReasons.get("skinType")) + "<");
        assertThat(html).contains("id=\"isotretinoin-error\">"
                + HtmlUtils.htmlEscape(apiReasons.get("isotretinoinLastTaken")) + "<");
        assertThat(html).contains("id=\"epilepsy-error\">" + HtmlUtils.htmlEscape(apiReasons.get("medical.epilepsy")) + "<");
        assertThat(html).containsPattern("id=\"age\"[^>]*aria-invalid=\"true\"");
    }

    @Test
    void anErrorOnlyInALaterStepOpensThatStep() {
        Map<String, Object> form = new HashMap<>(answers());
        form.put("budgetUsd", "lots");
        Http.Response r = http.postForm(PAGE, PAGE, form);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("data-start-step=\"4\"", "id=\"budgetUsd-error\"");
    }

    @Test
    void changingTheAnswersShowsTheFormAsItWasAndAFormWithoutItsTokenIsRefused() {
        Http.Response back = http.postForm(PAGE + "/answers", PAGE, answers());
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).contains("value=\"34\"")
                .containsPattern("id=\"skinType-oily\" value=\"oily\" checked")
                .containsPattern("id=\"concern-blackheads\" value=\"blackheads\" checked")
                .containsPattern("id=\"epilepsy-no\" value=\"no\" checked")
                .doesNotContain("id=\"form-errors\"");
        assertThat(http.postFormRaw(PAGE, answers()).status()).isEqualTo(403);
    }
}

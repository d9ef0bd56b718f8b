package com.clearskin.recommendation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.MedicalFlag;
import com.clearskin.recommendation.Recommendations;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/recommendations: the contract, the ranking, the safety verdicts, every kind of bad input. */
@IntegrationTest
class RecommendationApiIT {

    static final String PATH = "/api/v1/recommendations";
    static final List<String> VERDICTS = List.of("recommended", "possible", "caution", "needs-information", "excluded");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Recommendations recommendations;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A healthy adult with oily skin who answered every medical question no. */
    static Map<String, Object> healthy() {
        Map<String, Object> medical = new LinkedHashMap<>();
        for (MedicalFlag flag : MedicalFlag.values()) {
            medical.put(flag.field(), false);
        }
        medical.put("isotretinoinLastTaken", "never");
        medical.put("topicalRetinoidLastUsed", "never");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("age", 34);
        body.put("skinType", "oily");
        body.put("fitzpatrick", 2);
        body.put("concerns", List.of("blackheads", "enlarged-pores"));
        body.put("bodyAreas", List.of("face"));
        body.put("causes", List.of("excess-sebum"));
        body.put("medical", medical);
        body.put("asOf", "2026-06-01");
        return body;
    }

    @Test
    void answersExactlyTheContractWithItsTypes() {
        Http.Response r = http.postJson(PATH, healthy());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.header("Set-Cookie")).as("stateless: no cookie, no session").isNull();
        JsonNode body = r.json();
        assertThat(names(body)).containsExactly("asOf", "treatments", "homeCare", "plan");
        assertThat(body.get("asOf").asString()).isEqualTo("2026-06-01");
        assertThat(body.get("treatments").size()).isEqualTo(http.get("/api/v1/treatments").json().get("count").asInt());
        for (JsonNode t : body.get("treatments")) {
            String code = t.get("code").asString();
            assertThat(names(t)).as(code)
                    .containsExactly("code", "name", "verdict", "score", "reasons", "course", "reconsiderOn",
                            "invasiveness");
            assertThat(INVASIVENESS).as(code).contains(t.get("invasiveness").asString());
            assertThat(t.get("code").isString()).isTrue();
            assertThat(t.get("name").asString()).as(code).isNotBlank();
            assertThat(VERDICTS).as(code).contains(t.get("verdict").asString());
            assertThat(t.get("score").isIntegralNumber()).as(code).isTrue();
            assertThat(t.get("score").asInt()).as(code).isBetween(0, 100);
            assertThat(t.get("reasons").isArray()).isTrue();
            assertThat(t.get("reasons").size()).as(code).isPositive();
            for (JsonNode reason : t.get("reasons")) {
                assertThat(names(reason)).containsExactly("rule", "text", "source");
                assertThat(reason.get("rule").asString()).matches("[a-z0-9-]+");
                assertThat(reason.get("text").asString()).isNotBlank();
                assertThat(reason.get("source").isString()).isTrue();
            }
            assertThat(t.get("course").isNull() || t.get("course").isObject()).as(code).isTrue();
            assertThat(t.get("reconsiderOn").isNull() || t.get("reconsiderOn").asString().matches("\\d{4}-\\d{2}-\\d{2}"))
                    .as(code).isTrue();
            if (Set.of("recommended", "possible", "caution").contains(t.get("verdict").asString())) {
                JsonNode course = t.get("course");
                assertThat(course.get("sessionsMin").asInt()).as(code).isPositive();
                assertThat(course.get("currency").asString()).isEqualTo("USD");
                assertThat(course.get("costPerSession").get("min").isNumber()).isTrue();
                assertThat(course.get("courseCost").get("max").decimalValue())
                        .isGreaterThanOrEqualTo(course.get("courseCost").get("min").decimalValue());
                assertThat(course.get("downtime").has("text")).isTrue();
            } else {
                assertThat(t.get("course").isNull()).as(code + " has no course").isTrue();
            }
        }
        JsonNode home = body.get("homeCare");
        assertThat(names(home)).containsExactly("steps", "exfoliant", "cadence", "professionalCadence", "warnings",
                "pause");
        assertThat(home.get("pause").isNull()).isTrue();
        assertThat(home.get("steps").size()).isGreaterThanOrEqualTo(5);
        assertThat(names(home.get("steps").get(0))).containsExactly("order", "name", "instruction", "options", "source");
        assertThat(home.get("exfoliant").get("ingredient").asString()).contains("salicylic");
        assertThat(home.get("cadence").get("intervalDaysMin").asInt()).isEqualTo(7);
        assertThat(home.get("warnings").toString()).contains("over-exfoliate");
    }

    @Test
    void ranksBestFirst() {
        JsonNode treatments = http.postJson(PATH, healthy()).json().get("treatments");
        assertThat(treatments.get(0).get("verdict").asString()).isEqualTo("recommended");
        for (int i = 1; i < treatments.size(); i++) {
            JsonNode before = treatments.get(i - 1);
            JsonNode after = treatments.get(i);
            int a = VERDICTS.indexOf(before.get("verdict").asString());
            int b = VERDICTS.indexOf(after.get("verdict").asString());
            assertThat(a).as("verdict order at " + i).isLessThanOrEqualTo(b);
            if (a == b) {
                assertThat(before.get("score").asInt()).as("score order at " + i)
                        .isGreaterThanOrEqualTo(after.get("score").asInt());
            }
        }
    }

    @Test
    void isotretinoinWithinItsWashoutExcludesUntilADate() {
        Map<String, Object> body = healthy();
        @SuppressWarnings("unchecked")
        Map<String, Object> medical = (Map<String, Object>) body.get("medical");
        medical.put("isotretinoinLastTaken", "2026-04-01");
        JsonNode treatments = http.postJson(PATH, body).json().get("treatments");
        List<String> excluded = new ArrayList<>();
        for (JsonNode t : treatments) {
            String code = t.get("code").asString();
            int months = recommendations.defaultSettings().washoutMonths(code);
            if (months > 0 && LocalDate.parse("2026-04-01").plusMonths(months).isAfter(LocalDate.parse("2026-06-01"))) {
                excluded.add(code);
                assertThat(t.get("verdict").asString()).as(code).isEqualTo("excluded");
                assertThat(t.get("reconsiderOn").asString()).as(code)
                        .isEqualTo(LocalDate.parse("2026-04-01").plusMonths(months).toString());
                assertThat(t.get("course").isNull()).isTrue();
                assertThat(t.get("reasons").get(0).get("rule").asString()).isEqualTo("isotretinoin-washout");
            }
        }
        assertThat(excluded).contains("laser-resurfacing", "microneedling", "chemical-peel");
        // An excluded treatment never ranks above a safe one.
        int firstExcluded = indexOfVerdict(treatments, "excluded");
        for (int i = firstExcluded; i < treatments.size(); i++) {
            assertThat(treatments.get(i).get("verdict").asString()).isEqualTo("excluded");
        }
    }

    @Test
    void unknownAnswersNeedInformationAndAreNeverReadAsNo() {
        Map<String, Object> body = healthy();
        body.remove("medical");
        JsonNode treatments = http.postJson(PATH, body).json().get("treatments");
        int needs = 0;
        for (JsonNode t : treatments) {
            boolean asks = t.get("reasons").toString().contains("We need your answer");
            if (asks) {
                needs++;
                assertThat(t.get("verdict").asString()).as(t.get("code").asString())
                        .isIn("needs-information", "excluded");
                assertThat(t.get("course").isNull()).isTrue();
            }
        }
        assertThat(needs).isPositive();
        assertThat(indexOfVerdict(treatments, "needs-information")).isNotNegative();
        assertThat(treatments.toString()).contains(MedicalFlag.PREGNANT_OR_BREASTFEEDING.question());
    }

    static Stream<Arguments> badInputs() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        return Stream.of(
                Arguments.of("unknown skin type", "{\"skinType\": \"greasy\"}", "skinType", "'greasy' is not one of"),
                Arguments.of("unknown concern", "{\"concerns\": [\"acne\", \"wrinkles\"]}", "concerns[1]", "'wrinkles'"),
                Arguments.of("unknown body area", "{\"bodyAreas\": [\"elbow\"]}", "bodyAreas[0]", "'elbow'"),
                Arguments.of("unknown cause", "{\"causes\": [\"stress\"]}", "causes[0]", "'stress'"),
                Arguments.of("fitzpatrick 0", "{\"fitzpatrick\": 0}", "fitzpatrick", "from 1 to 6"),
                Arguments.of("fitzpatrick 7", "{\"fitzpatrick\": 7}", "fitzpatrick", "from 1 to 6"),
                Arguments.of("negative age", "{\"age\": -1}", "age", "from 0 to 120"),
                Arguments.of("huge age", "{\"age\": 99999999999999999999999}", "age", "from 0 to 120"),
                Arguments.of("huge fitzpatrick", "{\"fitzpatrick\": 99999999999999999999}", "fitzpatrick", "from 1 to 6"),
                Arguments.of("infinite budget", "{\"budgetUsd\": 1e400}", "budgetUsd", "must be an amount"),
                Arguments.of("future isotretinoin", "{\"isotretinoinLastTaken\": \"" + tomorrow + "\"}",
                        "isotretinoinLastTaken", "is in the future"),
                Arguments.of("future isotretinoin in medical", "{\"medical\": {\"isotretinoinLastTaken\": \"" + tomorrow
                        + "\"}}", "medical.isotretinoinLastTaken", "is in the future"),
                Arguments.of("not a date", "{\"topicalRetinoidLastUsed\": \"last spring\"}", "topicalRetinoidLastUsed",
                        "YYYY-MM-DD"),
                Arguments.of("medical answer not a yes or no", "{\"medical\": {\"epilepsy\": 3}}", "medical.epilepsy",
                        "true, false or null"),
                Arguments.of("malformed JSON", "{\"age\": 30,", "body", "is not valid JSON"),
                Arguments.of("not an object", "[1, 2]", "body", "must be a JSON object"),
                Arguments.of("empty body", "", "body", "missing"),
                Arguments.of("unknown field", "{\"age\": 30, \"favouriteColour\": \"blue\"}", "favouriteColour",
                        "is not a field"),
                Arguments.of("unknown medical question", "{\"medical\": {\"pregnant\": true}}", "medical.pregnant",
                        "is not a medical question"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsA400NamingTheField(String what, String body, String field, String reason) {
        Http.Response r = http.postJson(PATH, body);
        assertThat(r.status()).as(what).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asString()).endsWith("/invalid-input");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(what).contains(field);
        JsonNode error = find(problem.get("errors"), field);
        assertThat(error.get("reason").asString()).as(what).contains(reason);
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        Http.Response r = http.postJson(PATH, "{\"age\": -4, \"fitzpatrick\": 7, \"skinType\": \"shiny\", "
                + "\"concerns\": [\"wrinkles\"], \"colour\": 1}");
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("age", "fitzpatrick", "skinType", "concerns[0]", "colour");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "{\"jurisdiction\": \"" + "x".repeat(70_000) + "\"}";
        Http.Response declared = http.postJson(PATH, big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        assertThat(declared.json().get("status").asInt()).isEqualTo(413);
        assertThat(declared.json().get("detail").asString()).contains("65536");

        HttpResponse<String> chunked = sendChunked(big);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        // A chunked body within the limit is read as usual.
        HttpResponse<String> small = sendChunked(Http.JSON.writeValueAsString(healthy()));
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(small.body()).get("treatments").size()).isPositive();
    }

    @Test
    void otherMistakesAreProblemsTooNeverA500() {
        Http.Response text = send("text/plain", "{}");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        Http.Response get = http.get(PATH);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.contentType()).startsWith("application/problem+json");
        Http.Response deep = http.postJson(PATH, "{\"medical\":" + "[".repeat(3000) + "]".repeat(3000) + "}");
        assertThat(deep.status()).isEqualTo(400);
    }

    @Test
    void isDocumentedInTheOpenApiDescription() {
        JsonNode docs = http.get("/api/docs").json();
        JsonNode post = docs.get("paths").get(PATH).get("post");
        assertThat(post.get("summary").asString()).contains("Recommend treatments");
        assertThat(post.get("security")).as("public: no bearer required").isNull();
    }

    @Test
    void storesNothing() {
        Map<String, Long> before = rowCounts();
        for (int i = 0; i < 5; i++) {
            assertThat(http.postJson(PATH, healthy()).status()).isEqualTo(200);
        }
        assertThat(http.postJson(PATH, "{\"age\": -1}").status()).isEqualTo(400);
        assertThat(rowCounts()).isEqualTo(before);
    }

    private Map<String, Long> rowCounts() {
        List<String> tables = jdbc.sql("""
                select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                """).query(String.class).list();
        assertThat(tables).isNotEmpty();
        Map<String, Long> counts = new TreeMap<>();
        tables.forEach(t -> counts.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single()));
        return counts;
    }

    private HttpResponse<String> sendChunked(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Http.Response send(String contentType, String body) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + PATH)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOfVerdict(JsonNode treatments, String verdict) {
        for (int i = 0; i < treatments.size(); i++) {
            if (treatments.get(i).get("verdict").asString().equals(verdict)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode find(JsonNode errors, String field) {
        for (JsonNode e : errors) {
            if (e.get("field").asString().equals(field)) {
                return e;
            }
        }
        throw new AssertionError("no error for " + field + " in " + errors);
    }

    static final Set<String> INVASIVENESS = Set.of("non-invasive", "superficial", "dermal", "ablative");

    @Test
    void theIssuesExampleGetsTheGentlestFittingOptionsFirstAndNoAblativeLaserRecommended() {
        JsonNode body = http.postJson(PATH, """
                {"age": 28, "skinType": "oily", "concerns": ["blackheads"], "fitzpatrick": 2,
                 "pregnantOrBreastfeeding": false, "activeInfectionInArea": false, "coldSoreHistory": false,
                 "sunburnOrRecentTan": false, "openWoundsInArea": false, "keloidTendency": false,
                 "rosaceaOrEczemaFlare": false, "psoriasisFlare": false, "photosensitizingMedication": false,
                 "autoimmuneOrImmunosuppressed": false, "recentChemotherapy": false, "skinCancerInArea": false,
                 "pacemakerOrMetalInArea": false, "epilepsy": false, "salicylateAllergy": false,
                 "isotretinoinLastTaken": "never", "topicalRetinoidLastUsed": "never"}""").json();
        List<JsonNode> treatments = new ArrayList<>();
        body.get("treatments").forEach(treatments::add);

        assertThat(treatments).filteredOn(t -> t.get("verdict").asString().equals("recommended"))
                .isNotEmpty().allSatisfy(t -> assertThat(t.get("invasiveness").asString()).isEqualTo("non-invasive"));
        assertThat(treatments).filteredOn(t -> t.get("code").asString().equals("laser-resurfacing")).singleElement()
                .satisfies(t -> assertThat(t.get("verdict").asString()).isNotEqualTo("recommended"));
        assertThat(treatments.get(0).get("code").asString()).isNotEqualTo("chemical-peel");
        assertThat(treatments).filteredOn(t -> t.get("code").asString().equals("chemical-peel")).singleElement()
                .satisfies(t -> {
                    assertThat(t.get("verdict").asString()).isEqualTo("possible");
                    assertThat(t.get("reasons").toString()).contains("a gentler option usually comes first: ");
                });
        assertThat(body.get("plan").get("firstStep").get("invasiveness").asString()).isEqualTo("non-invasive");
        assertThat(body.get("plan").get("nextStep").get("invasiveness").asString()).isEqualTo("superficial");
    }

    @Test
    void aSeverityKeyNotAmongTheConcernsIsA400NamingIt() {
        Http.Response r = http.postJson(PATH, "{\"concerns\": [\"acne\"], \"severity\": {\"acne-scars\": \"severe\"}}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("severity.acne-scars");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}

package com.clearskin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TreatmentApiIT {

    static final List<String> REQUIRED_CODES = List.of("extraction-facial", "deep-pore-cleansing",
            "home-deep-pore-cleansing", "back-facial", "chemical-peel", "microdermabrasion", "microneedling",
            "laser-resurfacing");

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void listsEveryRequiredTreatmentWithStepsAndPrices() {
        Http.Response r = http.get("/api/v1/treatments");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode body = r.json();
        List<String> codes = new ArrayList<>();
        body.get("treatments").forEach(t -> codes.add(t.get("code").asString()));
        assertThat(codes).containsAll(REQUIRED_CODES);
        assertThat(body.get("count").asInt()).isEqualTo(codes.size());
        body.get("treatments").forEach(t -> {
            assertThat(t.get("protocol").size()).as(t.get("code").asString()).isPositive();
            assertThat(t.get("price").get("min").decimalValue()).isNotNull();
            assertThat(t.get("price").get("max").decimalValue()).isGreaterThanOrEqualTo(t.get("price").get("min").decimalValue());
            assertThat(t.get("duration").get("typicalMinutes").asInt()).isPositive();
        });
    }

    @Test
    void oneTreatmentCarriesEveryFieldOfTheCatalog() {
        JsonNode t = http.get("/api/v1/treatments/deep-pore-cleansing").json();
        for (String field : List.of("code", "name", "summary", "bodyAreas", "protocol", "duration", "price", "course",
                "downtime", "cadence", "qualification", "equipment", "contraindications", "beforeCare", "aftercare",
                "concerns")) {
            assertThat(t.has(field)).as(field).isTrue();
        }
        JsonNode prepare = t.get("protocol").get(0);
        assertThat(prepare.get("sources").toString()).contains("seed-001");
    }

    @Test
    void unknownCodeIsAProblem404() {
        Http.Response r = http.get("/api/v1/treatments/no-such-thing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).contains("no-such-thing");
    }

    @Test
    void filtersByConcernAndBodyArea() {
        JsonNode body = http.get("/api/v1/treatments?concern=back-acne&bodyArea=back").json();
        List<String> codes = new ArrayList<>();
        body.get("treatments").forEach(t -> codes.add(t.get("code").asString()));
        assertThat(codes).contains("back-facial").doesNotContain("microneedling");
    }

    @Test
    void unknownFilterValueIsA400NamingTheParameter() {
        Http.Response r = http.get("/api/v1/treatments?bodyArea=elbow");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("bodyArea");
        assertThat(r.json().get("errors").get(0).get("reason").asString()).contains("elbow");
    }

    @Test
    void unknownApiPathIsAProblem404EvenWithoutSigningIn() {
        Http.Response r = http.get("/api/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyCitedSourceIsInThePublicRegister() {
        Http.Response r = http.get("/api/v1/sources");
        assertThat(r.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("sources").forEach(s -> ids.add(s.get("id").asString()));
        http.get("/api/v1/treatments").json().get("treatments").forEach(t ->
                t.get("price").get("sources").forEach(id -> assertThat(ids).contains(id.asString())));
    }

    @Test
    void openApiDocumentsTheCatalog() {
        Http.Response r = http.get("/api/docs");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("paths").has("/api/v1/treatments/{code}")).isTrue();
        assertThat(r.json().get("paths").has("/api/v1/clinics/{slug}/treatments/{code}")).isTrue();
    }

}

package com.clearskin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class ClinicTreatmentApiIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;

    TestClinic clinic;
    String base;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        base = "/api/v1/clinics/" + clinic.slug() + "/treatments";
    }

    Http as(Role role) {
        return signedIn(clinic.email(role), TestClinics.PASSWORD);
    }

    Http signedIn(String email, String password) {
        Http http = new Http(port);
        Http.Response token = http.postJson("/api/v1/auth/tokens", Map.of("email", email, "password", password));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        return http.bearer(token.json().get("token").asString());
    }

    @Test
    void aNewClinicHasItsOwnCopyOfEveryDefault() {
        JsonNode list = as(Role.FRONT_DESK).get(base).json();
        assertThat(list.get("count").asInt()).isEqualTo(new Http(port).get("/api/v1/treatments").json().get("count").asInt());
        JsonNode first = list.get("treatments").get(0);
        assertThat(first.get("customized").asBoolean()).isFalse();
        assertThat(first.get("defaultVersion").asString()).isNotBlank();
    }

    @Test
    void anAdminEditsThePriceAndTheDefaultStaysUntouched() {
        Http admin = as(Role.ADMIN);
        Http.Response before = admin.get(base + "/microneedling");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.header("ETag")).isEqualTo("\"1\"");
        ObjectNode edited = (ObjectNode) before.json();
        ((ObjectNode) edited.get("price")).put("min", 350).put("max", 650);

        Http.Response after = admin.putJson(base + "/microneedling", edited, Map.of("If-Match", before.header("ETag")));

        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.json().get("price").get("min").asInt()).isEqualTo(350);
        assertThat(after.json().get("price").get("sources").get(0).asString()).isEqualTo("clinic");
        assertThat(after.json().get("duration").get("sources").toString()).doesNotContain("clinic");
        assertThat(after.json().get("customized").asBoolean()).isTrue();
        assertThat(after.json().get("revision").asInt()).isEqualTo(2);
        assertThat(admin.get(base + "/microneedling").json().get("price").get("min").asInt()).isEqualTo(350);
        assertThat(new Http(port).get("/api/v1/treatments/microneedling").json().get("price").get("min").asInt())
                .isEqualTo(300);
    }

    @Test
    void anEditFromAStaleCopyIsRefusedWith409() {
        Http owner = as(Role.OWNER);
        JsonNode copy = owner.get(base + "/back-facial").json();
        assertThat(owner.putJson(base + "/back-facial", copy, Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);

        Http.Response stale = owner.putJson(base + "/back-facial", copy, Map.of("If-Match", "\"1\""));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anIncoherentEditIsA400NamingEachField() {
        Http owner = as(Role.OWNER);
        ObjectNode copy = (ObjectNode) owner.get(base + "/chemical-peel").json();
        ((ObjectNode) copy.get("price")).put("min", 500).put("max", 100);
        ((ObjectNode) copy.get("duration")).put("typicalMinutes", 0);
        copy.put("name", " ");

        Http.Response r = owner.putJson(base + "/chemical-peel", copy, Map.of());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"price.max\"", "\"duration.typicalMinutes\"", "\"name\"");
        assertThat(owner.get(base + "/chemical-peel").json().get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownBodyAreaIsA400NamingTheField() {
        Http owner = as(Role.OWNER);
        ObjectNode copy = (ObjectNode) owner.get(base + "/chemical-peel").json();
        copy.putArray("bodyAreas").add("elbow");

        Http.Response r = owner.putJson(base + "/chemical-peel", copy, Map.of());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("bodyAreas[0]");
        assertThat(r.json().get("errors").get(0).get("reason").asString())
                .isEqualTo("'elbow' is not one of [face, neck, chest, back, shoulders, arms, hands]");
    }

    @Test
    void aWrongTypeIsA400SayingWhatIsExpected() {
        Http owner = as(Role.OWNER);
        ObjectNode copy = (ObjectNode) owner.get(base + "/chemical-peel").json();
        ((ObjectNode) copy.get("duration")).put("minMinutes", "thirty");

        Http.Response r = owner.putJson(base + "/chemical-peel", copy, Map.of());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("duration.minMinutes");
        assertThat(r.json().get("errors").get(0).get("reason").asString()).isEqualTo("'thirty' is not a number");
    }

    @Test
    void malformedJsonIsA400() {
        Http.Response r = as(Role.OWNER).putJson(base + "/chemical-peel", "{\"name\": ", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theCodeInTheBodyMustMatchTheAddress() {
        Http owner = as(Role.OWNER);
        ObjectNode copy = (ObjectNode) owner.get(base + "/chemical-peel").json();
        copy.put("code", "microneedling");
        Http.Response r = owner.putJson(base + "/chemical-peel", copy, Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
    }

    @Test
    void practitionersReadButMayNotEdit() {
        Http practitioner = as(Role.PRACTITIONER);
        JsonNode copy = practitioner.get(base + "/microdermabrasion").json();
        Http.Response r = practitioner.putJson(base + "/microdermabrasion", copy, Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aUserOfAnotherClinicGets404AsIfTheClinicDidNotExist() {
        Http outsider = signedIn("owner@second.test", IntegrationTest.DEMO_PASSWORD);
        JsonNode copy = as(Role.OWNER).get(base + "/microneedling").json();

        assertThat(outsider.get(base).status()).isEqualTo(404);
        assertThat(outsider.get(base + "/microneedling").status()).isEqualTo(404);
        Http.Response put = outsider.putJson(base + "/microneedling", copy, Map.of());
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.body()).doesNotContain(clinic.clinic().name());
        assertThat(outsider.get("/api/v1/clinics/no-such-clinic/treatments").status()).isEqualTo(404);
    }

    @Test
    void unknownTreatmentInAClinicIs404() {
        assertThat(as(Role.OWNER).get(base + "/no-such-treatment").status()).isEqualTo(404);
    }

    @Test
    void withoutATokenTheClinicApiIs401() {
        Http.Response r = new Http(port).get(base);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(new Http(port).bearer("cs_forged").get(base).status()).isEqualTo(401);
    }

    @Test
    void resetPutsTheDefaultBack() {
        Http owner = as(Role.OWNER);
        ObjectNode copy = (ObjectNode) owner.get(base + "/led-therapy").json();
        copy.put("name", "Blue light for acne");
        assertThat(owner.putJson(base + "/led-therapy", copy, Map.of()).status()).isEqualTo(200);

        Http.Response reset = owner.postJson(base + "/led-therapy/reset", "");

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("customized").asBoolean()).isFalse();
        assertThat(reset.json().get("name").asString())
                .isEqualTo(new Http(port).get("/api/v1/treatments/led-therapy").json().get("name").asString());
    }
}

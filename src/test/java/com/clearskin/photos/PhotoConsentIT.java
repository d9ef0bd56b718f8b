package com.clearskin.photos;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.clients.Clients;
import com.clearskin.sessions.SessionFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Photo consent as two choices on the consent a client signs (issue 16): a no stops the clinic's photos,
 * marketing use only on a yes that holds now, gone again on withdrawal or erasure.
 */
@IntegrationTest
class PhotoConsentIT {

    static final String FACIAL = "extraction-facial";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    SessionFixtures sessionFixtures;
    @Autowired
    Clients clients;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String base;
    UUID client;
    UUID practitioner;
    UUID room;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open("Europe/Paris");
        base = "/api/v1/clinics/" + clinic.slug();
        practitioner = sessionFixtures.practitioner(clinic, Role.PRACTITIONER, "esthetician");
        room = sessionFixtures.room(clinic);
        client = fixtures.client(clinic.clinic(), "Mara", "Model");
    }

    Http as(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    Http browser(Role role) {
        Http web = new Http(port);
        web.signIn(clinic.email(role), TestClinics.PASSWORD);
        return web;
    }

    Http.Response sign(Http http, Object photos) {
        UUID appointment = sessionFixtures.appointment(clinic, client, FACIAL, practitioner, room);
        String form = http.get(base + "/consent-forms?treatment=" + FACIAL).json().get("forms").get(0).get("id").asString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("formId", form);
        body.put("signerName", "Mara Model");
        body.put("typedSignature", "Mara Model");
        body.put("agreed", true);
        if (photos != null) {
            body.put("photos", photos);
        }
        return http.postJson(base + "/appointments/" + appointment + "/consents", body);
    }

    Http.Response upload(Http http) throws Exception {
        return http.postMultipart(base + "/clients/" + client + "/photos", Map.of("view", "front", "area", "nose"),
                "file", PhotoApiIT.skinJpeg(3));
    }

    String photoConsent(Http http) {
        return http.get(base + "/clients/" + client + "/photos").json().get("photoConsent").asString();
    }

    JsonNode marketing(Http http) {
        Http.Response r = http.get(base + "/marketing-photos");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("photos");
    }

    @Test
    void marketingUseNeedsAYesThatHoldsAndEndsWithTheWithdrawal() throws Exception {
        Http owner = as(Role.OWNER);
        assertThat(photoConsent(owner)).as("no consent asked yet").isEqualTo("not-asked");
        Http.Response before = upload(owner);
        assertThat(before.status()).as("a record photo without a photo answer, as before: " + before.body()).isEqualTo(201);
        assertThat(marketing(owner)).as("not asked is never yes to marketing").isEmpty();

        Http.Response signed = sign(owner, Map.of("record", true, "marketing", true));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        String consent = signed.json().get("id").asString();
        JsonNode evidence = owner.get(base + "/consents/" + consent).json();
        assertThat(evidence.get("photos").get("record").asBoolean()).isTrue();
        assertThat(evidence.get("photos").get("marketing").asBoolean()).isTrue();
        assertThat(photoConsent(owner)).isEqualTo("marketing");
        String photo = before.json().get("id").asString();
        assertThat(marketing(owner)).extracting(p -> p.get("id").asString()).containsExactly(photo);
        assertThat(marketing(owner).get(0).get("image").asString()).endsWith("/photos/" + photo);

        Http.Response page = browser(Role.OWNER).get("/app/clinics/" + clinic.slug() + "/marketing-photos");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/photos/" + photo + "/thumbnail");

        long audited = jdbc.sql("""
                select count(*) from audit_event where clinic_id = :c and client_id = :client and resource = 'photo'
                    and detail = 'photos listed for marketing'""").param("c", clinic.clinic().id()).param("client", client)
                .query(Long.class).single();
        assertThat(audited).isEqualTo(3);

        assertThat(owner.postJson(base + "/consents/" + consent + "/withdraw", Map.of("reason", "changed my mind"))
                .status()).isEqualTo(200);
        assertThat(marketing(owner)).as("withdrawn: out at once").isEmpty();
        assertThat(photoConsent(owner)).isEqualTo("not-asked");
    }

    @Test
    void aClientWhoSaidNoGetsNoPhotoTakenUntilTheySignAgain() throws Exception {
        Http owner = as(Role.OWNER);
        assertThat(sign(owner, Map.of("record", false, "marketing", false)).status()).isEqualTo(201);
        assertThat(photoConsent(owner)).isEqualTo("declined");
        Http.Response refused = upload(owner);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("rule").asString()).isEqualTo("photo-consent-declined");
        assertThat(jdbc.sql("select count(*) from client_photo where clinic_id = :c and client_id = :client")
                .param("c", clinic.clinic().id()).param("client", client).query(Long.class).single()).isZero();

        Http.Response pageUpload = browser(Role.OWNER).get("/app/clinics/" + clinic.slug() + "/clients/" + client + "/photos");
        assertThat(pageUpload.body()).contains("said no to photos").doesNotContain("id=\"photo-upload\"");

        assertThat(sign(owner, Map.of("record", true, "marketing", false)).status()).isEqualTo(201);
        assertThat(photoConsent(owner)).isEqualTo("record");
        assertThat(upload(owner).status()).isEqualTo(201);
        assertThat(marketing(owner)).as("record only is not marketing").isEmpty();
    }

    @Test
    void anErasedClientsPhotosAreNeverMarketingMaterial() throws Exception {
        Http owner = as(Role.OWNER);
        assertThat(sign(owner, Map.of("record", true, "marketing", true)).status()).isEqualTo(201);
        assertThat(upload(owner).status()).isEqualTo(201);
        assertThat(marketing(owner)).hasSize(1);
        clients.erase(clinic.clinic(), client);
        assertThat(marketing(owner)).isEmpty();
        assertThat(photoConsent(owner)).isEqualTo("record");
    }

    @Test
    void badPhotoChoicesAreNamedAndOnlyOwnersAndAdminsSeeMarketingPhotos() {
        Http owner = as(Role.OWNER);
        assertField(sign(owner, Map.of("record", false, "marketing", true)), "photos.marketing");
        assertField(sign(owner, Map.of("marketing", false)), "photos.record");
        assertField(sign(owner, Map.of("record", 1, "marketing", false)), "photos.record");
        assertThat(jdbc.sql("select count(*) from consent_signature where clinic_id = :c").param("c", clinic.clinic().id())
                .query(Long.class).single()).as("nothing signed by a refused request").isZero();
        assertThat(as(Role.FRONT_DESK).get(base + "/marketing-photos").status()).isEqualTo(403);
        assertThat(as(Role.PRACTITIONER).get(base + "/marketing-photos").status()).isEqualTo(403);
        assertThat(as(Role.ADMIN).get(base + "/marketing-photos").status()).isEqualTo(200);
    }

    static void assertField(Http.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        java.util.List<String> fields = new java.util.ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains(field);
    }
}

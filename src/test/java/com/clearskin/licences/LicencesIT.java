package com.clearskin.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.PlatformAccess;
import com.clearskin.accounts.PlatformRole;
import com.clearskin.accounts.Role;
import com.clearskin.clients.Client;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Licences end to end: the clinic adds them with a document, the Clearskin reviewer verifies or
 * rejects them (clinic staff may not), an expired licence takes the practitioner out of availability
 * and refuses their booking (422 naming the rule), the clinic's verification setting, one expiry
 * warning per licence and owner, and no clinic sees another's.
 */
@IntegrationTest
class LicencesIT {

    static final String TREATMENT = "extraction-facial"; // an esthetician's treatment
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    ScheduleFixtures schedule;
    @Autowired
    Accounts accounts;
    @Autowired
    PlatformAccess platform;
    @Autowired
    LicenceExpiryWarnings warnings;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    UUID practitioner;
    Client client;
    Http owner;
    String base;
    LocalDate today;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        schedule.simpleEveryDay(clinic.clinic(), 120, TREATMENT);
        practitioner = schedule.practitioner(clinic.clinic(), "Ada Esthetician", "esthetician", null);
        schedule.room(clinic.clinic(), "Room 1");
        client = schedule.clientRecord(clinic.clinic(), "Lena", "Licence");
        owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        base = "/api/v1/clinics/" + clinic.slug();
        today = LocalDate.now(clinic.clinic().timeZone());
    }

    @Test
    void theClinicAddsALicenceWithItsDocumentListsItAndReadsTheDocument() throws Exception {
        Reply created = addLicence(token(Role.OWNER), practitioner, "esthetician", "E-1234", today.plusYears(1), PDF);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode l = created.json();
        assertThat(l.get("status").asString()).isEqualTo("pending");
        assertThat(l.get("counts").asBoolean()).isFalse();
        assertThat(l.get("documentType").asString()).isEqualTo("application/pdf");

        Http.Response list = owner.get(base + "/practitioners/" + practitioner + "/licences");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("licences")).hasSize(1);
        assertThat(list.json().get("licences").get(0).get("number").asString()).isEqualTo("E-1234");

        Http.Response doc = owner.get(l.get("document").asString());
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.contentType()).startsWith("application/pdf");
        assertThat(doc.body()).startsWith("%PDF-");
        assertThat(doc.header("Content-Security-Policy")).as("an uploaded file runs no script").contains("sandbox");
        assertThat(jdbc.sql("select count(*) from audit_event where clinic_id = :c and resource = 'licence' and action = 'read'")
                .param("c", clinic.clinic().id()).query(Integer.class).single()).as("the read is audited").isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String token = token(Role.OWNER);
        assertField(addLicence(token, practitioner, "esthetician", "E-1", today.plusYears(1),
                "GIF89a not a licence".getBytes(StandardCharsets.US_ASCII)), "document");
        assertField(addLicence(token, practitioner, "wizard", "E-1", today.plusYears(1), PDF), "type");
        assertField(addLicence(token, practitioner, "esthetician", "", today.plusYears(1), PDF), "number");
        assertField(addLicence(token, practitioner, "esthetician", "E-1", today.minusDays(1), PDF), "expiresOn");
        assertField(addLicence(token, practitioner, "esthetician", "E-1", today.plusYears(1), null), "document");
        assertThat(owner.get(base + "/practitioners/" + practitioner + "/licences").json().get("licences")).isEmpty();
    }

    @Test
    void onlyOwnersAndAdminsManageLicences() throws Exception {
        for (Role role : List.of(Role.PRACTITIONER, Role.FRONT_DESK, Role.CLIENT)) {
            Http other = new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
            assertThat(other.get(base + "/practitioners/" + practitioner + "/licences").status()).as(role.code())
                    .isIn(403, 404);
            assertThat(addLicence(token(role), practitioner, "esthetician", "E-1", today.plusYears(1), PDF).status())
                    .as(role.code()).isIn(403, 404);
        }
        assertThat(addLicence(token(Role.ADMIN), practitioner, "esthetician", "E-1", today.plusYears(1), PDF).status())
                .isEqualTo(201);
    }

    @Test
    void theReviewerVerifiesAndRejectsWithANoteRecordedWithWhoAndWhen() throws Exception {
        String id = addLicence(token(Role.OWNER), practitioner, "esthetician", "E-77", today.plusYears(1), PDF).json()
                .get("id").asString();
        Http reviewer = reviewer();
        Http.Response queue = reviewer.get("/api/v1/platform/licences?status=pending");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(ids(queue.json().get("licences"))).contains(id);
        assertThat(reviewer.get("/api/v1/platform/licences/" + id + "/document").body()).startsWith("%PDF-");

        Http.Response verified = reviewer.postJson("/api/v1/platform/licences/" + id + "/verification",
                Map.of("decision", "verified", "note", "Matches the board's register."));
        assertThat(verified.status()).as(verified.body()).isEqualTo(201);
        assertThat(verified.json().get("licence").get("status").asString()).isEqualTo("verified");
        JsonNode listed = owner.get(base + "/practitioners/" + practitioner + "/licences").json().get("licences").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("verified");
        assertThat(listed.get("counts").asBoolean()).isTrue();
        assertThat(ids(reviewer.get("/api/v1/platform/licences?status=pending").json().get("licences"))).doesNotContain(id);

        Http.Response noNote = reviewer.postJson("/api/v1/platform/licences/" + id + "/verification",
                Map.of("decision", "rejected"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        assertThat(reviewer.postJson("/api/v1/platform/licences/" + id + "/verification",
                Map.of("decision", "maybe")).body()).contains("decision");
        Http.Response rejected = reviewer.postJson("/api/v1/platform/licences/" + id + "/verification",
                Map.of("decision", "rejected", "note", "The number belongs to someone else."));
        assertThat(rejected.status()).isEqualTo(201);
        assertThat(rejected.json().get("decisions")).hasSize(2);
        assertThat(rejected.json().get("decisions").get(1).get("note").asString()).contains("someone else");
        assertThat(rejected.json().get("decisions").get(1).get("decidedBy").asString()).isNotBlank();
        assertThat(owner.get(base + "/practitioners/" + practitioner + "/licences").json().get("licences").get(0)
                .get("review").get("note").asString()).contains("someone else");

        assertThat(jdbc.sql("""
                select count(*) from audit_event where clinic_id = :c and resource = 'licence' and action = 'update'
                and actor_id = (select id from app_user where email = :email) and actor_role is null""")
                .param("c", clinic.clinic().id()).param("email", reviewerEmail).query(Integer.class).single())
                .as("each decision is audited with the reviewer").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from licence_verification where clinic_id = :c")
                .param("c", clinic.clinic().id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void clinicStaffMayNotUseThePlatformReview() throws Exception {
        String id = addLicence(token(Role.OWNER), practitioner, "esthetician", "E-9", today.plusYears(1), PDF).json()
                .get("id").asString();
        for (Role role : Role.values()) {
            Http staff = new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
            assertThat(staff.get("/api/v1/platform/licences").status()).as(role.code()).isEqualTo(403);
            assertThat(staff.get("/api/v1/platform/licences/" + id + "/document").status()).as(role.code()).isEqualTo(403);
            assertThat(staff.postJson("/api/v1/platform/licences/" + id + "/verification",
                    Map.of("decision", "verified", "note", "")).status()).as(role.code()).isEqualTo(403);
        }
        Http browser = new Http(port);
        browser.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        assertThat(browser.get("/app/platform/licences").status()).isEqualTo(403);
        assertThat(new Http(port).get("/api/v1/platform/licences").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from licence_verification where clinic_id = :c")
                .param("c", clinic.clinic().id()).query(Integer.class).single()).isZero();
    }

    @Test
    void anExpiredLicenceLeavesAvailabilityAndItsBookingIsRefusedNamingTheRule() throws Exception {
        LocalDate expires = today.plusDays(2);
        String id = addLicence(token(Role.OWNER), practitioner, "esthetician", "E-5", expires, PDF).json()
                .get("id").asString();
        reviewer().postJson("/api/v1/platform/licences/" + id + "/verification", Map.of("decision", "verified", "note", ""));

        List<LocalDate> days = slotDays(today.plusDays(1), today.plusDays(5), null);
        assertThat(days).as("bookable up to the expiry date").contains(today.plusDays(1), expires);
        assertThat(days).as("left out after it").doesNotContain(today.plusDays(3), today.plusDays(4), today.plusDays(5));

        Http.Response withThem = owner.postJson(base + "/appointments", Map.of("clientId", client.id().toString(),
                "treatment", TREATMENT, "start", at(today.plusDays(4), "10:00"), "practitionerId", practitioner.toString()));
        assertThat(withThem.status()).as(withThem.body()).isEqualTo(422);
        assertThat(withThem.json().get("rule").asString()).isEqualTo("licence-expired");
        Http.Response anyone = owner.postJson(base + "/appointments", Map.of("clientId", client.id().toString(),
                "treatment", TREATMENT, "start", at(today.plusDays(4), "10:00")));
        assertThat(anyone.status()).as(anyone.body()).isEqualTo(422);
        assertThat(anyone.json().get("rule").asString()).isEqualTo("licence-expired");

        Http.Response before = owner.postJson(base + "/appointments", Map.of("clientId", client.id().toString(),
                "treatment", TREATMENT, "start", at(expires, "10:00"), "practitionerId", practitioner.toString()));
        assertThat(before.status()).as("the expiry date itself is still valid: " + before.body()).isEqualTo(201);

        UUID unlicensed = schedule.practitioner(clinic.clinic(), "Bea Esthetician", "esthetician", null);
        Client another = schedule.clientRecord(clinic.clinic(), "Otto", "Other");
        Http.Response other = owner.postJson(base + "/appointments", Map.of("clientId", another.id().toString(),
                "treatment", TREATMENT, "start", at(today.plusDays(4), "11:00")));
        assertThat(other.status()).as("no licence on file, no verification required: " + other.body()).isEqualTo(201);
        assertThat(other.json().get("practitionerId").asString()).isEqualTo(unlicensed.toString());
    }

    @Test
    void whereTheClinicRequiresVerificationOnlyAVerifiedLicenceMakesBookable() throws Exception {
        assertThat(slotDays(today.plusDays(1), today.plusDays(2), null)).as("off by default").isNotEmpty();
        Http.Response on = owner.putJson(base + "/licence-settings", Map.of("verificationRequired", true), Map.of());
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(owner.get(base + "/licence-settings").json().get("verificationRequired").asBoolean()).isTrue();

        assertThat(slotDays(today.plusDays(1), today.plusDays(3), null)).as("a second search: the first was remembered").isEmpty();
        Http.Response refused = owner.postJson(base + "/appointments", Map.of("clientId", client.id().toString(),
                "treatment", TREATMENT, "start", at(today.plusDays(1), "10:00"), "practitionerId", practitioner.toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asString()).isEqualTo("licence-not-verified");

        String id = addLicence(token(Role.OWNER), practitioner, "esthetician", "E-6", today.plusYears(1), PDF).json()
                .get("id").asString();
        assertThat(slotDays(today.plusDays(1), today.plusDays(4), null)).as("pending does not count").isEmpty();
        reviewer().postJson("/api/v1/platform/licences/" + id + "/verification", Map.of("decision", "verified", "note", ""));
        assertThat(slotDays(today.plusDays(1), today.plusDays(5), null)).isNotEmpty();
        assertThat(owner.postJson(base + "/appointments", Map.of("clientId", client.id().toString(), "treatment", TREATMENT,
                "start", at(today.plusDays(1), "10:00"), "practitionerId", practitioner.toString())).status()).isEqualTo(201);
        assertThat(owner.putJson(base + "/licence-settings", Map.of(), Map.of()).status()).isEqualTo(400);
    }

    @Test
    void theOwnersAreWarnedOnceOfALicenceExpiringWithinThirtyDays() throws Exception {
        String soon = addLicence(token(Role.OWNER), practitioner, "esthetician", "E-SOON", today.plusDays(10), PDF).json()
                .get("id").asString();
        addLicence(token(Role.OWNER), practitioner, "physician", "P-LATER", today.plusDays(60), PDF);
        assertThat(warnings.warn(clinic.clinic())).isEqualTo(1);
        assertThat(warnings.warn(clinic.clinic())).as("never twice").isZero();
        assertThat(warnings.warnDue()).isGreaterThanOrEqualTo(0);
        List<String> mails = jdbc.sql("select recipient || ' ' || subject from outbox_message where clinic_id = :c "
                + "and kind = 'licence-expiry'").param("c", clinic.clinic().id()).query(String.class).list();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).startsWith(clinic.email(Role.OWNER)).contains("Ada Esthetician", "esthetician licence");
        JsonNode listed = owner.get(base + "/practitioners/" + practitioner + "/licences").json().get("licences");
        for (JsonNode l : listed) {
            assertThat(l.get("expiresSoon").asBoolean()).as(l.get("number").asString())
                    .isEqualTo(l.get("id").asString().equals(soon));
        }
        Http browser = new Http(port);
        browser.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        Http.Response section = browser.get("/app/clinics/" + clinic.slug() + "/practitioners/" + practitioner
                + "/licences", Map.of("HX-Request", "true"));
        assertThat(section.status()).isEqualTo(200);
        assertThat(section.body()).contains("Ada Esthetician&#39;s esthetician licence expires on").doesNotContain("<html");
    }

    @Test
    void noClinicSeesAnothersLicences() throws Exception {
        String id = addLicence(token(Role.OWNER), practitioner, "esthetician", "E-ISO", today.plusYears(1), PDF).json()
                .get("id").asString();
        TestClinic other = testClinics.open();
        Http stranger = new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD);
        assertThat(stranger.get(base + "/practitioners/" + practitioner + "/licences").status()).isEqualTo(404);
        assertThat(stranger.get(base + "/practitioners/" + practitioner + "/licences/" + id + "/document").status())
                .isEqualTo(404);
        String otherBase = "/api/v1/clinics/" + other.slug();
        assertThat(stranger.get(otherBase + "/practitioners/" + practitioner + "/licences").status()).isEqualTo(404);
        assertThat(stranger.get(otherBase + "/practitioners/" + practitioner + "/licences/" + id + "/document").status())
                .isEqualTo(404);
        UUID theirs = schedule.practitioner(other.clinic(), "Their Esthetician", "esthetician", null);
        assertThat(stranger.get(otherBase + "/practitioners/" + theirs + "/licences/" + id + "/document").status())
                .isEqualTo(404);
    }

    @Test
    void thePagesAddALicenceSayWhatToFixAndTheReviewerDecidesInTheBrowser() throws Exception {
        Http browser = new Http(port);
        browser.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        String page = "/app/clinics/" + clinic.slug() + "/schedule/practitioners/" + practitioner;
        assertThat(browser.get(page).body()).contains("id=\"licences\"", "/practitioners/" + practitioner + "/licences");
        Http.Response licencePage = browser.get("/app/clinics/" + clinic.slug() + "/practitioners/" + practitioner
                + "/licences");
        assertThat(licencePage.status()).isEqualTo(200);
        assertThat(licencePage.body()).contains("Add a licence", "No licence on file.");

        Http reviewerBrowser = new Http(port);
        String email = newReviewer();
        reviewerBrowser.signIn(email, TestClinics.PASSWORD);
        String id = addLicence(token(Role.OWNER), practitioner, "esthetician", "E-PAGE", today.plusYears(1), PDF).json()
                .get("id").asString();
        Http.Response queue = reviewerBrowser.get("/app/platform/licences?status=pending");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("Ada Esthetician", "/app/platform/licences/" + id);
        String detail = "/app/platform/licences/" + id;
        Http.Response missingNote = reviewerBrowser.postForm(detail + "/verification", detail, Map.of("decision", "rejected"));
        assertThat(missingNote.status()).isEqualTo(400);
        assertThat(missingNote.body()).contains("Note is required to reject");
        Http.Response done = reviewerBrowser.postForm(detail + "/verification", detail,
                Map.of("decision", "verified", "note", "Fine."));
        assertThat(done.status()).isIn(200, 302, 303);
        assertThat(owner.get(base + "/practitioners/" + practitioner + "/licences").json().get("licences").get(0)
                .get("status").asString()).isEqualTo("verified");
        assertThat(reviewerBrowser.get("/app").body()).contains("/app/platform/licences");
    }

    @Test
    void theDirectorySeesEachLicencesStandingNeverItsNumberOrDocument() throws Exception {
        String verified = addLicence(token(Role.OWNER), practitioner, "esthetician", "E-DIR", today.plusYears(1), PDF)
                .json().get("id").asString();
        addLicence(token(Role.OWNER), practitioner, "physician", "P-DIR", today.plusYears(1), PDF);
        reviewer().postJson("/api/v1/platform/licences/" + verified + "/verification", Map.of("decision", "verified",
                "note", ""));
        var shown = credentials.forClinic(clinic.clinic().id(), today).get(practitioner);
        assertThat(shown).extracting(c -> c.type() + " " + c.standing())
                .containsExactlyInAnyOrder("esthetician VERIFIED", "physician PENDING");
        assertThat(shown).allSatisfy(c -> assertThat(c.jurisdiction()).isEqualTo("US-CA"));
        assertThat(credentials.forClinic(clinic.clinic().id(), today.plusYears(2)).get(practitioner))
                .extracting(c -> c.standing().name()).containsOnly("EXPIRED");
        assertThat(shown.toString()).doesNotContain("E-DIR", "P-DIR");
    }

    @Autowired
    LicenceCredentials credentials;

    // ---------------------------------------------------------------- helpers

    String reviewerEmail;

    String newReviewer() {
        String email = "reviewer-" + UUID.randomUUID().toString().substring(0, 8) + "@platform.test";
        UUID id = accounts.register(email, "Rita Reviewer", TestClinics.PASSWORD);
        platform.grant(id, PlatformRole.LICENCE_REVIEWER);
        return email;
    }

    Http reviewer() {
        reviewerEmail = newReviewer();
        return new Http(port).signInForApi(reviewerEmail, TestClinics.PASSWORD);
    }

    List<LocalDate> slotDays(LocalDate from, LocalDate to, UUID only) {
        Http.Response r = owner.get(base + "/availability?treatment=" + TREATMENT + "&from=" + from + "&to=" + to
                + (only == null ? "" : "&practitioner=" + only));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<LocalDate> days = new ArrayList<>();
        for (JsonNode s : r.json().get("slots")) {
            LocalDate day = java.time.OffsetDateTime.parse(s.get("start").asString()).atZoneSameInstant(
                    clinic.clinic().timeZone()).toLocalDate();
            if (!days.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    String at(LocalDate day, String localTime) {
        return ZonedDateTime.of(day, LocalTime.parse(localTime), clinic.clinic().timeZone()).toOffsetDateTime().toString();
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    static void assertField(Reply r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"" + field + "\"");
    }

    String token(Role role) {
        Http.Response t = new Http(port).postJson("/api/v1/auth/tokens", Map.of("email", clinic.email(role), "password",
                TestClinics.PASSWORD));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        return t.json().get("token").asString();
    }

    record Reply(int status, String body) {
        JsonNode json() {
            return Http.JSON.readTree(body);
        }
    }

    Reply addLicence(String token, UUID practitionerId, String type, String number, LocalDate expiresOn, byte[] document)
            throws Exception {
        String boundary = "----licence" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("number", number);
        fields.put("jurisdiction", "US-CA");
        fields.put("expiresOn", expiresOn.toString());
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (document != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"licence.pdf\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(document);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + base + "/practitioners/" + practitionerId + "/licences"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }
}

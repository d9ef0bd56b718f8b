package com.clearskin.booking;

import static com.clearskin.booking.ScheduleFixtures.at;
import static com.clearskin.booking.ScheduleFixtures.booking;
import static com.clearskin.support.TestIntakes.healthy;
import static com.clearskin.support.TestIntakes.medical;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.recommendation.Recommendations;
import com.clearskin.recommendation.TreatmentVerdict;
import com.clearskin.support.Http;
import com.clearskin.support.TestClinics;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every treatment rule through the booking API, as staff and as a client. */
@IntegrationTest
class BookingRulesIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BookingRules rules;
    @Autowired
    Recommendations recommendations;
    @Autowired
    Clients clients;

    TestClinic clinic;
    String path;
    LocalDate day;

    @BeforeEach
    void open() {
        clinic = fixture.forBookingRules();
        path = "/api/v1/clinics/" + clinic.slug() + "/appointments";
        day = LocalDate.now(clinic.clinic().timeZone()).plusDays(20);
    }

    Http as(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    Http.Response book(Http http, UUID client, String treatment, LocalDate on) {
        return http.postJson(path, booking(client, treatment, at(clinic, on)));
    }

    Http.Response bookWithReason(Http http, UUID client, String treatment, LocalDate on, String reason) {
        Map<String, Object> body = new HashMap<>(booking(client, treatment, at(clinic, on)));
        body.put("overrideReason", reason);
        return http.postJson(path, body);
    }

    static void refused(Http.Response r, String rule, LocalDate allowedFrom) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("rule").asString()).isEqualTo(rule);
        if (allowedFrom == null) {
            assertThat(r.json().path("allowedFrom").isNull() || r.json().path("allowedFrom").isMissingNode()).isTrue();
        } else {
            assertThat(r.json().get("allowedFrom").asString()).isEqualTo(allowedFrom.toString());
        }
    }

    @Test
    void aContraindicationExcludesUntilTheWashoutEndsAndStaffCannotOverrideIt() {
        LocalDate taken = LocalDate.now(clinic.clinic().timeZone()).minusMonths(2);
        Map<String, Object> intake = healthy("normal");
        medical(intake).put("isotretinoinLastTaken", taken.toString());
        UUID client = fixture.client(clinic, intake);

        Http.Response r = book(as(Role.ADMIN), client, "microneedling", day);
        refused(r, "isotretinoin-washout", taken.plusMonths(6));
        assertThat(r.json().get("detail").asString()).contains("Microneedling").contains("isotretinoin-washout");

        Http.Response overridden = bookWithReason(as(Role.OWNER), client, "microneedling", day, "client insists");
        refused(overridden, "isotretinoin-washout", taken.plusMonths(6));
        assertThat(count(client)).isZero();
    }

    static final String NEUTRAL = "a medical reason: a practitioner must review";

    UUID clientWhoTookIsotretinoin(LocalDate taken) {
        Map<String, Object> intake = healthy("normal");
        medical(intake).put("isotretinoinLastTaken", taken.toString());
        return fixture.client(clinic, intake);
    }

    static void revealsNoMedicalAnswer(Http.Response r, LocalDate taken) {
        String detail = r.json().get("detail").asString();
        assertThat(detail).contains(NEUTRAL).doesNotContain("isotretinoin").doesNotContain("took")
                .doesNotContain(taken.toString()).doesNotContain(taken.plusMonths(6).toString());
        assertThat(r.body()).doesNotContain(taken.toString()).doesNotContain(taken.plusMonths(6).toString());
    }

    @Test
    void aRoleWithoutHealthAccessIsToldOnlyThatThereIsAMedicalReason() {
        LocalDate taken = LocalDate.now(clinic.clinic().timeZone()).minusDays(70);
        UUID client = clientWhoTookIsotretinoin(taken);

        Http.Response desk = book(as(Role.FRONT_DESK), client, "microneedling", day);
        refused(desk, "isotretinoin-washout", null);
        revealsNoMedicalAnswer(desk, taken);
        Http.Response practitioner = book(as(Role.PRACTITIONER), client, "microneedling", day);
        refused(practitioner, "isotretinoin-washout", null);
        revealsNoMedicalAnswer(practitioner, taken);

        Http.Response owner = book(as(Role.OWNER), client, "microneedling", day);
        refused(owner, "isotretinoin-washout", taken.plusMonths(6));
        assertThat(owner.json().get("detail").asString()).contains("isotretinoin on " + taken);

        fixture.linkClientAccount(clinic, client);
        Http.Response self = book(as(Role.CLIENT), client, "microneedling", day);
        refused(self, "isotretinoin-washout", taken.plusMonths(6));
        assertThat(self.json().get("detail").asString()).as("their own reasons").contains("isotretinoin on " + taken);
    }

    @Test
    void aCourseProposalShowsTheFrontDeskNoQuestionOrAnswer() {
        Map<String, Object> intake = healthy("normal");
        medical(intake).put("pregnantOrBreastfeeding", true);
        UUID client = fixture.client(clinic, intake);
        Map<String, Object> body = Map.of("clientId", client.toString(), "treatment", "deep-pore-cleansing",
                "sessions", 1, "firstDate", day.toString());
        String proposals = "/api/v1/clinics/" + clinic.slug() + "/courses/proposal";

        Http.Response desk = as(Role.FRONT_DESK).postJson(proposals, body);
        assertThat(desk.status()).as(desk.body()).isEqualTo(200);
        JsonNode caution = desk.json().at("/proposed/0/cautions/0");
        assertThat(caution.get("rule").asString()).isEqualTo("pregnancy");
        assertThat(caution.get("message").asString()).contains(NEUTRAL);
        assertThat(desk.body()).doesNotContain("Are you pregnant").doesNotContain("answered yes")
                .doesNotContain("breastfeeding");

        Http.Response owner = as(Role.OWNER).postJson(proposals, body);
        assertThat(owner.json().at("/proposed/0/cautions/0/message").asString()).contains("pregnant");
    }

    @Test
    void aLaterIntakeWithoutMedicalAnswersByAPractitionerKeepsTheWashout() {
        LocalDate taken = LocalDate.now(clinic.clinic().timeZone()).minusDays(70);
        UUID client = clientWhoTookIsotretinoin(taken);
        // a practitioner the clinic assigned to the client records a later, partial intake
        UUID practitioner = jdbc.sql("select id from practitioner where clinic_id = :c")
                .param("c", clinic.clinic().id()).query(UUID.class).single();
        jdbc.sql("update practitioner set user_id = (select id from app_user where email = :e) where id = :p")
                .param("e", clinic.email(Role.PRACTITIONER)).param("p", practitioner).update();
        String clients = "/api/v1/clinics/" + clinic.slug() + "/clients/" + client;
        assertThat(as(Role.OWNER).putJson(clients + "/practitioner", Map.of("practitionerId", practitioner.toString()),
                Map.of()).status()).isEqualTo(200);
        Http.Response later = as(Role.PRACTITIONER).postJson(clients + "/assessments",
                Map.of("skinType", "normal", "fitzpatrick", 2, "bodyAreas", List.of("face")));
        assertThat(later.status()).as(later.body()).isEqualTo(201);

        refused(book(as(Role.FRONT_DESK), client, "microneedling", day), "isotretinoin-washout", null);
        refused(bookWithReason(as(Role.OWNER), client, "microneedling", day, "client insists"),
                "isotretinoin-washout", taken.plusMonths(6));
        assertThat(count(client)).isZero();
        assertThat(as(Role.OWNER).get(clients + "/recommendation").body()).contains("isotretinoin-washout");
    }

    @Test
    void aLaterIntakeWithoutMedicalAnswersByTheClientKeepsTheWashout() {
        LocalDate taken = LocalDate.now(clinic.clinic().timeZone()).minusDays(70);
        UUID client = clientWhoTookIsotretinoin(taken);
        fixture.linkClientAccount(clinic, client);
        Http.Response later = as(Role.CLIENT).postJson("/api/v1/clinics/" + clinic.slug() + "/me/assessments",
                Map.of("skinType", "normal", "fitzpatrick", 2, "bodyAreas", List.of("face")));
        assertThat(later.status()).as(later.body()).isEqualTo(201);

        refused(book(as(Role.FRONT_DESK), client, "microneedling", day), "isotretinoin-washout", null);
        refused(book(as(Role.CLIENT), client, "microneedling", day), "isotretinoin-washout", taken.plusMonths(6));
        assertThat(count(client)).isZero();
    }

    @Test
    void aCautionRefusesAClientButStaffMayGoAheadWithARecordedReason() {
        Map<String, Object> intake = healthy("normal");
        medical(intake).put("pregnantOrBreastfeeding", true);
        UUID client = fixture.client(clinic, intake);
        fixture.linkClientAccount(clinic, client);

        refused(book(as(Role.CLIENT), client, "deep-pore-cleansing", day), "pregnancy", null);
        refused(bookWithReason(as(Role.CLIENT), client, "deep-pore-cleansing", day, "I asked my doctor"),
                "pregnancy", null);
        refused(book(as(Role.FRONT_DESK), client, "deep-pore-cleansing", day), "pregnancy", null);

        Http.Response r = bookWithReason(as(Role.PRACTITIONER), client, "deep-pore-cleansing", day,
                "Checked with the client's obstetrician; no steam, gentle products only");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("overrideReason").asString()).startsWith("Checked with");
        Map<String, Object> stored = jdbc.sql("""
                select override_reason, overridden_by is not null as by_someone from appointment
                where clinic_id = :clinic and id = :id""")
                .param("clinic", clinic.clinic().id()).param("id", UUID.fromString(r.json().get("id").asString()))
                .query().singleRow();
        assertThat(stored.get("override_reason")).asString().startsWith("Checked with");
        assertThat(stored.get("by_someone")).isEqualTo(true);
    }

    @Test
    void withoutAnAssessmentABookingNeedsAReview() {
        UUID client = fixture.client(clinic, null);
        refused(book(as(Role.PRACTITIONER), client, "led-therapy", day), "no-assessment", null);
        assertThat(bookWithReason(as(Role.PRACTITIONER), client, "led-therapy", day, "intake on paper, checked")
                .status()).isEqualTo(201);
    }

    @Test
    void sessionsOfOneTreatmentKeepTheMinimumIntervalBothWays() {
        UUID client = fixture.client(clinic, healthy("normal"));
        Http staff = as(Role.PRACTITIONER);
        Http.Response first = book(staff, client, "microneedling", day);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        Http.Response tooSoon = book(staff, client, "microneedling", day.plusDays(10));
        refused(tooSoon, "minimum-interval", day.plusDays(28));
        assertThat(tooSoon.json().get("detail").asString()).contains("28 days apart");

        Http.Response before = book(staff, client, "microneedling", day.minusDays(5));
        refused(before, "minimum-interval", day.plusDays(28));
        assertThat(before.json().get("detail").asString()).contains("later session");

        Http.Response later = book(staff, client, "microneedling", day.plusDays(28));
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        // a moved appointment does not count against itself
        Http.Response moved = staff.postJson(path + "/" + later.json().get("id").asString() + "/reschedule",
                Map.of("start", at(clinic, day.plusDays(30))));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        // a cancelled session no longer counts
        assertThat(staff.postJson(path + "/" + first.json().get("id").asString() + "/cancel", Map.of()).status())
                .isEqualTo(200);
        assertThat(book(staff, client, "microneedling", day.plusDays(2)).status()).isEqualTo(201);
    }

    @Test
    void noPeelWithinTheRecoveryOfMicroneedlingAndTheClinicMayLengthenIt() {
        UUID client = fixture.client(clinic, healthy("normal"));
        Http staff = as(Role.PRACTITIONER);
        assertThat(book(staff, client, "microneedling", day).status()).isEqualTo(201);

        Http.Response peel = book(staff, client, "chemical-peel", day.plusDays(1));
        refused(peel, "recovery-window", day.plusDays(3));
        assertThat(peel.json().get("detail").asString()).contains("recovery from your Microneedling");
        Http.Response sameDay = book(staff, client, "microdermabrasion", day.minusDays(1));
        refused(sameDay, "recovery-window", day.plusDays(3));

        // the clinic lengthens microneedling's recovery to 10 days: the rule follows at once
        Http owner = as(Role.OWNER);
        JsonNode current = owner.get("/api/v1/clinics/" + clinic.slug() + "/booking-rules").json().get("settings");
        Map<String, Object> settings = Http.JSON.convertValue(current, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> days = (Map<String, Object>) settings.get("recoveryDays");
        days.put("microneedling", Map.of("value", 10, "sources", List.of(), "note", "our protocol"));
        Http.Response saved = owner.putJson("/api/v1/clinics/" + clinic.slug() + "/booking-rules", settings,
                Map.of("If-Match", "\"0\""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().at("/settings/recoveryDays/microneedling/sources/0").asString()).isEqualTo("clinic");

        refused(book(staff, client, "chemical-peel", day.plusDays(5)), "recovery-window", day.plusDays(10));
        assertThat(book(staff, client, "chemical-peel", day.plusDays(10)).status()).isEqualTo(201);
    }

    @Test
    void aProfessionalBookingFollowsTheProfessionalCadenceForTheSkinType() {
        UUID client = fixture.client(clinic, healthy("acne-prone"));
        Http staff = as(Role.PRACTITIONER);
        Http.Response first = book(staff, client, "extraction-facial", day);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        Http.Response r = book(staff, client, "extraction-facial", day.plusDays(14));
        refused(r, "professional-cadence", day.plusDays(21));
        assertThat(r.json().get("detail").asString()).contains("professional cadence for acne-prone skin")
                .contains("21-28 days");
        assertThat(book(staff, client, "extraction-facial", day.plusDays(21)).status()).isEqualTo(201);
    }

    @Test
    void theVerdictIsTheRecommendationEnginesForTheClinicOnTheDayOfTreatment() {
        LocalDate taken = LocalDate.now(clinic.clinic().timeZone()).minusMonths(2);
        Map<String, Object> intake = healthy("normal");
        medical(intake).put("isotretinoinLastTaken", taken.toString());
        medical(intake).put("coldSoreHistory", true);
        UUID id = fixture.client(clinic, intake);
        Client client = clients.find(clinic.clinic(), id).orElseThrow();
        for (String code : List.of("microneedling", "chemical-peel", "led-therapy", "deep-pore-cleansing")) {
            for (LocalDate on : List.of(day, taken.plusMonths(6), taken.plusMonths(13))) {
                Instant start = on.atTime(10, 0).atZone(clinic.clinic().timeZone()).toInstant();
                List<RuleFinding> findings = rules.check(clinic.clinic(), id, code, start, null);
                com.clearskin.assessment.Assessment a = BookingRules.onTheDay(
                        fixtureAssessments().latest(clinic.clinic(), client).orElseThrow().assessment(), null, on);
                TreatmentVerdict v = recommendations.forClinic(clinic.clinic(), a).treatments().stream()
                        .filter(t -> t.code().equals(code)).findFirst().orElseThrow();
                boolean excluded = findings.stream().anyMatch(RuleFinding::excluded);
                assertThat(excluded).as(code + " on " + on).isEqualTo(v.verdict().name().equals("EXCLUDED"));
                if (excluded) {
                    assertThat(findings.get(0).allowedFrom()).isEqualTo(v.reconsiderOn());
                    assertThat(findings.get(0).rule()).isEqualTo(v.reasons().get(0).rule());
                }
            }
        }
    }

    @Test
    void theBookingRulesPageShowsTheDataAndReshowsAWrongValueWithWhatToFix() {
        Http owner = new Http(port);
        assertThat(owner.signIn(clinic.email(Role.OWNER), com.clearskin.support.TestClinics.PASSWORD).status())
                .isEqualTo(302);
        String page = "/app/clinics/" + clinic.slug() + "/booking-rules";
        Http.Response shown = owner.get(page);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Recovery between treatments").contains("recoveryDays.microdermabrasion");
        Http.Response bad = owner.postForm(page, page, Map.of("resurfacing.chemical-peel", "on",
                "recoveryDays.microneedling", "many", "revision", "0"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("must be a whole number of days");
        Http.Response saved = owner.postForm(page, page, Map.of("resurfacing.chemical-peel", "on",
                "resurfacing.microneedling", "on", "recoveryDays.microneedling", "7", "revision", "0"));
        assertThat(saved.status()).isEqualTo(302);
        JsonNode api = as(Role.PRACTITIONER).get("/api/v1/clinics/" + clinic.slug() + "/booking-rules").json();
        assertThat(api.at("/settings/recoveryGroup/treatments").size()).isEqualTo(2);
        assertThat(api.at("/settings/recoveryDays/microneedling/value").asInt()).isEqualTo(7);
        assertThat(as(Role.PRACTITIONER).putJson("/api/v1/clinics/" + clinic.slug() + "/booking-rules",
                api.get("settings"), Map.of()).status()).isEqualTo(403);
    }

    @Autowired
    com.clearskin.clients.ClientAssessments assessments;

    com.clearskin.clients.ClientAssessments fixtureAssessments() {
        return assessments;
    }

    int count(UUID client) {
        return jdbc.sql("select count(*) from appointment where clinic_id = :clinic and client_id = :client")
                .param("clinic", clinic.clinic().id()).param("client", client).query(Integer.class).single();
    }
}

package com.clearskin.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.accounts.PlatformRole;
import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestVisits;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Reviews from real visits: only the client of a completed visit, once, within 90 days; never
 * staff; the clinic replies once and cannot delete, hide or reorder; no average under 3 reviews;
 * text kept as typed and shown escaped.
 */
@IntegrationTest
class ReviewsIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    TestVisits visits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.clearskin.accounts.Accounts accounts;
    @Autowired
    com.clearskin.accounts.PlatformAccess platform;

    TestClinic clinic;
    String base;
    Http desk;
    Http me;
    Http owner;
    UUID client;
    int day = 2;

    @BeforeEach
    void aClinic() {
        clinic = fixtures.open(ZONE.getId());
        base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        client = fixtures.clientFor(clinic.clinic(), clinic.email(Role.CLIENT));
        desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        me = new Http(port).signInForApi(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
    }

    String book(UUID forClient) {
        String start = LocalDate.now(ZONE).plusDays(day += 35).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments",
                Map.of("clientId", forClient.toString(), "treatment", FACIAL, "start", start));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    String completed(UUID forClient) {
        String appointment = book(forClient);
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic(), appointment);
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/complete", "").status()).isEqualTo(200);
        return appointment;
    }

    String review(String appointment) {
        return base + "/me/appointments/" + appointment + "/review";
    }

    @Test
    void onlyAfterCompletionOnceAndTheTextAsTyped() {
        String appointment = book(client);
        Http.Response early = me.postJson(review(appointment), Map.of("rating", 5, "text", "great"));
        assertThat(early.status()).as("not completed yet: " + early.body()).isEqualTo(403);
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic(), appointment);
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/complete", "").status()).isEqualTo(200);

        String typed = "Lovely </script><script>alert(1)</script> & \"calm\"";
        Http.Response r = me.postJson(review(appointment), Map.of("rating", 4, "text", typed));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("text").asString()).isEqualTo(typed);
        assertThat(r.json().get("rating").asInt()).isEqualTo(4);
        assertThat(r.json().get("verifiedVisit").asString()).startsWith("Verified visit: Facial with extractions, ")
                .matches("Verified visit: Facial with extractions, [A-Z][a-z]{2} \\d{4}");
        assertThat(r.json().get("practitioner").asString()).isEqualTo("Anna");
        Http.Response again = me.postJson(review(appointment), Map.of("rating", 1, "text", "changed my mind"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("review-exists");

        assertThat(owner.putJson(base + "/directory-listing", Map.of("listed", true, "city", "Paris", "address", "1 rue",
                "latitude", 48.85, "longitude", 2.35), Map.of()).status()).isEqualTo(200);
        Http.Response profile = new Http(port).get("/clinics/" + clinic.slug());
        assertThat(profile.status()).isEqualTo(200);
        String html = profile.body();
        String open = "<script type=\"application/ld+json\">";
        int from = html.indexOf(open);
        assertThat(from).as("one JSON-LD block").isPositive();
        assertThat(html.indexOf(open, from + 1)).isEqualTo(-1);
        String ld = html.substring(from + open.length(), html.indexOf("</script>", from));
        JsonNode data = Http.JSON.readTree(ld);
        assertThat(data.get("@type").asString()).isEqualTo("HealthAndBeautyBusiness");
        assertThat(data.get("review").get(0).get("reviewBody").asString()).isEqualTo(typed);
        assertThat(data.has("aggregateRating")).as("one review: no rating").isFalse();
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("Verified visit: Facial with extractions");
        Http.Response staffPage = signedIn(Role.OWNER).get("/app/clinics/" + clinic.slug() + "/reviews");
        assertThat(staffPage.status()).isEqualTo(200);
        assertThat(staffPage.body()).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    Http signedIn(Role role) {
        Http http = new Http(port);
        http.signIn(clinic.email(role), TestClinics.PASSWORD);
        return http;
    }

    @Test
    void notTheirsNotStaffAndBadValuesNamed() {
        String appointment = completed(client);
        UUID other = fixtures.client(clinic.clinic(), "Other", "Person");
        String theirs = completed(other);
        assertThat(me.postJson(review(theirs), Map.of("rating", 5)).status()).as("someone else's visit").isEqualTo(403);
        assertThat(me.postJson(review(UUID.randomUUID().toString()), Map.of("rating", 5)).status()).isEqualTo(403);
        for (Role staff : List.of(Role.OWNER, Role.ADMIN, Role.PRACTITIONER, Role.FRONT_DESK)) {
            Http http = new Http(port).signInForApi(clinic.email(staff), TestClinics.PASSWORD);
            assertThat(http.postJson(review(appointment), Map.of("rating", 5)).status()).as(staff.label()).isEqualTo(403);
        }
        for (Object rating : List.of(0, 6, "five", 4.5)) {
            Http.Response r = me.postJson(review(appointment), Map.of("rating", rating));
            assertThat(r.status()).as(rating + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"rating\"");
        }
        Http.Response missing = me.postJson(review(appointment), Map.of("text", "no stars"));
        assertThat(missing.status()).isEqualTo(400);
        Http.Response longText = me.postJson(review(appointment), Map.of("rating", 3, "text", "a".repeat(2001)));
        assertThat(longText.status()).isEqualTo(400);
        assertThat(longText.body()).contains("\"text\"");
        assertThat(me.postJson(review(appointment), Map.of("rating", 3, "text", "a".repeat(2000))).status()).isEqualTo(201);
        assertThat(new Http(port).postJson(review(appointment), Map.of("rating", 3)).status()).isEqualTo(401);
    }

    @Test
    void notAfterNinetyDays() {
        String appointment = completed(client);
        jdbc.sql("""
                update appointment_event set at = now() - interval '91 days'
                where clinic_id = :c and appointment_id = :a and to_status = 'completed'""")
                .param("c", clinic.clinic().id()).param("a", UUID.fromString(appointment)).update();
        Http.Response late = me.postJson(review(appointment), Map.of("rating", 5));
        assertThat(late.status()).as(late.body()).isEqualTo(422);
        assertThat(late.body()).contains("review-window-closed");
        jdbc.sql("""
                update appointment_event set at = now() - interval '89 days'
                where clinic_id = :c and appointment_id = :a and to_status = 'completed'""")
                .param("c", clinic.clinic().id()).param("a", UUID.fromString(appointment)).update();
        assertThat(me.postJson(review(appointment), Map.of("rating", 5)).status()).isEqualTo(201);
    }

    @Test
    void theDemoClinicsShowReviewsOfTheirClientsCompletedVisits() {
        JsonNode demo = new Http(port).get("/api/v1/clinics/demo/reviews").json();
        assertThat(demo.get("count").asInt()).as("four completed demo visits, each reviewed once").isGreaterThanOrEqualTo(4);
        assertThat(demo.get("average").isNull()).as("a rating from 3 reviews on").isFalse();
        assertThat(demo.get("reviews").toString()).contains("Verified visit: Facial with extractions", "Thank you, Chloe!");
        JsonNode second = new Http(port).get("/api/v1/clinics/second/reviews").json();
        assertThat(second.get("count").asInt()).isGreaterThanOrEqualTo(1);
        Http chloe = new Http(port).signInForApi("client1@demo.test", com.clearskin.support.IntegrationTest.DEMO_PASSWORD);
        String visit = jdbc.sql("""
                select r.appointment_id::text from review r join clinic c on c.id = r.clinic_id
                where c.slug = 'demo' and r.text like 'Esme explained%'""").query(String.class).single();
        assertThat(chloe.postJson("/api/v1/clinics/demo/me/appointments/" + visit + "/review", Map.of("rating", 1))
                .status()).as("the demo visit was reviewed once already").isEqualTo(409);
    }

    @Test
    void aggregatesHideTheAverageUnderThreeAndTheClinicRepliesOnceButCannotDelete() {
        JsonNode none = new Http(port).get(base + "/reviews").json();
        assertThat(none.get("count").asInt()).isZero();
        assertThat(none.get("average").isNull()).isTrue();
        String first = completed(client);
        String second = completed(client);
        String third = completed(client);
        String firstId = me.postJson(review(first), Map.of("rating", 5, "text", "one")).json().get("id").asString();
        me.postJson(review(second), Map.of("rating", 4, "text", "two"));
        JsonNode two = new Http(port).get(base + "/reviews").json();
        assertThat(two.get("count").asInt()).isEqualTo(2);
        assertThat(two.get("average").isNull()).as("two reviews are not a rating").isTrue();
        assertThat(two.get("distribution").get("5").asInt()).isEqualTo(1);
        assertThat(two.get("reviews").get(0).get("text").asString()).as("newest first").isEqualTo("two");
        me.postJson(review(third), Map.of("rating", 2, "text", "three"));
        JsonNode three = new Http(port).get(base + "/reviews").json();
        assertThat(three.get("count").asInt()).isEqualTo(3);
        assertThat(three.get("average").asDouble()).isEqualTo(3.7);
        assertThat(three.get("distribution").get("2").asInt()).isEqualTo(1);

        String reply = base + "/reviews/" + firstId + "/reply";
        assertThat(desk.postJson(reply, Map.of("text", "thanks")).status()).as("front desk").isEqualTo(403);
        assertThat(me.postJson(reply, Map.of("text", "thanks")).status()).as("a client").isIn(403, 404);
        assertThat(owner.postJson(reply, Map.of("text", "")).status()).isEqualTo(400);
        Http.Response replied = owner.postJson(reply, Map.of("text", "Thank you!"));
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);
        assertThat(replied.json().get("reply").get("text").asString()).isEqualTo("Thank you!");
        Http.Response twice = owner.postJson(reply, Map.of("text", "again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("review-replied");

        assertThat(owner.delete(base + "/reviews/" + firstId).status()).as("no address deletes a review").isIn(404, 405);
        assertThatThrownBy(() -> jdbc.sql("delete from review where clinic_id = :c").param("c", clinic.clinic().id())
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update review set rating = 5 where clinic_id = :c")
                .param("c", clinic.clinic().id()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update review_reply set text = 'x' where clinic_id = :c")
                .param("c", clinic.clinic().id()).update()).hasMessageContaining("append-only");

        Http.Response report = desk.postJson(base + "/reviews/" + firstId + "/reports", Map.of("reason", "insults staff"));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from review_report where clinic_id = :c").param("c", clinic.clinic().id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(desk.postJson(base + "/reviews/" + firstId + "/reports", Map.of()).status()).isEqualTo(400);
        assertThat(new Http(port).get(base + "/reviews").json().get("count").asInt()).as("a report hides nothing")
                .isEqualTo(3);

        String hide = "/api/v1/platform/reviews/" + firstId + "/hide";
        assertThat(owner.postJson(hide, Map.of("reason", "the clinic dislikes it")).status()).as("never the clinic").isEqualTo(403);
        assertThat(owner.get("/api/v1/platform/review-reports").status()).isEqualTo(403);
        String email = "moderator-" + UUID.randomUUID().toString().substring(0, 8) + "@platform.test";
        platform.grant(accounts.register(email, "Mo Moderator", TestClinics.PASSWORD), PlatformRole.LICENCE_REVIEWER);
        Http reviewer = new Http(port).signInForApi(email, TestClinics.PASSWORD);
        Http.Response queue = reviewer.get("/api/v1/platform/review-reports");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(queue.body()).contains(firstId).contains("insults staff");
        assertThat(reviewer.postJson(hide, Map.of("reason", "")).status()).isEqualTo(400);
        String unreported = new Http(port).get(base + "/reviews").json().get("reviews").get(0).get("id").asString();
        assertThat(reviewer.postJson("/api/v1/platform/reviews/" + unreported + "/hide", Map.of("reason", "x")).status())
                .as("only a reported review").isEqualTo(404);
        Http.Response hidden = reviewer.postJson(hide, Map.of("reason", "Abusive about a named employee"));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(201);
        assertThat(reviewer.postJson(hide, Map.of("reason", "again")).status()).isEqualTo(409);
        JsonNode after = new Http(port).get(base + "/reviews").json();
        assertThat(after.get("count").asInt()).isEqualTo(2);
        assertThat(after.toString()).doesNotContain(firstId);
        assertThat(reviewer.get("/api/v1/platform/review-reports").body()).contains("Abusive about a named employee");
    }

    @Test
    void thePortalOffersReviewThisVisitAndTheFormPublishes() {
        String appointment = completed(client);
        Http portal = signedIn(Role.CLIENT);
        Http.Response home = portal.get("/app/clinics/" + clinic.slug() + "/portal");
        assertThat(home.body()).contains("Review this visit");
        String page = "/app/clinics/" + clinic.slug() + "/portal/visits/" + appointment + "/review";
        assertThat(portal.get(page).status()).isEqualTo(200);
        Http.Response bad = portal.postForm(page, page, Map.of("text", "no stars"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Choose from 1 to 5 stars.");
        Http.Response ok = portal.postForm(page, page, Map.of("rating", "5", "text", "Very <b>good</b>"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("Thank you for your review");
        assertThat(portal.get(page).body()).contains("You have reviewed this visit already");
        Http staff = signedIn(Role.ADMIN);
        Http.Response list = staff.get("/app/clinics/" + clinic.slug() + "/reviews");
        assertThat(list.body()).contains("Very &lt;b&gt;good&lt;/b&gt;").contains("Publish the reply");
        String id = new Http(port).get(base + "/reviews").json().get("reviews").get(0).get("id").asString();
        String replyPath = "/app/clinics/" + clinic.slug() + "/reviews/" + id + "/reply";
        Http.Response replied = staff.postForm(replyPath, "/app/clinics/" + clinic.slug() + "/reviews", Map.of("text", "Merci"));
        assertThat(replied.status()).isIn(200, 302, 303);
        assertThat(staff.get("/app/clinics/" + clinic.slug() + "/reviews").body()).contains("Merci")
                .contains("Your reply:");
    }
}

package com.clearskin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.directory.PractitionerCredentials.Standing;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The public directory: only listed clinics, each filter, order and radius, nextAvailable from the
 * availability engine, licencesVerified from the licences SPI, and every wrong parameter a 400
 * naming it. The clinics sit around a spot in the Pacific no other test uses, in a town of their own.
 */
@IntegrationTest
class DirectoryIT {

    static final String FACIAL = "extraction-facial";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    TestCredentials credentials;
    @Autowired
    JdbcClient jdbc;

    static final java.util.concurrent.atomic.AtomicInteger PLACE = new java.util.concurrent.atomic.AtomicInteger();

    Http anonymous;
    String town;
    double lat;
    double lng;

    @BeforeEach
    void setUp() {
        anonymous = new Http(port);
        town = "Testville " + UUID.randomUUID().toString().substring(0, 6);
        // each test its own spot in the South Pacific, 10 degrees (1,100 km) from the next test's, far from
        // every other listed clinic of the suite, so that a 500 km search sees only this test's clinics
        int n = PLACE.getAndIncrement() % 9;
        lat = -45 + 10 * n;
        lng = -170 + Math.random();
    }

    TestClinic clinic(double dLat, double dLng, boolean listed, boolean bookable) {
        TestClinic c = fixtures.open("America/New_York");
        if (bookable) {
            fixtures.settings(c.clinic(), 15, 0, 60, 24);
            fixtures.openEveryDay(c.clinic(), "09:00", "17:00");
            fixtures.practitioner(c.clinic(), "Anna", "esthetician", "09:00", "17:00");
            fixtures.room(c.clinic(), "Room 1", "facial-bed");
            fixtures.device(c.clinic(), "Steamer 1", "steamer");
            fixtures.requirement(c.clinic(), FACIAL, List.of("facial-bed"), List.of("steamer"), 0, 15);
        }
        Http owner = new Http(port).signInForApi(c.email(Role.OWNER), TestClinics.PASSWORD);
        Http.Response put = owner.putJson("/api/v1/clinics/" + c.slug() + "/directory-listing", Map.of("listed", listed,
                "address", "1 Main Street", "city", town, "latitude", lat + dLat, "longitude", lng + dLng), Map.of());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return c;
    }

    void price(TestClinic c, int min) {
        jdbc.sql("""
                update clinic_treatment set definition = jsonb_set(definition, '{price,min}', to_jsonb(:min)),
                    revision = revision + 1 where clinic_id = :clinic and code = :code""")
                .param("min", min).param("clinic", c.clinic().id()).param("code", FACIAL).update();
    }

    List<String> slugs(JsonNode body) {
        List<String> slugs = new ArrayList<>();
        body.get("clinics").forEach(c -> slugs.add(c.get("slug").asString()));
        return slugs;
    }

    JsonNode search(String query) {
        Http.Response r = anonymous.get("/api/v1/clinics?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    String near(double dLat, double dLng) {
        return "near=" + (lat + dLat) + "," + (lng + dLng);
    }

    @Test
    void onlyListedClinicsAppearAndTheAnswerHasTheContractFields() {
        TestClinic listed = clinic(0, 0, true, true);
        TestClinic hidden = clinic(0.01, 0, false, true);
        JsonNode body = search(near(0, 0) + "&radiusKm=20&treatment=" + FACIAL);
        assertThat(slugs(body)).containsExactly(listed.slug()).doesNotContain(hidden.slug());
        JsonNode c = body.get("clinics").get(0);
        assertThat(c.get("name").asString()).isEqualTo(listed.clinic().name());
        assertThat(c.get("city").asString()).isEqualTo(town);
        assertThat(c.get("distanceKm").asDouble()).isLessThan(0.1);
        assertThat(c.get("rating").get("count").asInt()).isZero();
        assertThat(c.get("rating").has("average")).isTrue();
        assertThat(c.get("rating").get("average").isNull()).as("no average under 3 reviews").isTrue();
        assertThat(c.get("treatment").get("code").asString()).isEqualTo(FACIAL);
        assertThat(c.get("treatment").get("price").get("currency").asString()).isNotBlank();
        assertThat(c.get("treatment").get("price").get("min").isNumber()).isTrue();
        assertThat(c.get("nextAvailable").asString()).as("the availability engine's first free time")
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?[-+]\\d{2}:\\d{2}");
        assertThat(c.get("licencesVerified").asBoolean()).as("nothing on file: not verified").isFalse();
        assertThat(body.get("total").asInt()).isEqualTo(1);
        assertThat(body.get("page").asInt()).isZero();
        assertThat(body.get("size").asInt()).isEqualTo(20);
    }

    @Test
    void theRadiusLimitsAndDistanceOrdersNearestFirst() {
        TestClinic near = clinic(0.02, 0, true, false);
        TestClinic middle = clinic(0.2, 0, true, false);
        TestClinic far = clinic(2, 0, true, false);
        assertThat(slugs(search(near(0, 0) + "&radiusKm=30&sort=distance"))).containsExactly(near.slug(), middle.slug());
        assertThat(slugs(search(near(0, 0) + "&radiusKm=500&sort=distance")))
                .containsExactly(near.slug(), middle.slug(), far.slug());
        assertThat(slugs(search(near(2, 0) + "&radiusKm=500"))).as("default order with a position: nearest")
                .containsExactly(far.slug(), middle.slug(), near.slug());
        JsonNode c = search(near(0, 0) + "&radiusKm=500&sort=distance").get("clinics").get(2);
        assertThat(c.get("distanceKm").asDouble()).isBetween(221.0, 224.0);
        assertThat(c.get("treatment").isNull()).as("no treatment asked: none shown").isTrue();
        assertThat(c.get("nextAvailable").isNull()).isTrue();
    }

    @Test
    void treatmentPriceAndQFilterAndPriceOrdersCheapestFirst() {
        TestClinic cheap = clinic(0, 0.01, true, true);
        TestClinic dear = clinic(0, 0.02, true, true);
        price(cheap, 40);
        price(dear, 90);
        String base = near(0, 0) + "&radiusKm=10&treatment=" + FACIAL;
        assertThat(slugs(search(base + "&sort=price"))).containsExactly(cheap.slug(), dear.slug());
        assertThat(slugs(search(base + "&maxPrice=60"))).containsExactly(cheap.slug());
        assertThat(slugs(search(base + "&maxPrice=10"))).isEmpty();
        assertThat(slugs(search(near(0, 0) + "&radiusKm=10&treatment=no-such-treatment"))).isEmpty();
        String words = dear.clinic().name().substring(dear.clinic().name().lastIndexOf(' ') + 1);
        assertThat(slugs(search(near(0, 0) + "&radiusKm=10&q=" + words))).containsExactly(dear.slug());
        assertThat(slugs(search("q=" + town.replace(" ", "+") + "&sort=price&treatment=" + FACIAL)))
                .as("q matches the city").containsExactly(cheap.slug(), dear.slug());
    }

    @Test
    void soonestAndAvailableByUseTheFirstFreeTime() {
        TestClinic open = clinic(0, -0.01, true, true);
        TestClinic closed = clinic(0, -0.02, true, false);
        String base = near(0, 0) + "&radiusKm=10&treatment=" + FACIAL;
        List<String> soonest = slugs(search(base + "&sort=soonest"));
        assertThat(soonest.get(0)).isEqualTo(open.slug());
        assertThat(soonest).contains(closed.slug());
        String today = LocalDate.now().plusDays(3).toString();
        assertThat(slugs(search(base + "&availableBy=" + today))).containsExactly(open.slug());
    }

    @Test
    void licencesAreVerifiedOnlyWhenEveryPractitionerForTheTreatmentHoldsOneThatCounts() {
        TestClinic c = clinic(0.03, 0.03, true, true);
        UUID second = fixtures.practitioner(c.clinic(), "Bea", "esthetician", "09:00", "17:00");
        UUID first = jdbc.sql("select id from practitioner where clinic_id = :c and display_name = 'Anna'")
                .param("c", c.clinic().id()).query(UUID.class).single();
        String query = near(0.03, 0.03) + "&radiusKm=1&treatment=" + FACIAL;
        credentials.give(c.clinic().id(), first, Standing.VERIFIED);
        assertThat(search(query).get("clinics").get(0).get("licencesVerified").asBoolean()).as("Bea has none").isFalse();
        credentials.give(c.clinic().id(), second, Standing.EXPIRED);
        assertThat(search(query).get("clinics").get(0).get("licencesVerified").asBoolean()).as("Bea's expired").isFalse();
        credentials.give(c.clinic().id(), second, Standing.VERIFIED);
        assertThat(search(query).get("clinics").get(0).get("licencesVerified").asBoolean()).isTrue();
        Http.Response page = anonymous.get("/clinics/" + c.slug());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Licence verified").contains("Licences verified");
    }

    @Test
    void everyWrongParameterIsA400NamingIt() {
        Map<String, String> wrong = Map.ofEntries(
                Map.entry("near=91,0", "near"), Map.entry("near=abc", "near"), Map.entry("near=1,2,3", "near"),
                Map.entry("near=0,181", "near"), Map.entry("near=1,1&radiusKm=501", "radiusKm"),
                Map.entry("near=1,1&radiusKm=0", "radiusKm"), Map.entry("radiusKm=10", "radiusKm"),
                Map.entry("sort=cheapest", "sort"), Map.entry("sort=distance", "sort"), Map.entry("sort=price", "sort"),
                Map.entry("treatment=Bad%20Code", "treatment"), Map.entry("maxPrice=5", "maxPrice"),
                Map.entry("treatment=x&maxPrice=-1", "maxPrice"), Map.entry("treatment=x&maxPrice=cheap", "maxPrice"),
                Map.entry("treatment=x&availableBy=tomorrow", "availableBy"),
                Map.entry("treatment=x&availableBy=2001-01-01", "availableBy"), Map.entry("availableBy=2099-01-01", "availableBy"),
                Map.entry("page=-1", "page"), Map.entry("size=51", "size"), Map.entry("q=" + "a".repeat(101), "q"));
        wrong.forEach((query, field) -> {
            Http.Response r = anonymous.get("/api/v1/clinics?" + query);
            assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(query).contains("\"" + field + "\"");
        });
    }

    @Test
    void theListingIsSetByOwnersAndAdminsWithItsRangesChecked() {
        TestClinic c = fixtures.open("America/New_York");
        String path = "/api/v1/clinics/" + c.slug() + "/directory-listing";
        Http owner = new Http(port).signInForApi(c.email(Role.OWNER), TestClinics.PASSWORD);
        Http desk = new Http(port).signInForApi(c.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        assertThat(owner.get(path).json().get("listed").asBoolean()).isFalse();
        assertThat(anonymous.get(path).status()).as("staff API stays closed").isEqualTo(401);
        assertThat(desk.get(path).status()).isEqualTo(403);
        assertThat(desk.putJson(path, Map.of("listed", false), Map.of()).status()).isEqualTo(403);
        Map<String, Map<String, Object>> bad = Map.of(
                "latitude", Map.of("listed", true, "city", "X", "latitude", 90.5, "longitude", 0),
                "longitude", Map.of("listed", true, "city", "X", "latitude", 0, "longitude", -181),
                "city", Map.of("listed", true, "latitude", 1, "longitude", 1),
                "listed", Map.of("city", "X"));
        bad.forEach((field, body) -> {
            Http.Response r = owner.putJson(path, body, Map.of());
            assertThat(r.status()).as(field + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"" + field + "\"");
        });
        assertThat(owner.putJson(path, "{\"listed\":true,\"city\":\"X\",\"latitude\":\"north\",\"longitude\":1}", Map.of())
                .body()).contains("\"latitude\"");
        Http.Response ok = owner.putJson(path, Map.of("listed", true, "city", "Lyon", "address", "2 quai", "latitude", 45.76,
                "longitude", 4.83), Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("revision").asInt()).isEqualTo(1);
        assertThat(owner.putJson(path, Map.of("listed", false), Map.of("If-Match", "\"7\"")).status()).isEqualTo(409);
    }

    @Test
    void theListingPageSavesAndExplainsWrongValues() {
        TestClinic c = fixtures.open("America/New_York");
        Http owner = new Http(port);
        owner.signIn(c.email(Role.OWNER), TestClinics.PASSWORD);
        String page = "/app/clinics/" + c.slug() + "/directory-listing";
        assertThat(owner.get(page).status()).isEqualTo(200);
        Http.Response bad = owner.postForm(page, page, Map.of("listed", "on", "city", "Lyon", "latitude", "95",
                "longitude", "4.8"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("latitude must be between -90 and 90");
        Http.Response ok = owner.postForm(page, page, Map.of("listed", "on", "city", "Lyon", "address", "2 quai",
                "latitude", "45.76", "longitude", "4.83"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("Your clinic is listed");
        assertThat(anonymous.get("/clinics/" + c.slug()).status()).isEqualTo(200);
    }

    @Test
    void theSearchPageWorksWithoutJavascriptAndAnUnlistedClinicHasNoProfile() {
        TestClinic listed = clinic(0.05, 0.05, true, true);
        TestClinic hidden = clinic(0.05, 0.06, false, true);
        Http.Response page = anonymous.get("/clinics?place=" + town.replace(" ", "+") + "&radiusKm=25&treatment=" + FACIAL);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(listed.clinic().name()).doesNotContain(hidden.clinic().name());
        assertThat(page.header("Permissions-Policy")).contains("geolocation=(self)");
        Http.Response unknown = anonymous.get("/clinics?place=Atlantis");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("no listed clinic is in");
        assertThat(anonymous.get("/clinics?radiusKm=900&near=1,1").status()).isEqualTo(400);
        assertThat(anonymous.get("/clinics/" + hidden.slug()).status()).isEqualTo(404);
        assertThat(anonymous.get("/clinics/" + listed.slug() + "/book").status()).as("public booking untouched")
                .isEqualTo(200);
    }
}

package com.clearskin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A benchmark, not part of the test suite (its name does not end in IT): how long a page of 20 listed
 * clinics with a treatment takes (each with its first free time from the availability engine), over
 * the HTTP round trip, cold (every answer of the engine older than its one-second memory) and warm.
 * It prints the figures; speed targets live in BENCHMARKS.md, never in a timed test. Run:
 * {@code ./mvnw -q verify -Dtest=none -Dit.test=DirectoryTimingBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
class DirectoryTimingBench {

    private static final Logger log = LoggerFactory.getLogger(DirectoryTimingBench.class);

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;

    @Test
    void aPageOfTwentyClinicsWithTheirFirstFreeTime() throws InterruptedException {
        String town = "Timington " + System.nanoTime();
        for (int i = 0; i < 20; i++) {
            TestClinic c = fixtures.open("America/New_York");
            fixtures.settings(c.clinic(), 15, 0, 60, 24);
            fixtures.openEveryDay(c.clinic(), "09:00", "17:00");
            fixtures.practitioner(c.clinic(), "Anna", "esthetician", "09:00", "17:00");
            fixtures.room(c.clinic(), "Room 1", "facial-bed");
            fixtures.device(c.clinic(), "Steamer 1", "steamer");
            fixtures.requirement(c.clinic(), "extraction-facial", List.of("facial-bed"), List.of("steamer"), 0, 15);
            Http owner = new Http(port).signInForApi(c.email(Role.OWNER), TestClinics.PASSWORD);
            assertThat(owner.putJson("/api/v1/clinics/" + c.slug() + "/directory-listing", Map.of("listed", true,
                    "city", town, "latitude", -60 + i * 0.01, "longitude", -30.0), Map.of()).status()).isEqualTo(200);
        }
        Http anonymous = new Http(port);
        String query = "/api/v1/clinics?near=-60,-30&radiusKm=50&treatment=extraction-facial&size=20";
        for (int i = 0; i < 3; i++) {
            assertThat(anonymous.get(query).json().get("clinics")).hasSize(20);
        }
        List<Long> cold = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(1100);
            long start = System.nanoTime();
            Http.Response r = anonymous.get(query);
            cold.add((System.nanoTime() - start) / 1_000_000);
            assertThat(r.json().get("clinics").get(19).get("nextAvailable").isNull()).isFalse();
        }
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            anonymous.get(query);
            warm.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(cold);
        Collections.sort(warm);
        long coldP95 = cold.get(18);
        long warmP95 = warm.get(37);
        log.info("directory page of 20 with nextAvailable: cold p50 {} ms p95 {} ms; warm p50 {} ms p95 {} ms",
                cold.get(10), coldP95, warm.get(20), warmP95);
        System.out.println("DIRECTORY-TIMING cold p50=" + cold.get(10) + "ms p95=" + coldP95 + "ms warm p50="
                + warm.get(20) + "ms p95=" + warmP95 + "ms");
    }
}

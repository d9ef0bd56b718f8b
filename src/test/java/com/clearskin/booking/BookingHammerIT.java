package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.ClearskinApplication;
import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestClinics;
import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Many requests for one slot at once: exactly one wins, every other gets 409, and the database
 * holds no overlap; also across two app instances on one database, which share nothing but it.
 */
@IntegrationTest
class BookingHammerIT {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final int THREADS = 40;

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    DataSource dataSource;

    TestClinic clinic;
    List<UUID> clients = new ArrayList<>();
    String start;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open(ZONE.getId());
        fixtures.settings(clinic.clinic(), 15, 0, 365, 24);
        fixtures.openEveryDay(clinic.clinic(), "09:00", "17:00");
        fixtures.practitioner(clinic.clinic(), "Anna", "esthetician", "09:00", "17:00");
        fixtures.room(clinic.clinic(), "Room 1", "facial-bed");
        fixtures.device(clinic.clinic(), "Steamer", "steamer");
        fixtures.requirement(clinic.clinic(), "extraction-facial", List.of("facial-bed"), List.of("steamer"), 5, 15);
        for (int i = 0; i < THREADS; i++) {
            clients.add(fixtures.client(clinic.clinic(), "Client", "No " + i));
        }
        start = ZonedDateTime.of(LocalDate.now(ZONE).plusDays(5), LocalTime.of(11, 0), ZONE).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private String bearerOf(int port) {
        Http.Response r = new Http(port).postJson("/api/v1/auth/tokens",
                Map.of("email", clinic.email(Role.FRONT_DESK), "password", TestClinics.PASSWORD));
        return r.json().get("token").asString();
    }

    /** Each thread books the same start for its own client (different clients, one practitioner and room). */
    List<Integer> hammer(int... ports) throws Exception {
        String path = "/api/v1/clinics/" + clinic.slug() + "/appointments";
        List<String> tokens = new ArrayList<>();
        for (int p : ports) {
            tokens.add(bearerOf(p));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    Http http = new Http(ports[n % ports.length]).bearer(tokens.get(n % ports.length));
                    Map<String, Object> body = Map.of("clientId", clients.get(n).toString(),
                            "treatment", "extraction-facial", "start", start);
                    ready.countDown();
                    go.await();
                    Http.Response r = http.postJson(path, body);
                    if (r.status() != 201 && r.status() != 409) {
                        throw new AssertionError(r.status() + " " + r.body());
                    }
                    return r.status();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneClientsConcurrentBookingsOfOneTreatmentPassTheCadenceRuleOnlyOnce() throws Exception {
        // ten free times on ten different days, all within the facial's cadence of each other
        String path = "/api/v1/clinics/" + clinic.slug() + "/appointments";
        String token = bearerOf(port);
        UUID client = clients.get(0);
        int attempts = 10;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch ready = new CountDownLatch(attempts);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String day = ZonedDateTime.of(LocalDate.now(ZONE).plusDays(5 + i), LocalTime.of(10, 0), ZONE)
                        .toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                results.add(pool.submit(() -> {
                    Http http = new Http(port).bearer(token);
                    ready.countDown();
                    go.await();
                    return http.postJson(path, Map.of("clientId", client.toString(), "treatment", "extraction-facial",
                            "start", day)).status();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 422).hasSize(attempts - 1);
            assertThat(fixtures.activeAppointments(clinic.clinic())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneOfFortyConcurrentBookingsOfOneSlotWins() throws Exception {
        List<Integer> statuses = hammer(port);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(THREADS - 1);
        assertThat(fixtures.activeAppointments(clinic.clinic())).isEqualTo(1);
        assertThat(fixtures.overlaps(clinic.clinic())).isZero();
    }

    @Test
    void twoAppInstancesOnOneDatabaseNeverDoubleBook() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        String url = pool.getJdbcUrl();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ClearskinApplication.class)
                .profiles("test")
                .run("--server.port=0", "--clearskin.db.url=" + url, "--clearskin.db.user=" + pool.getUsername(),
                        "--clearskin.db.password=" + pool.getPassword(), "--clearskin.demo.enabled=false")) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            assertThat(secondPort).isNotEqualTo(port);
            // both instances have loaded the clinic's resources before the race
            assertThat(new Http(secondPort).get("/api/v1/clinics/" + clinic.slug()
                    + "/availability?treatment=extraction-facial").status()).isEqualTo(200);
            List<Integer> statuses = hammer(port, secondPort);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(THREADS - 1);
            assertThat(fixtures.activeAppointments(clinic.clinic())).isEqualTo(1);
            assertThat(fixtures.overlaps(clinic.clinic())).isZero();
        }
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyBookOnce() throws Exception {
        String path = "/api/v1/clinics/" + clinic.slug() + "/appointments";
        String token = bearerOf(port);
        Map<String, Object> body = Map.of("clientId", clients.get(0).toString(), "treatment", "extraction-facial",
                "start", start);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Response>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> new Http(port).bearer(token).postJson(path, body, key)));
            }
            List<String> created = new ArrayList<>();
            for (Future<Http.Response> f : results) {
                Http.Response r = f.get();
                assertThat(r.status()).as(r.body()).isIn(201, 409);
                if (r.status() == 201) {
                    created.add(r.json().get("id").asString());
                }
            }
            assertThat(created).isNotEmpty();
            assertThat(created.stream().distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.activeAppointments(clinic.clinic())).isEqualTo(1);
    }
}

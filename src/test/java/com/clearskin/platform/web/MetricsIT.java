package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The Prometheus metrics answer only the operator's token, and carry no person in their labels. */
@IntegrationTest
@TestPropertySource(properties = "clearskin.metrics.token=scrape-secret-for-tests")
class MetricsIT {

    @LocalServerPort
    int port;

    @Test
    void onlyTheMetricsTokenReadsThem() {
        assertThat(new Http(port).get(MetricsAccess.PATH).status()).isEqualTo(401);
        assertThat(new Http(port).get(MetricsAccess.PATH, Map.of("Authorization", "Bearer wrong")).status())
                .isEqualTo(401);
        new Http(port).postJson("/api/v1/auth/tokens", Map.of("email", "owner@demo.test", "password", "wrong-one"));
        new Http(port).get("/api/v1/treatments");
        Http.Response r = new Http(port).get(MetricsAccess.PATH,
                Map.of("Authorization", "Bearer scrape-secret-for-tests"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("http_server_requests_seconds_bucket", "uri=\"/api/v1/treatments\"",
                "clearskin_sign_in_failures_total", "clearskin_outbox_pending", "clearskin_bookings_total",
                "clearskin_availability_search_seconds_count",
                "hikaricp_connections");
        assertThat(r.body()).doesNotContain("owner@demo.test");
    }

    @Test
    void everyClearskinSeriesOfTheDashboardExists() throws java.io.IOException {
        new Http(port).get("/api/v1/treatments");
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("ops/grafana-dashboard.json"));
        String scrape = new Http(port).get(MetricsAccess.PATH, Map.of("Authorization", "Bearer scrape-secret-for-tests"))
                .body();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("clearskin_[a-z_]+|hikaricp_[a-z_]+|"
                + "http_server_requests_seconds_[a-z]+|jvm_memory_used_bytes").matcher(dashboard);
        int found = 0;
        while (names.find()) {
            if (names.group().equals("clearskin_refusals_total")) {
                continue; // one series per rule, from the first refusal by it on
            }
            assertThat(scrape).as("the dashboard's series %s", names.group()).contains(names.group());
            found++;
        }
        assertThat(found).isGreaterThan(10);
    }

    @Test
    void withoutATokenConfiguredTheyAreNotThere() {
        assertThat(new MetricsAccess("").allowed("Bearer ")).isFalse();
    }
}

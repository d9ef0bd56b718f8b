package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer carries its request id in {@code X-Request-Id}, and every problem and error page the
 * same id, so that what a client reports can be found in the logs; the health probes answer apart.
 */
@IntegrationTest
class RequestIdIT {

    @LocalServerPort
    int port;

    @Test
    void aProblemNamesTheIdOfItsRequest() {
        Http.Response r = new Http(port).get("/api/v1/treatments/no-such-treatment");
        assertThat(r.status()).isEqualTo(404);
        String id = r.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(r.json().path("requestId").asString()).isEqualTo(id);
    }

    @Test
    void theLoadBalancersIdIsKeptAndAnythingElseReplaced() {
        Http.Response kept = new Http(port).get("/api/v1/treatments/no-such-treatment",
                Map.of("X-Request-Id", "lb-7f3a9c21.0001"));
        assertThat(kept.header("X-Request-Id")).isEqualTo("lb-7f3a9c21.0001");
        assertThat(kept.json().path("requestId").asString()).isEqualTo("lb-7f3a9c21.0001");

        Http.Response replaced = new Http(port).get("/api/v1/treatments", Map.of("X-Request-Id", "<b>x</b> or a header"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f]{24}");
    }

    @Test
    void theSecurityRefusalsCarryItToo() {
        Http.Response r = new Http(port).get("/api/v1/clinics/demo/clients");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("requestId").asString()).isEqualTo(r.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void theErrorPageQuotesItAsAReference() {
        Http.Response r = new Http(port).get("/no-such-page");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("quote the reference").contains(r.header("X-Request-Id"));
    }

    @Test
    void livenessAndReadinessAnswerApart() {
        Http.Response live = new Http(port).get("/actuator/health/liveness");
        Http.Response ready = new Http(port).get("/actuator/health/readiness");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).contains("\"UP\"");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("\"UP\"").doesNotContain("postgres");
    }
}

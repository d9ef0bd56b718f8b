package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an anonymous caller learns about the installation: that it is up, and nothing more. */
@IntegrationTest
class PublicSurfaceIT {

    @LocalServerPort
    int port;

    @Test
    void healthSaysUpAndNothingElse() {
        Http.Response r = new Http(port).get("/actuator/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
        assertThat(r.json().has("components")).as("no database, disk path or sizes").isFalse();
        assertThat(r.body()).doesNotContain("diskSpace", "path", "total", "free", "PostgreSQL");
    }

    @Test
    void theErrorAddressAskedDirectlyIsNotFoundNotAServerError() {
        Http.Response page = new Http(port).get("/error", java.util.Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
    }
}

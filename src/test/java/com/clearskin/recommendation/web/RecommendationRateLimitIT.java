package com.clearskin.recommendation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The rate limit per client address, with a low limit of its own (its own application context: the
 * other tests share one with a limit too high to reach).
 */
@IntegrationTest
@TestPropertySource(properties = {"clearskin.rate-limit.recommendations.capacity=3",
        "clearskin.rate-limit.recommendations.refill-per-minute=1"})
class RecommendationRateLimitIT {

    @LocalServerPort
    int port;

    @Test
    void theApiAndTheFormShareOneBucketPerAddressAndSayWhenToComeBack() {
        Http http = new Http(port);
        String page = "/consultation";
        assertThat(http.get(page).status()).as("reading the form is not limited").isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(http.postJson(RecommendationApiIT.PATH, RecommendationApiIT.healthy()).status())
                    .as("request " + (i + 1)).isEqualTo(200);
        }
        Http.Response refused = http.postJson(RecommendationApiIT.PATH, RecommendationApiIT.healthy());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("status").asInt()).isEqualTo(429);
        assertThat(refused.json().get("type").asString()).endsWith("/too-many-requests");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.json().get("detail").asString()).contains(retryAfter + " second");

        // Refused before the body is read: a malformed body is refused the same way.
        assertThat(http.postJson(RecommendationApiIT.PATH, "{not json").status()).isEqualTo(429);

        // The consultation form counts against the same bucket, and says so as a page.
        Http.Response form = http.postForm(page, page, Map.of("age", "30"));
        assertThat(form.status()).isEqualTo(429);
        assertThat(form.contentType()).startsWith("text/html");
        assertThat(form.header("Retry-After")).isNotBlank();
        assertThat(form.body()).contains("Too many requests");

        // Other pages and APIs are not limited.
        assertThat(http.get(page).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/treatments").status()).isEqualTo(200);
    }
}

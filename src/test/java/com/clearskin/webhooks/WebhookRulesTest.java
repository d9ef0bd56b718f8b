package com.clearskin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link WebhookRules}. */
class WebhookRulesTest {

    @Test
    void anAddressIsHttpsWithAHostAndNeverThisMachineOrAPrivateNetwork() {
        assertThat(WebhookRules.urlProblem("https://hooks.example.com/clearskin", false)).isEmpty();
        assertThat(WebhookRules.urlProblem("http://hooks.example.com/x", false)).contains("must start with https://");
        assertThat(WebhookRules.urlProblem("ftp://example.com", false)).isPresent();
        assertThat(WebhookRules.urlProblem("https://user:pw@example.com", false)).isPresent();
        assertThat(WebhookRules.urlProblem("https://127.0.0.1/x", false)).contains("must not point at this machine or a private network");
        assertThat(WebhookRules.urlProblem("https://10.1.2.3/x", false)).isPresent();
        assertThat(WebhookRules.urlProblem("https://172.20.0.1/x", false)).isPresent();
        assertThat(WebhookRules.urlProblem("https://localhost/x", false)).isPresent();
        assertThat(WebhookRules.urlProblem("", false)).isPresent();
        assertThat(WebhookRules.urlProblem("http://localhost:8080/x", true)).as("where the installation allows it").isEmpty();
    }

    @Test
    void retriesBackOffExponentiallyUpToSixHoursAndStopAfterTenAttempts() {
        assertThat(WebhookRules.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookRules.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(WebhookRules.backoff(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(WebhookRules.backoff(40)).isEqualTo(Duration.ofHours(6));
        assertThat(WebhookRules.givenUp(9)).isFalse();
        assertThat(WebhookRules.givenUp(10)).isTrue();
    }

    @Test
    void anyTwoHundredIsDelivered() {
        assertThat(WebhookRules.delivered(200)).isTrue();
        assertThat(WebhookRules.delivered(204)).isTrue();
        assertThat(WebhookRules.delivered(301)).isFalse();
        assertThat(WebhookRules.delivered(500)).isFalse();
    }
}

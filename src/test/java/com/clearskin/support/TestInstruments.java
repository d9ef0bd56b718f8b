package com.clearskin.support;

import com.clearskin.clinics.Clinic;
import com.clearskin.hygiene.Hygiene;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a sterile package and a single-use item for a session, through the hygiene module's own
 * code (or its API), for tests whose treatment needs instruments before signing.
 */
@Component
public class TestInstruments {

    private final Hygiene hygiene;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    TestInstruments(Hygiene hygiene, Clock clock) {
        this.hygiene = hygiene;
        this.clock = clock;
    }

    /** A passed cycle's fresh package code of the clinic. */
    public String sterilePackage(Clinic clinic, UUID by) {
        Hygiene.Sterilizer s = hygiene.addSterilizer(clinic, json.valueToTree(
                Map.of("name", "Test autoclave", "kind", "steam-prevacuum", "serial", "T-1")), by);
        Hygiene.Cycle c = hygiene.recordCycle(clinic, json.valueToTree(Map.of("sterilizerId", s.id().toString(),
                "operator", "Test", "startedAt", Instant.now(clock).minusSeconds(3600).toString(), "temperatureC", 134,
                "exposureMinutes", 4, "dryingMinutes", 20, "chemicalIndicator", "pass", "packages", List.of(Map.of()))), by);
        return c.packages().get(0).code();
    }

    /** Records a sterile package and a single-use item for the session. */
    public void recordFor(Clinic clinic, UUID sessionId, UUID by) {
        hygiene.recordUse(clinic, sessionId, json.valueToTree(Map.of("package", sterilePackage(clinic, by))), by);
        hygiene.recordUse(clinic, sessionId, json.valueToTree(Map.of("singleUse", Map.of("product", "Test cartridge",
                "lot", "L-1"))), by);
    }

    /** The same through the API, as the caller of {@code http}. */
    public static void recordViaApi(Http http, String base, String sessionId) {
        Http.Response s = http.postJson(base + "/sterilizers", Map.of("name", "Autoclave", "kind", "steam-prevacuum",
                "serial", "A-1"));
        Http.Response c = http.postJson(base + "/sterilization-cycles", Map.of("sterilizerId", s.json().get("id").asString(),
                "operator", "Test", "startedAt", Instant.now().minusSeconds(3600).toString(), "temperatureC", 134,
                "exposureMinutes", 4, "dryingMinutes", 20, "chemicalIndicator", "pass", "packages", List.of(Map.of())));
        String code = c.json().get("packages").get(0).get("code").asString();
        http.postJson(base + "/sessions/" + sessionId + "/instruments", Map.of("package", code));
        http.postJson(base + "/sessions/" + sessionId + "/instruments", Map.of("singleUse", Map.of("product", "Cartridge",
                "lot", "L-1")));
    }
}

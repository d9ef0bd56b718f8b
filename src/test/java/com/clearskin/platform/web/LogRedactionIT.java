package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No health data and no client in the logs: a client is added, answers an intake (with a medical
 * history), gets refused for bad input with their details in the body, is read, recommended and
 * searched for; everything the application wrote meanwhile is searched for the client's name, contact
 * details and medical answers.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionIT {

    private static final String FIRST = "Zephyrine";
    private static final String LAST = "Quillfeather";
    private static final String EMAIL = "zephyrine.q@example.org";
    private static final String PHONE = "+1 555 0142 9876";
    private static final String ISOTRETINOIN_ON = "2026-04-17";

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;

    @Test
    void aClientsDetailsAndAnswersNeverReachTheLog(CapturedOutput output) {
        TestClinic clinic = testClinics.open();
        String base = "/api/v1/clinics/" + clinic.slug() + "/clients";
        Http owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);

        Map<String, Object> person = new LinkedHashMap<>();
        person.put("firstName", FIRST);
        person.put("lastName", LAST);
        person.put("email", EMAIL);
        person.put("phone", PHONE);
        person.put("dateOfBirth", "1987-02-03");
        Http.Response created = owner.postJson(base, person);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        Map<String, Object> medical = new LinkedHashMap<>();
        for (String flag : List.of("pregnantOrBreastfeeding", "activeInfectionInArea", "coldSoreHistory",
                "sunburnOrRecentTan", "openWoundsInArea", "keloidTendency", "rosaceaOrEczemaFlare", "psoriasisFlare",
                "photosensitizingMedication", "autoimmuneOrImmunosuppressed", "recentChemotherapy", "skinCancerInArea",
                "pacemakerOrMetalInArea", "epilepsy", "salicylateAllergy")) {
            medical.put(flag, flag.equals("keloidTendency"));
        }
        medical.put("isotretinoinLastTaken", ISOTRETINOIN_ON);
        medical.put("topicalRetinoidLastUsed", "never");
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("skinType", "acne-prone");
        intake.put("fitzpatrick", 5);
        intake.put("concerns", List.of("acne-scars"));
        intake.put("bodyAreas", List.of("face"));
        intake.put("medical", medical);
        Http.Response assessed = owner.postJson(base + "/" + id + "/assessments", intake);
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);

        person.put("dateOfBirth", "not a date " + FIRST + " " + ISOTRETINOIN_ON);
        assertThat(owner.postJson(base, person).status()).isEqualTo(400);
        assertThat(owner.send("POST", base, "application/json", "{\"firstName\":\"" + FIRST + "\",", Map.of())
                .status()).isEqualTo(400);
        assertThat(owner.get(base + "/" + id).status()).isEqualTo(200);
        assertThat(owner.get(base + "/" + id + "/assessments").status()).isEqualTo(200);
        assertThat(owner.get(base + "/" + id + "/recommendation").status()).isLessThan(500);
        assertThat(owner.get(base + "?q=" + LAST).status()).isEqualTo(200);
        assertThat(new Http(port).postJson("/api/v1/auth/tokens", Map.of("email", EMAIL, "password", "not-the-password"))
                .status()).isEqualTo(401);

        new Http(port).get("/no-such-page-for-the-redaction-test");

        assertThat(output.getAll()).as("the application's log is captured")
                .contains("no-such-page-for-the-redaction-test");
        assertThat(output.getAll()).doesNotContain(FIRST, LAST, EMAIL, PHONE, ISOTRETINOIN_ON, "keloid");
    }
}

package com.clearskin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.directory.PractitionerCredentials.Credential;
import com.clearskin.directory.PractitionerCredentials.Standing;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LicenceRulesTest {

    static Credential licence(Standing standing) {
        return new Credential("esthetician", "Esthetician", "US-NY", LocalDate.of(2027, 6, 1), standing);
    }

    @Test
    void everyPractitionerNeedsALicenceThatCounts() {
        UUID anna = UUID.randomUUID();
        UUID bea = UUID.randomUUID();
        assertThat(LicenceRules.allVerified(List.of(anna, bea), Map.of(anna, List.of(licence(Standing.VERIFIED)),
                bea, List.of(licence(Standing.EXPIRED), licence(Standing.VERIFIED))))).isTrue();
        assertThat(LicenceRules.allVerified(List.of(anna, bea), Map.of(anna, List.of(licence(Standing.VERIFIED)),
                bea, List.of(licence(Standing.PENDING))))).isFalse();
        assertThat(LicenceRules.allVerified(List.of(anna, bea), Map.of(anna, List.of(licence(Standing.VERIFIED)))))
                .as("nothing on file for Bea").isFalse();
    }

    @Test
    void unknownIsNeverYes() {
        assertThat(LicenceRules.allVerified(List.of(UUID.randomUUID()), Map.of())).as("no licences module").isFalse();
        assertThat(LicenceRules.allVerified(List.of(), Map.of())).as("nobody performs it").isFalse();
    }

    @Test
    void theWordsNextToAPractitioner() {
        assertThat(LicenceRules.status(List.of(licence(Standing.VERIFIED)))).isEqualTo("Licence verified");
        assertThat(LicenceRules.status(List.of(licence(Standing.EXPIRED)))).isEqualTo("Licence expired");
        assertThat(LicenceRules.status(List.of(licence(Standing.PENDING)))).isEqualTo("Licence awaiting verification");
        assertThat(LicenceRules.status(List.of(licence(Standing.REJECTED)))).isEqualTo("Licence not verified");
        assertThat(LicenceRules.status(List.of())).isEqualTo("Licence not verified");
    }

    @Test
    void withoutAnyCredentialsBeanNoClinicIsVerified() {
        Directory.Credentials none = new Directory.Credentials(List.of(), null, null, java.time.Clock.systemUTC());
        com.clearskin.clinics.Clinic clinic = new com.clearskin.clinics.Clinic(UUID.randomUUID(), "x", "X",
                java.time.ZoneId.of("UTC"), "USD", null, java.time.Instant.now());
        assertThat(none.verified(clinic, null)).isFalse();
        assertThat(none.of(clinic)).isEmpty();
    }
}

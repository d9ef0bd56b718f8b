package com.clearskin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A clinic copy from an older catalog version (no invasiveness, a contraindication missing, one the
 * clinic changed) gets the new facts merged in; what the clinic changed stays and shows as a conflict.
 */
@IntegrationTest
class CatalogMergeIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    ClinicCatalog catalog;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOldCopyGetsTheNewFactsAndTheClinicsOwnValueIsAConflict() {
        TestClinic clinic = testClinics.open();
        UUID id = clinic.clinic().id();
        // microneedling as in catalog 2026.11.3: no invasiveness, no sunburn-or-tan
        jdbc.sql("""
                update clinic_treatment set default_version = '2026.11.3', customized = false,
                       definition = jsonb_set(definition - 'invasiveness', '{contraindications}',
                           (select coalesce(jsonb_agg(c), '[]') from jsonb_array_elements(definition->'contraindications') c
                            where c->>'code' <> 'sunburn-or-tan'))
                where clinic_id = :clinic and code = 'microneedling'""").param("clinic", id).update();
        // chemical-peel edited by the clinic: its own, weaker sunburn entry
        jdbc.sql("""
                update clinic_treatment set default_version = '2026.11.3', customized = true,
                       definition = jsonb_set(definition - 'invasiveness', '{contraindications}',
                           (select jsonb_agg(case when c->>'code' = 'sunburn-or-tan'
                                then jsonb_build_object('code', 'sunburn-or-tan', 'severity', 'relative',
                                     'text', 'Our own wording.', 'sources', jsonb_build_array('clinic'))
                                else c end) from jsonb_array_elements(definition->'contraindications') c))
                where clinic_id = :clinic and code = 'chemical-peel'""").param("clinic", id).update();

        assertThat(catalog.mergeDefaults()).isGreaterThanOrEqualTo(2);
        assertThat(catalog.mergeDefaults()).isZero();

        Http admin = new Http(port).signInForApi(clinic.email(Role.ADMIN), TestClinics.PASSWORD);
        Http browser = new Http(port);
        browser.signIn(clinic.email(Role.ADMIN), TestClinics.PASSWORD);
        String base = "/api/v1/clinics/" + clinic.slug() + "/treatments";
        JsonNode needling = admin.get(base + "/microneedling").json();
        assertThat(needling.get("invasiveness").get("level").asString()).isEqualTo("dermal");
        assertThat(needling.get("contraindications").toString()).contains("sunburn-or-tan");
        JsonNode peel = admin.get(base + "/chemical-peel").json();
        assertThat(peel.get("invasiveness").get("level").asString()).isEqualTo("superficial");
        assertThat(peel.get("contraindications").toString()).contains("Our own wording.");

        String page = browser.get("/app/clinics/" + clinic.slug() + "/treatments").body();
        assertThat(page).contains("id=\"catalog-conflicts\"")
                .contains("data-code=\"chemical-peel\" data-field=\"contraindications.sunburn-or-tan\"")
                .doesNotContain("data-code=\"microneedling\" data-field=");
    }
}

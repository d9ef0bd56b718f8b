package com.clearskin.branding;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The clinic's own face: set by owners and admins, colours checked for contrast, shown on its booking page. */
@IntegrationTest
class ClinicProfileIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;

    TestClinic clinic;
    String base;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open("America/Los_Angeles");
        base = "/api/v1/clinics/" + clinic.slug() + "/profile";
    }

    Http as(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    @Test
    void anyoneReadsTheDefaultsAndOwnersSetTheProfileThatTheBookingPageShows() {
        Http.Response before = new Http(port).get(base);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("revision").asInt()).isZero();
        assertThat(before.json().get("cancellationPolicy").asString()).contains("hours before");

        Http.Response saved = as(Role.OWNER).putJson(base, Map.of("displayName", "Glow Skin Studio",
                "description", "A calm studio for facials.", "address", "12 Main St, Springfield",
                "phone", "+1 (555) 010-0100", "openingHours", "Mon-Fri 9-6",
                "colors", Map.of("brand", "#1F4E79", "onBrand", "#ffffff"),
                "cancellationPolicy", "Please cancel 48 hours ahead."), Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("colors").get("brand").asString()).isEqualTo("#1f4e79");

        Http.Response page = new Http(port).get("/clinics/" + clinic.slug() + "/book");
        assertThat(page.body()).contains("Glow Skin Studio").contains("A calm studio for facials.")
                .contains("12 Main St, Springfield").contains("/clinics/" + clinic.slug() + "/theme.css");
        Http.Response css = new Http(port).get("/clinics/" + clinic.slug() + "/theme.css");
        assertThat(css.body()).contains("--brand: #1f4e79");
        assertThat(new Http(port).get(base).json().get("cancellationPolicy").asString())
                .isEqualTo("Please cancel 48 hours ahead.");
    }

    @Test
    void coloursThatFailContrastAreRefusedNamingTheField() {
        Http.Response low = as(Role.ADMIN).putJson(base, Map.of("displayName", "Pale",
                "colors", Map.of("brand", "#ffff00", "onBrand", "#ffffff")), Map.of());
        assertThat(low.status()).as(low.body()).isEqualTo(400);
        assertThat(low.body()).contains("colors.onBrand").contains("colors.brand").contains("4.5:1");
        Http.Response bad = as(Role.OWNER).putJson(base, Map.of("displayName", "", "colors",
                Map.of("brand", "blue")), Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("displayName").contains("must be a colour as #rrggbb");
    }

    @Test
    void onlyOwnersAndAdminsSetIt() {
        assertThat(as(Role.FRONT_DESK).putJson(base, Map.of("displayName", "X"), Map.of()).status()).isEqualTo(403);
        assertThat(as(Role.CLIENT).putJson(base, Map.of("displayName", "X"), Map.of()).status()).isEqualTo(403);
        assertThat(new Http(port).putJson(base, Map.of("displayName", "X"), Map.of()).status()).isEqualTo(401);
    }
}

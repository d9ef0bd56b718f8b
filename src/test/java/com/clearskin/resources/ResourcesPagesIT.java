package com.clearskin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestClinics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ResourcesPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String pages;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        pages = "/app/clinics/" + clinic.slug() + "/schedule";
    }

    Http signedIn(Role role) {
        Http http = new Http(port);
        assertThat(http.signIn(clinic.email(role), TestClinics.PASSWORD).status()).isEqualTo(302);
        return http;
    }

    int revision() {
        return jdbc.sql("select revision from clinic_schedule where clinic_id = :c").param("c", clinic.clinic().id())
                .query(Integer.class).single();
    }

    static Map<String, String> settingsForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("timeZone", "Europe/London");
        form.put("slotMinutes", "15");
        form.put("minNoticeMinutes", "60");
        form.put("horizonDays", "92");
        form.put("clientCancelHours", "24");
        form.put("waitlistOfferMinutes", "120");
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            form.put("openingHours." + day, "");
        }
        return form;
    }

    @Test
    void theOwnerSetsHoursAndAMistakeComesBackNextToItsField() {
        Http owner = signedIn(Role.OWNER);
        assertThat(owner.get("/app").body()).contains("href=\"" + pages + "\"");
        Http.Response page = owner.get(pages);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"timeZone\">", "<label for=\"openingHours.monday\">",
                "value=\"09:00-18:00\"", "aria-current=\"page\"");

        Map<String, String> form = settingsForm();
        form.put("slotMinutes", "7");
        form.put("openingHours.monday", "09:00-13:00, 12:00-18:00");
        form.put("openingHours.tuesday", "nine to five");
        int before = revision();
        Http.Response refused = owner.postForm(pages, pages, form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"slotMinutes-error\"", "id=\"openingHours.tuesday-error\"",
                "value=\"nine to five\"");
        form.put("openingHours.tuesday", "09:00-18:00");
        refused = owner.postForm(pages, pages, form);
        assertThat(refused.body()).contains("id=\"openingHours.monday-error\"", "overlaps");
        assertThat(revision()).isEqualTo(before);

        form.put("slotMinutes", "30");
        form.put("openingHours.monday", "9:00-13:00, 14:00-19:00");
        form.put("timeZone", "America/New_York");
        Http.Response saved = owner.postForm(pages, pages, form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(revision()).isEqualTo(before + 1);
        Http.Response shown = owner.get(pages);
        assertThat(shown.body()).contains("value=\"09:00-13:00, 14:00-19:00\"", "value=\"America/New_York\"",
                "Booking settings and opening hours are updated");
    }

    @Test
    void practitionersRoomsDevicesClosuresAndTreatmentNeedsThroughTheForms() {
        Http owner = signedIn(Role.OWNER);
        String self = accounts.findByEmail(clinic.email(Role.PRACTITIONER)).orElseThrow().toString();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("displayName", "Nadia Nurse");
        p.put("qualification", "nurse");
        p.put("userId", self);
        p.put("active", "true");
        p.put("shifts.monday", "09:00-13:00, 14:00-18:00");
        p.put("breaks.monday", "13:30-14:30");
        Http.Response refused = owner.postForm(pages + "/practitioners", pages + "/practitioners", p);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"breaks.monday-error\"", "inside one of the practitioner");
        p.put("breaks.monday", "11:00-11:15");
        Http.Response added = owner.postForm(pages + "/practitioners", pages + "/practitioners", p);
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        String page = added.header("Location").substring(added.header("Location").indexOf("/app/"));
        assertThat(owner.get(page).body()).contains("Nadia Nurse is added", "value=\"09:00-13:00, 14:00-18:00\"",
                "value=\"11:00-11:15\"");

        Http.Response room = owner.postFormRaw(pages + "/rooms", Map.of("name", "Laser room",
                "capabilities", List.of("laser-safe", "facial-bed"), "_csrf",
                Http.csrfToken(owner.get(pages + "/rooms").body())));
        assertThat(room.status()).isEqualTo(302);
        assertThat(owner.get(pages + "/rooms").body()).contains("Laser room", ">laser-safe<");
        Http.Response noName = owner.postForm(pages + "/rooms", pages + "/rooms", Map.of("name", " "));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body()).contains("id=\"name-error\"");

        assertThat(owner.postForm(pages + "/devices", pages + "/devices", Map.of("name", "Pen 1", "type",
                "microneedling-pen")).status()).isEqualTo(302);
        Http.Response badDevice = owner.postForm(pages + "/devices", pages + "/devices", Map.of("name", "Pen 2",
                "type", ""));
        assertThat(badDevice.status()).isEqualTo(400);
        assertThat(badDevice.body()).contains("id=\"type-error\"", "value=\"Pen 2\"");

        assertThat(owner.postForm(pages + "/closures", pages + "/closures", Map.of("firstDay", "2026-12-24",
                "lastDay", "2026-12-26", "reason", "Holidays")).status()).isEqualTo(302);
        assertThat(owner.get(pages + "/closures").body()).contains("2026-12-24", "Holidays");

        Http.Response needs = owner.get(pages + "/treatments");
        assertThat(needs.body()).contains("microneedling-pen", "body-treatment-bed");
        Http.Response buffer = owner.postForm(pages + "/treatments/microneedling", pages + "/treatments/microneedling",
                Map.of("bookable", "true", "roomCapabilities", "facial-bed", "deviceTypes", "microneedling-pen",
                        "bufferBeforeMinutes", "10", "bufferAfterMinutes", "999"));
        assertThat(buffer.status()).isEqualTo(400);
        assertThat(buffer.body()).contains("id=\"bufferAfterMinutes-error\"", "value=\"999\"");
        assertThat(owner.postForm(pages + "/treatments/microneedling", pages + "/treatments/microneedling",
                Map.of("bookable", "true", "roomCapabilities", "facial-bed", "deviceTypes", "microneedling-pen",
                        "bufferBeforeMinutes", "10", "bufferAfterMinutes", "30")).status()).isEqualTo(302);
        assertThat(owner.get(pages + "/treatments").body()).contains("10 / 30 min");

        // the practitioner reads, cannot change rooms, and records their own time off
        Http practitioner = signedIn(Role.PRACTITIONER);
        Http.Response rooms = practitioner.get(pages + "/rooms");
        assertThat(rooms.status()).isEqualTo(200);
        assertThat(rooms.body()).contains("Laser room").doesNotContain("Add the room");
        assertThat(practitioner.postForm(pages + "/rooms", pages + "/rooms", Map.of("name", "Mine")).status())
                .isEqualTo(403);
        Http.Response off = practitioner.postForm(page + "/time-off", page, Map.of("startsAt", "2026-08-03T09:00",
                "endsAt", "2026-08-03T13:00", "reason", "Course"));
        assertThat(off.status()).isEqualTo(302);
        assertThat(practitioner.get(page).body()).contains("Mon 3 Aug 2026 09:00", "Course");
        Http.Response badOff = practitioner.postForm(page + "/time-off", page, Map.of("startsAt", "2026-08-03T09:00",
                "endsAt", "2026-08-03T08:00"));
        assertThat(badOff.status()).isEqualTo(400);
        assertThat(badOff.body()).contains("id=\"endsAt-error\"");

        assertThat(signedIn(Role.CLIENT).get(pages).status()).isEqualTo(403);
        TestClinic other = testClinics.open();
        Http stranger = new Http(port);
        stranger.signIn(other.email(Role.OWNER), TestClinics.PASSWORD);
        assertThat(stranger.get(pages + "/rooms").status()).isEqualTo(404);
    }
}

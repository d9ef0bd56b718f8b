package com.clearskin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CalendarFeedPagesIT {

    static final Pattern URL = Pattern.compile("id=\"feed-url\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    ScheduleFixtures schedule;

    @Test
    void makeCopyAndRevokeAFeedLink() {
        TestClinic clinic = testClinics.open();
        schedule.simpleEveryDay(clinic.clinic(), 120, "extraction-facial");
        UUID ada = schedule.practitioner(clinic.clinic(), "Ada Esthetician", "esthetician", null);
        String page = "/app/clinics/" + clinic.slug() + "/calendar-feeds";
        Http staff = new Http(port);
        staff.signIn(clinic.email(Role.ADMIN), TestClinics.PASSWORD);
        Http.Response empty = staff.get(page);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("No feeds yet.", "<label for=\"practitioner-subject\">", "Ada Esthetician");

        Http.Response made = staff.postForm(page, page, Map.of("kind", "practitioner", "subjectId", ada.toString()));
        assertThat(made.status()).isEqualTo(201);
        Matcher m = URL.matcher(made.body());
        assertThat(m.find()).as(made.body()).isTrue();
        String path = URI.create(m.group(1)).getPath();
        assertThat(path).matches("/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(made.body()).contains("data-copy=\"#feed-url\"", "shown only this once");
        assertThat(new Http(port).get(path).status()).isEqualTo(200);

        String listed = staff.get(page).body();
        assertThat(listed).doesNotContain(path);
        String id = listed.replaceAll("(?s).*data-feed=\"([0-9a-f-]{36})\".*", "$1");
        assertThat(staff.postForm(page + "/" + id + "/revoke", page, Map.of()).status()).isEqualTo(302);
        assertThat(new Http(port).get(path).status()).isEqualTo(404);
        assertThat(staff.get(page + "?revoked=1").body()).contains("No feeds yet.", "The feed is revoked");
    }

    @Test
    void aBadChoiceIsExplained() {
        TestClinic clinic = testClinics.open();
        String page = "/app/clinics/" + clinic.slug() + "/calendar-feeds";
        Http staff = new Http(port);
        staff.signIn(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        Http.Response r = staff.postForm(page, page, Map.of("kind", "practitioner", "subjectId", UUID.randomUUID().toString()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("role=\"alert\"", "not an active practitioner");
    }
}

package com.clearskin.publicbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The booking page's new-client steps: details with errors next to the fields, check your email, the link's page. */
@IntegrationTest
class PublicBookingPagesIT {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final String FACIAL = "extraction-facial";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String start;
    String details;

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open(ZONE.getId());
        fixtures.facialsEveryDay(clinic.clinic());
        start = ZonedDateTime.of(LocalDate.now(ZONE).plusDays(5), LocalTime.of(10, 0), ZONE).toInstant().toString();
        details = "/clinics/" + clinic.slug() + "/book/details?treatment=" + FACIAL + "&start="
                + URLEncoder.encode(start, StandardCharsets.UTF_8);
    }

    @Test
    void theTimesOfTheBookingPageLeadToTheDetailsForm() {
        Http http = new Http(port);
        Http.Response book = http.get("/clinics/" + clinic.slug() + "/book?treatment=" + FACIAL + "&from="
                + LocalDate.now(ZONE).plusDays(5));
        assertThat(book.status()).isEqualTo(200);
        assertThat(book.body()).contains("/book/details?treatment=" + FACIAL);
        Http.Response page = http.get(details);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Your details").contains("Sign in to book").contains("cancellation policy")
                .contains("name=\"website\"").contains("I don&#39;t know");
    }

    @Test
    void errorsAreSentencesNextToTheFieldsAndAGoodFormHoldsTheTimeAndTheLinkBooksIt() {
        Http http = new Http(port);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("treatment", FACIAL);
        form.put("start", start);
        form.put("firstName", "");
        form.put("email", "nope");
        Http.Response bad = http.postForm("/clinics/" + clinic.slug() + "/book/details", details, form);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Please enter your first name.").contains("id=\"firstName-error\"")
                .contains("Please enter an email address such as name@example.com.")
                .contains("Please read and accept the clinic&#39;s cancellation policy to book.")
                .doesNotContain("is required");

        String email = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        form.put("firstName", "Paula");
        form.put("lastName", "Page");
        form.put("email", email);
        form.put("phone", "555 010 0199");
        form.put("dateOfBirth", "1988-02-03");
        form.put("acceptPolicy", "on");
        form.put("medical.pregnantOrBreastfeeding", "no");
        form.put("website", "");
        Http.Response held = http.postForm("/clinics/" + clinic.slug() + "/book/details", details, form);
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.body()).contains("Check your email").contains(email);

        String body = jdbc.sql("select body from outbox_message where recipient = :email")
                .param("email", email).query(String.class).single();
        Matcher m = Pattern.compile("(/public-bookings/pb_[A-Za-z0-9_-]+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        Http.Response link = http.get(m.group(1));
        assertThat(link.body()).contains("Confirm my booking");
        Http.Response confirmed = http.postForm(m.group(1), m.group(1), Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your booking is confirmed");
    }

    @Test
    void aFilledHoneypotKeepsNothing() {
        Http http = new Http(port);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("treatment", FACIAL);
        form.put("start", start);
        form.put("firstName", "Bot");
        form.put("lastName", "Bot");
        form.put("email", "bot@example.com");
        form.put("website", "http://spam.example");
        Http.Response r = http.postForm("/clinics/" + clinic.slug() + "/book/details", details, form);
        assertThat(r.body()).contains("Check your email");
        assertThat(jdbc.sql("select count(*) from public_booking where clinic_id = :clinic")
                .param("clinic", clinic.clinic().id()).query(Integer.class).single()).isZero();
    }
}

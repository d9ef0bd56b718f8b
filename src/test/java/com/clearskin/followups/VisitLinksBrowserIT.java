package com.clearskin.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.browser.Axe;
import com.clearskin.browser.BrowserSupport;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestVisits;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15 in a real browser on a phone, as a client who never signs in: the reminder's one-click
 * confirm, then the check-in link after the visit, where a warning sign escalates. Axe checks both.
 */
@IntegrationTest
class VisitLinksBrowserIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";
    static final Pattern LINK = Pattern.compile("(I will be there|Tell us how your skin is): [^\\s]*/visits/(v1_[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    TestVisits visits;
    @Autowired
    FollowUpDelivery delivery;
    @Autowired
    CheckIns checkIns;
    @Autowired
    JdbcClient jdbc;
    BrowserSupport browser;

    @RegisterExtension
    final TestExecutionExceptionHandler failureScreenshots = BrowserSupport.screenshotOnFailure(() -> browser);

    @BeforeEach
    void start() {
        browser = BrowserSupport.start(port);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    String token(TestClinic clinic, String kind, String label) {
        jdbc.sql("""
                update follow_up set send_at = now() - interval '1 minute'
                where clinic_id = :c and kind = :kind and status = 'scheduled'""")
                .param("c", clinic.clinic().id()).param("kind", kind).update();
        delivery.deliverDue();
        String body = jdbc.sql("""
                select body from outbox_message where clinic_id = :c and kind = :kind order by created_at desc limit 1""")
                .param("c", clinic.clinic().id()).param("kind", "follow-up-" + kind).query(String.class).single();
        Matcher m = LINK.matcher(body);
        while (m.find()) {
            if (m.group(1).equals(label)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no '" + label + "' link in the " + kind);
    }

    @Test
    void aClientConfirmsFromTheReminderAndAWarningSignInTheCheckInEscalates() throws Exception {
        TestClinic clinic = fixtures.open(ZONE.getId());
        String base = "/api/v1/clinics/" + clinic.slug();
        fixtures.facialsEveryDay(clinic.clinic());
        UUID client = fixtures.client(clinic.clinic(), "Cleo", "Confirm");
        jdbc.sql("update client set email = :email where clinic_id = :clinic and id = :id")
                .param("email", "cleo-" + UUID.randomUUID() + "@links.test").param("clinic", clinic.clinic().id())
                .param("id", client).update();
        Http desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        String start = LocalDate.now(ZONE).plusDays(5).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString();
        Http.Response booked = desk.postJson(base + "/appointments", Map.of("clientId", client.toString(), "treatment", FACIAL,
                "start", start));
        String appointment = booked.json().get("id").asString();
        var driver = browser.driver();
        browser.windowSize(BrowserSupport.PHONE);

        browser.open("/visits/" + token(clinic, "reminder", "I will be there"));
        browser.waiting().until(visibilityOfElementLocated(By.id("confirm-visit")));
        assertThat(Axe.violations(browser)).as("axe-core on the one-click confirm").isEmpty();
        driver.findElement(By.id("confirm-visit")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("done"))).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("confirmed")).getText()).contains("You confirmed this visit");

        assertThat(desk.postJson(base + "/appointments/" + appointment + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic(), appointment);
        assertThat(desk.postJson(base + "/appointments/" + appointment + "/complete", "").status()).isEqualTo(200);
        browser.open("/visits/" + token(clinic, "check-in", "Tell us how your skin is"));
        browser.waiting().until(visibilityOfElementLocated(By.id("check-in-form")));
        assertThat(Axe.violations(browser)).as("axe-core on the check-in").isEmpty();
        assertThat(browser.unlabelledControls()).isEmpty();
        new Select(driver.findElement(By.id("redness"))).selectByValue("2");
        new Select(driver.findElement(By.id("pain"))).selectByValue("6");
        driver.findElement(By.id("sign-fever")).click();
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("check-in", ".jpg");
        java.nio.file.Files.write(photo, CheckInsIT.skinPhoto());
        driver.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        new Select(driver.findElement(By.id("area"))).selectByValue("chin");
        browser.screenshot("check-in-photo-phone");
        driver.findElement(By.id("send-check-in")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("done"))).getText())
                .contains("Your practitioner will contact you soon");
        assertThat(checkIns.escalations(clinic.clinic(), true)).hasSize(1);
        assertThat(checkIns.escalations(clinic.clinic(), true).get(0).photoId()).as("the photo came with it").isNotNull();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}

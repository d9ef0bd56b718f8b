package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.sessions.SessionFixtures;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestVisits;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14 in a real browser on a phone beside the autoclave: record a cycle, open its package at
 * the session by typing the label's code, then work through the recall a failed spore test makes.
 * Axe checks each page.
 */
@IntegrationTest
class HygieneBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    SessionFixtures sessionFixtures;
    @Autowired
    TestVisits visits;
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

    @Test
    void fromTheCycleToTheScanToTheRecallOnAPhone() {
        TestClinic clinic = fixtures.open("Europe/Paris");
        String api = "/api/v1/clinics/" + clinic.slug();
        UUID practitioner = sessionFixtures.practitioner(clinic, Role.PRACTITIONER, "nurse");
        UUID room = sessionFixtures.room(clinic);
        UUID client = fixtures.client(clinic.clinic(), "Rita", "Recall");
        Http nurse = new Http(port).signInForApi(clinic.email(Role.PRACTITIONER), TestClinics.PASSWORD);
        String sterilizer = nurse.postJson(api + "/sterilizers", Map.of("name", "Autoclave 2", "kind", "steam-prevacuum",
                "serial", "B-2")).json().get("id").asString();
        nurse.postJson(api + "/instrument-sets", Map.of("name", "Extraction set", "instruments", List.of("comedone extractor")));
        var driver = browser.driver();
        browser.windowSize(BrowserSupport.PHONE);

        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys(clinic.email(Role.PRACTITIONER));
        driver.findElement(By.id("password")).sendKeys(TestClinics.PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/app"));

        String roomPage = "/app/clinics/" + clinic.slug() + "/sterilization";
        browser.open(roomPage);
        browser.waiting().until(visibilityOfElementLocated(By.id("cycle-form")));
        assertThat(Axe.violations(browser)).as("axe-core on the sterilization room").isEmpty();
        browser.screenshot("sterilization-room-phone");
        driver.findElement(By.id("operator")).sendKeys("Nora Nurse");
        driver.findElement(By.id("temperatureC")).sendKeys("134");
        driver.findElement(By.id("exposureMinutes")).sendKeys("4");
        driver.findElement(By.id("dryingMinutes")).sendKeys("20");
        driver.findElement(By.cssSelector("input[name='chemicalIndicator'][value='pass']")).click();
        new Select(driver.findElement(By.id("setId"))).selectByVisibleText("Extraction set");
        driver.findElement(By.cssSelector("#cycle-form button[type='submit']")).click();
        String flash = browser.waiting().until(visibilityOfElementLocated(By.id("flash"))).getText();
        assertThat(flash).contains("passed").contains("Package codes:");
        String code = flash.replaceAll("(?s).*Package codes: ([2-9A-Z]{8}).*", "$1");
        assertThat(driver.findElement(By.id("stock")).getText()).contains(code);

        UUID appointment = sessionFixtures.appointment(clinic, client, "extraction-facial", practitioner, room);
        assertThat(new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD)
                .postJson(api + "/appointments/" + appointment + "/check-in", "").status()).isEqualTo(200);
        String session = visits.readyToSign(clinic.clinic(), appointment.toString()).id().toString();
        browser.open("/app/clinics/" + clinic.slug() + "/sessions/" + session);
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("instruments"))).getText())
                .contains("Needed before signing");
        driver.findElement(By.id("instruments-action")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("package"))).sendKeys(code.toLowerCase());
        assertThat(Axe.violations(browser)).as("axe-core on the session's instruments").isEmpty();
        browser.screenshot("session-instruments-phone");
        assertThat(browser.unlabelledControls()).isEmpty();
        driver.findElement(By.cssSelector("#package-form button[type='submit']")).click();
        browser.waiting().until(textToBePresentInElementLocated(By.id("uses"), code));
        driver.findElement(By.id("back-to-session")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("instruments"))).getText())
                .contains("Sterile package " + code).doesNotContain("Needed before signing");

        assertThat(nurse.postJson(api + "/spore-tests", Map.of("sterilizerId", sterilizer, "result", "fail",
                "readAt", Instant.now().toString())).status()).isEqualTo(201);
        browser.open(roomPage);
        browser.waiting().until(visibilityOfElementLocated(By.cssSelector("#recalls a"))).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("recall-clients")));
        assertThat(driver.findElement(By.id("recall-clients")).getText()).contains("Rita Recall").contains("not yet contacted");
        assertThat(Axe.violations(browser)).as("axe-core on the recall").isEmpty();
        browser.screenshot("recall-phone");
        new Select(driver.findElement(By.id("action-" + client))).selectByValue("notified");
        driver.findElement(By.id("note-" + client)).sendKeys("Called; no symptoms");
        driver.findElement(By.cssSelector("#recall-clients button[type='submit']")).click();
        browser.waiting().until(textToBePresentInElementLocated(By.id("recall-actions"), "Called; no symptoms"));
        assertThat(driver.findElement(By.id("recall-clients")).getText()).contains("notified");
        driver.findElement(By.id("close-note")).sendKeys("Everyone called");
        driver.findElement(By.cssSelector("#close-recall button[type='submit']")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("recall-closed")));
        assertThat(browser.consoleErrors()).isEmpty();
    }
}

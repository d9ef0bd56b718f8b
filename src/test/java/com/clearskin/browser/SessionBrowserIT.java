package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.sessions.SessionFixtures;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole visit on the clinic's tablet (1024x768) in a real browser: check in, the client signs the
 * consent (typed and drawn, "I agree" ticked by hand), the day's check, the five steps of an
 * extraction facial with the server's countdown, the chart, signing, and completing the appointment.
 */
@IntegrationTest
class SessionBrowserIT {

    static final Dimension TABLET = new Dimension(1024, 768);
    static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    SessionFixtures sessionFixtures;
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
    void aPractitionerRunsTheWholeVisitOnATablet() {
        TestClinic clinic = fixtures.open("Europe/Paris");
        UUID practitioner = sessionFixtures.practitioner(clinic, Role.PRACTITIONER, "esthetician");
        UUID room = sessionFixtures.room(clinic);
        UUID client = fixtures.client(clinic.clinic(), "Tess", "Tablet");
        UUID appointment = sessionFixtures.appointment(clinic, client, "extraction-facial", practitioner, room);
        String page = "/app/clinics/" + clinic.slug() + "/appointments/" + appointment;
        var driver = browser.driver();
        browser.windowSize(TABLET);

        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys(clinic.email(Role.PRACTITIONER));
        driver.findElement(By.id("password")).sendKeys(TestClinics.PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/app"));

        browser.open(page);
        browser.waiting().until(visibilityOfElementLocated(By.id("check-in"))).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("open-visit"))).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("open-consent"))).click();

        // the client signs on the tablet: typed, drawn, and "I agree" ticked by hand (it starts unticked)
        WebElement agreed = browser.waiting().until(visibilityOfElementLocated(By.id("agreed")));
        assertThat(agreed.isSelected()).isFalse();
        assertThat(browser.unlabelledControls()).as("unlabelled controls on the consent screen").isEmpty();
        driver.findElement(By.id("typedSignature")).sendKeys("Tess Tablet");
        WebElement pad = driver.findElement(By.id("signature-pad"));
        new Actions(driver).moveToElement(pad, -120, 0).clickAndHold().moveByOffset(60, -20).moveByOffset(60, 30)
                .moveByOffset(60, -25).release().perform();
        browser.screenshot("session-consent-tablet");
        driver.findElement(By.id("sign-consent")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.className("field-error"))).getText())
                .contains("I agree");
        browser.waiting().until(visibilityOfElementLocated(By.id("agreed"))).click();
        driver.findElement(By.id("typedSignature")).clear();
        driver.findElement(By.id("typedSignature")).sendKeys("Tess Tablet");
        pad = driver.findElement(By.id("signature-pad"));
        new Actions(driver).moveToElement(pad, -100, 0).clickAndHold().moveByOffset(80, 20).moveByOffset(80, -30)
                .release().perform();
        driver.findElement(By.id("sign-consent")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("consent-ok")));

        // the day's check: nothing is preselected; every question answered
        for (String q : new String[] {"sunburnOrRecentTan", "activeInfectionInArea", "openWoundsInArea",
                "pregnantOrBreastfeeding", "newMedicationSinceAssessment"}) {
            assertThat(driver.findElement(By.id(q + "-no")).isSelected()).isFalse();
            driver.findElement(By.id(q + "-no")).click();
        }
        browser.screenshot("session-check-tablet");
        driver.findElement(By.id("start-session")).click();
        if (!driver.findElements(By.id("cautions")).isEmpty()) {
            driver.findElements(By.cssSelector("#cautions textarea")).forEach(t -> t.sendKeys("Checked with the client"));
            for (String q : new String[] {"sunburnOrRecentTan", "activeInfectionInArea", "openWoundsInArea",
                    "pregnantOrBreastfeeding", "newMedicationSinceAssessment"}) {
                driver.findElement(By.id(q + "-no")).click();
            }
            driver.findElement(By.id("start-session")).click();
        }
        browser.waiting().until(visibilityOfElementLocated(By.id("current-step")));
        assertThat(driver.findElement(By.id("session-status")).getText()).isEqualTo("In progress");

        for (int order = 1; order <= 5; order++) {
            WebElement current = browser.waiting().until(visibilityOfElementLocated(By.id("current-step")));
            assertThat(current.getAttribute("data-order")).isEqualTo(String.valueOf(order));
            if (!driver.findElements(By.id("start-step")).isEmpty()) {
                driver.findElement(By.id("start-step")).click();
                browser.waiting().until(d -> !d.findElements(By.id("complete-step")).isEmpty()
                        && d.findElements(By.id("start-step")).isEmpty());
            }
            if (order == 2) {
                WebElement countdown = browser.waiting().until(visibilityOfElementLocated(By.id("countdown")));
                assertThat(countdown.getText()).matches("(?s)(9|10):\\d\\d.*left.*");
                browser.screenshot("session-step-countdown-tablet");
                browser.windowSize(PHONE);
                browser.screenshot("session-step-countdown-phone");
                browser.windowSize(TABLET);
            }
            browser.waiting().until(visibilityOfElementLocated(By.id("step-notes"))).sendKeys("Step " + order + " done");
            driver.findElement(By.id("complete-step")).click();
            if (order < 5) {
                int next = order + 1;
                browser.waiting().until(d -> String.valueOf(next).equals(
                        d.findElement(By.id("current-step")).getAttribute("data-order")));
            }
        }

        browser.waiting().until(visibilityOfElementLocated(By.id("productName0"))).sendKeys("Enzyme cleanser");
        driver.findElement(By.id("productLot0")).sendKeys("LOT-42");
        browser.script("document.getElementById('productExpires0').value = '2099-12-31';");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("erythema"))).selectByValue("1");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("edema"))).selectByValue("0");
        driver.findElement(By.id("plan")).sendKeys("Again in four weeks");
        driver.findElement(By.id("music")).sendKeys("Quiet piano");
        driver.findElement(By.id("save-chart")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("flash"))).getText()).contains("chart is saved");
        browser.screenshot("session-chart-tablet");

        java.util.regex.Matcher sessionId = java.util.regex.Pattern.compile("/sessions/([0-9a-f-]{36})").matcher(driver.getCurrentUrl());
        assertThat(sessionId.find()).as(driver.getCurrentUrl()).isTrue();
        com.clearskin.support.TestInstruments.recordViaApi(new com.clearskin.support.Http(port)
                .signInForApi(clinic.email(Role.PRACTITIONER), TestClinics.PASSWORD), "/api/v1/clinics/" + clinic.slug(),
                sessionId.group(1));
        browser.waiting().until(visibilityOfElementLocated(By.id("sign-record"))).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("session-status"))).getText())
                .isEqualTo("Signed");
        assertThat(driver.findElements(By.id("save-chart"))).as("a signed record has no chart form").isEmpty();
        browser.screenshot("session-signed-tablet");

        driver.findElement(By.id("to-appointment")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("complete"))).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("status"))).getText()).isEqualTo("Completed");
        browser.screenshot("session-appointment-completed-tablet");
        assertThat(browser.consoleErrors()).as("no error but the refused signature without \"I agree\" (a 400)")
                .allMatch(e -> e.contains("/consent - Failed to load resource") && e.contains("400"));
    }
}

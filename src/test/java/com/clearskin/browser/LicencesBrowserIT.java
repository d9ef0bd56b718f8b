package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Licences in a real browser: the demo owner sees the nurse's licence expiring soon on her page,
 * adds a licence with its document, and the Clearskin reviewer verifies it from the queue; axe-core
 * finds nothing on the section, the queue and the licence's page, and none scrolls sideways on a phone.
 */
@IntegrationTest
class LicencesBrowserIT {

    @LocalServerPort
    int port;
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
    void theOwnerAddsALicenceAndTheReviewerVerifiesIt() throws Exception {
        var driver = browser.driver();
        signIn("owner@demo.test");
        browser.open("/app/clinics/demo/schedule/practitioners");
        browser.waiting().until(visibilityOfElementLocated(By.linkText("Nadia Nurse"))).click();
        WebElement section = browser.waiting().until(visibilityOfElementLocated(By.id("licences-section")));
        assertThat(section.getText()).contains("Nadia Nurse's registered nurse licence expires on", "RN 95512", "Verified");
        assertThat(Axe.violations(browser)).as("axe-core on the practitioner page with its licences").isEmpty();
        browser.windowSize(BrowserSupport.PHONE);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(((Number) browser.script("return window.innerWidth;")).intValue());
        browser.windowSize(BrowserSupport.DESKTOP);

        Path pdf = Files.createTempFile("licence", ".pdf");
        Files.write(pdf, "%PDF-1.4\n% a renewed licence\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        String renewed = "RN-" + System.nanoTime() % 1_000_000;
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("licence-type"))).selectByValue("nurse");
        driver.findElement(By.id("licence-number")).sendKeys(renewed);
        String expires = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusYears(2).toString();
        browser.script("document.getElementById('licence-expires').value = arguments[0];", expires);
        driver.findElement(By.id("licence-document")).sendKeys(pdf.toAbsolutePath().toString());
        driver.findElement(By.xpath("//button[normalize-space()='Add the licence']")).click();
        browser.waiting().until(urlContains("#licences"));
        section = browser.waiting().until(visibilityOfElementLocated(By.id("licences-section")));
        browser.waiting().until(d -> d.findElement(By.id("licences-section")).getText().contains(renewed));
        assertThat(driver.findElement(By.id("licences-section")).getText()).contains("Waiting for review")
                .as("the renewal on file ends the warning").doesNotContain("licence expires on");

        driver.manage().deleteAllCookies();
        signIn("reviewer@clearskin.test");
        browser.waiting().until(visibilityOfElementLocated(By.linkText("the licence review queue"))).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("main")));
        assertThat(Axe.violations(browser)).as("axe-core on the review queue").isEmpty();
        browser.open("/app/platform/licences?status=pending");
        browser.waiting().until(visibilityOfElementLocated(By.xpath("//tr[contains(., '" + renewed + "')]//a"))).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("decide-h")));
        assertThat(Axe.violations(browser)).as("axe-core on a licence to review").isEmpty();
        driver.findElement(By.id("decision-verified")).click();
        driver.findElement(By.id("note")).sendKeys("Matches the board's register.");
        driver.findElement(By.xpath("//button[normalize-space()='Record the decision']")).click();
        WebElement saved = browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(saved.getText()).contains("Nadia Nurse", "verified");
    }

    private void signIn(String email) {
        var driver = browser.driver();
        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(IntegrationTest.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/app"));
    }
}

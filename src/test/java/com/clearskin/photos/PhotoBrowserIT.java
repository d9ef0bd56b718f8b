package com.clearskin.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.browser.Axe;
import com.clearskin.browser.BrowserSupport;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Issue 16 in a real browser: the practitioner adds two photos through the capture form (a file, as a
 * phone's camera hands it over), measures pores, compares before and after with the slider; the
 * client reads their progress in plain words in the portal. Axe checks each page.
 */
@IntegrationTest
class PhotoBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
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

    void signIn(String email) {
        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        browser.driver().findElement(By.id("password")).sendKeys(TestClinics.PASSWORD);
        browser.driver().findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/app"));
    }

    @Test
    void captureMeasureCompareAndTheClientReadsTheirProgress() throws Exception {
        TestClinic clinic = fixtures.open("Europe/Paris");
        UUID client = fixtures.clientFor(clinic.clinic(), clinic.email(Role.CLIENT));
        String page = "/app/clinics/" + clinic.slug() + "/clients/" + client + "/photos";
        var driver = browser.driver();
        browser.windowSize(BrowserSupport.PHONE);
        signIn(clinic.email(Role.OWNER));

        for (int seed = 1; seed <= 2; seed++) {
            Path file = Files.createTempFile("skin", ".jpg");
            Files.write(file, PhotoApiIT.skinJpeg(seed));
            browser.open(page);
            browser.waiting().until(visibilityOfElementLocated(By.id("photo-upload")));
            if (seed == 1) {
                assertThat(driver.findElement(By.id("lighting-reminder")).getText()).contains("same room light");
                assertThat(Axe.violations(browser)).as("axe-core on the photos page").isEmpty();
            }
            driver.findElement(By.id("photo-file")).sendKeys(file.toAbsolutePath().toString());
            new Select(driver.findElement(By.id("photo-view"))).selectByValue("close-up");
            new Select(driver.findElement(By.id("photo-area"))).selectByValue("nose");
            driver.findElement(By.cssSelector("#photo-upload button[type='submit']")).click();
            browser.waiting().until(textToBePresentInElementLocated(By.tagName("main"), "The photo is saved."));
            Files.deleteIfExists(file);
        }
        for (int i = 0; i < 2; i++) {
            driver.findElements(By.cssSelector(".photo-card form button")).get(i).click();
            browser.waiting().until(textToBePresentInElementLocated(By.tagName("main"), "pores found"));
        }
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("progress-summary"))).getText())
                .startsWith("Pores counted");

        driver.findElement(By.id("compare-link")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("side-by-side")));
        browser.waiting().until(visibilityOfElementLocated(By.id("compare-range")));
        browser.script("var r = document.getElementById('compare-range'); r.value = 20; r.dispatchEvent(new Event('input'));");
        assertThat(browser.script("return document.querySelector('.compare-top').style.clipPath;")).asString().contains("20%");
        assertThat(Axe.violations(browser)).as("axe-core on the comparison").isEmpty();
        browser.screenshot("photos-compare-phone");
        assertThat(browser.unlabelledControls()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();

        browser.close();
        browser = BrowserSupport.start(port);
        browser.windowSize(BrowserSupport.PHONE);
        signIn(clinic.email(Role.CLIENT));
        browser.open("/app/clinics/" + clinic.slug() + "/portal");
        browser.waiting().until(visibilityOfElementLocated(By.id("my-progress"))).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.className("progress-sentence"))).getText())
                .startsWith("Pores counted").contains("since");
        assertThat(Axe.violations(browser)).as("axe-core on the client's progress").isEmpty();
        browser.screenshot("portal-progress-phone");
    }
}

package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.booking.ScheduleFixtures.Bookable;
import com.clearskin.support.Http;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestVisits;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client finds a clinic in the directory by typing its town, opens its public profile, books a
 * treatment from it, and after the visit is completed reviews it from the portal; the review shows
 * on the profile. axe-core finds no WCAG 2.1 A/AA violation on any of these pages, on a phone.
 */
@com.clearskin.support.IntegrationTest
class DirectoryBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    TestVisits visits;
    @Autowired
    JdbcClient jdbc;
    BrowserSupport browser;
    Bookable clinic;
    String town;

    @RegisterExtension
    final TestExecutionExceptionHandler failureScreenshots = BrowserSupport.screenshotOnFailure(() -> browser);

    @BeforeEach
    void start() {
        browser = BrowserSupport.start(port);
        clinic = fixtures.bookable();
        town = "Browserton " + UUID.randomUUID().toString().substring(0, 5);
        Http owner = new Http(port).signInForApi(clinic.clinic().email(Role.OWNER), TestClinics.PASSWORD);
        Http.Response listed = owner.putJson("/api/v1/clinics/" + clinic.slug() + "/directory-listing", Map.of(
                "listed", true, "address", "5 Garden Lane", "city", town, "latitude", -40.5, "longitude", 170.2), Map.of());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    void accessible(String page) {
        assertThat(Axe.violations(browser)).as("axe-core violations on " + page).isEmpty();
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                .as(page + " scrolls sideways on a phone")
                .isLessThanOrEqualTo(((Number) browser.script("return window.innerWidth;")).intValue());
        assertThat(browser.unlabelledControls()).as("controls without a label on " + page).isEmpty();
    }

    @Test
    void searchProfileBookAndReview() {
        var driver = browser.driver();
        browser.windowSize(BrowserSupport.PHONE);
        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys(clinic.clinic().email(Role.CLIENT));
        driver.findElement(By.id("password")).sendKeys(TestClinics.PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/app"));

        browser.open("/clinics");
        browser.waiting().until(visibilityOfElementLocated(By.id("directory-search")));
        accessible("the directory");
        driver.findElement(By.id("place")).sendKeys(town);
        new Select(driver.findElement(By.id("treatment"))).selectByValue("chemical-peel");
        browser.script("document.getElementById('search-button').scrollIntoView({block: 'center'});");
        driver.findElement(By.id("search-button")).click();
        WebElement card = browser.waiting().until(presenceOfElementLocated(
                By.cssSelector(".clinic-card[data-slug='" + clinic.slug() + "']")));
        assertThat(card.getText().toLowerCase(java.util.Locale.ROOT)).contains(town.toLowerCase(java.util.Locale.ROOT))
                .contains("licences not verified").contains("no reviews yet");
        accessible("the directory's results");
        browser.screenshot("directory-results-phone");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", card);
        card.findElement(By.tagName("a")).click();

        browser.waiting().until(visibilityOfElementLocated(By.id("book-button")));
        assertThat(driver.findElement(By.id("team-h")).isDisplayed()).isTrue();
        assertThat(driver.getPageSource()).contains("application/ld+json");
        accessible("the clinic's public profile");
        browser.screenshot("directory-profile-phone");
        WebElement book = driver.findElement(By.cssSelector("#treatments tr[data-code='chemical-peel'] a"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", book);
        book.click();

        WebElement chip = browser.waiting().until(presenceOfElementLocated(By.cssSelector(".time-chip")));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", chip);
        chip.click();
        WebElement confirm = browser.waiting().until(visibilityOfElementLocated(By.id("confirm-booking")));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", confirm);
        confirm.click();
        browser.waiting().until(visibilityOfElementLocated(By.id("saved")));

        // the visit happens: the front desk checks the client in, the session is signed, the visit completed
        String appointment = jdbc.sql("select id from appointment where clinic_id = :c and client_id = :client")
                .param("c", clinic.clinic().clinic().id()).param("client", clinic.own().id()).query(UUID.class).single()
                .toString();
        Http desk = new Http(port).signInForApi(clinic.clinic().email(Role.FRONT_DESK), TestClinics.PASSWORD);
        String api = "/api/v1/clinics/" + clinic.slug() + "/appointments/" + appointment;
        assertThat(desk.postJson(api + "/check-in", "").status()).isEqualTo(200);
        visits.signedSession(clinic.clinic().clinic(), appointment);
        assertThat(desk.postJson(api + "/complete", "").status()).isEqualTo(200);

        browser.open("/app/clinics/" + clinic.slug() + "/portal");
        WebElement review = browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".review-visit")));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", review);
        review.click();
        browser.waiting().until(visibilityOfElementLocated(By.id("review-form")));
        accessible("the review form");
        WebElement five = driver.findElement(By.cssSelector("label[for='rating-5']"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", five);
        five.click();
        driver.findElement(By.id("text")).sendKeys("Calm, careful and on time. <b>Recommended</b>.");
        browser.script("document.getElementById('send-review').scrollIntoView({block: 'center'});");
        driver.findElement(By.id("send-review")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("review-thanks"))).getText())
                .isEqualTo("Thank you for your review");
        accessible("the thank-you page");

        browser.open("/clinics/" + clinic.slug());
        WebElement shown = browser.waiting().until(visibilityOfElementLocated(By.cssSelector("#reviews .review")));
        assertThat(shown.getText()).contains("Calm, careful and on time. <b>Recommended</b>.")
                .contains("Verified visit: Superficial chemical peel");
        accessible("the profile with a review");
        browser.screenshot("directory-profile-review-phone");
    }

    @Test
    void theStaffPagesAreAccessible() {
        var driver = browser.driver();
        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys(clinic.clinic().email(Role.OWNER));
        driver.findElement(By.id("password")).sendKeys(TestClinics.PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/app"));
        browser.open("/app/clinics/" + clinic.slug() + "/profile");
        browser.waiting().until(visibilityOfElementLocated(By.id("directory-listing-link"))).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("listing-form")));
        accessible("the directory listing page");
        WebElement latitude = driver.findElement(By.id("latitude"));
        latitude.clear();
        latitude.sendKeys("95");
        browser.script("document.getElementById('save-listing').scrollIntoView({block: 'center'});");
        driver.findElement(By.id("save-listing")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("latitude-error"))).getText())
                .contains("between -90 and 90");
        accessible("the directory listing page with an error");
        browser.open("/app/clinics/" + clinic.slug() + "/reviews");
        browser.waiting().until(visibilityOfElementLocated(By.id("review-numbers")));
        accessible("the staff reviews page");
        browser.open("/app/clinics/" + clinic.slug() + "/referrals");
        browser.waiting().until(visibilityOfElementLocated(By.id("referral-totals")));
        accessible("the referrals page");
    }
}

package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.booking.ScheduleFixtures.Bookable;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.mail.TestMailbox;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new client's whole journey on a phone: the clinic's booking page, a time, the details form with
 * the short intake and the cancellation policy, "check your email", the link in the confirmation
 * email (delivered over SMTP to GreenMail), the booking confirmed with an account, the portal. axe-core finds no
 * WCAG 2.1 A/AA violation on any client-facing page of it, and nothing scrolls sideways.
 */
@com.clearskin.support.IntegrationTest
class PublicBookingBrowserIT {

    static final Pattern LINK = Pattern.compile("(/public-bookings/pb_[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    BrowserSupport browser;
    Bookable clinic;

    @RegisterExtension
    final TestExecutionExceptionHandler failureScreenshots = BrowserSupport.screenshotOnFailure(() -> browser);

    @BeforeEach
    void start() {
        browser = BrowserSupport.start(port);
        clinic = fixtures.bookable();
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
    void aNewClientBooksConfirmsByEmailAndReachesThePortalOnAPhone() {
        var driver = browser.driver();
        browser.windowSize(BrowserSupport.PHONE);
        browser.open("/clinics/" + clinic.slug() + "/book?treatment=chemical-peel&from=" + clinic.tuesday());
        browser.waiting().until(presenceOfElementLocated(By.cssSelector(".time-chip")));
        accessible("the booking page");
        browser.screenshot("public-booking-times-phone");
        WebElement chip = driver.findElements(By.cssSelector(".time-chip")).get(0);
        String time = chip.getText();
        browser.script("arguments[0].scrollIntoView({block: 'center'});", chip);
        chip.click();

        browser.waiting().until(visibilityOfElementLocated(By.id("details-form")));
        accessible("the details form");
        // An empty form: each error is a sentence next to its field
        browser.script("document.getElementById('hold-booking').scrollIntoView({block: 'center'});");
        driver.findElement(By.id("hold-booking")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("firstName-error"))).getText())
                .isEqualTo("Please enter your first name.");
        accessible("the details form with errors");

        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        type("firstName", "Bea");
        type("lastName", "Browser");
        type("email", email);
        type("phone", "+1 555 010 0142");
        browser.script("document.getElementById('dateOfBirth').value = '1991-05-17';");
        List<WebElement> pregnant = driver.findElements(By.cssSelector("label[for='pregnantOrBreastfeeding-no']"));
        if (!pregnant.isEmpty()) {
            browser.script("arguments[0].scrollIntoView({block: 'center'});", pregnant.get(0));
            pregnant.get(0).click();
        }
        type("password", "a long browser password");
        WebElement accept = driver.findElement(By.cssSelector("label[for='acceptPolicy']"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", accept);
        accept.click();
        browser.screenshot("public-booking-details-phone");
        browser.script("document.getElementById('hold-booking').scrollIntoView({block: 'center'});");
        driver.findElement(By.id("hold-booking")).click();

        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("check-email"))).getText())
                .isEqualTo("Check your email");
        accessible("check your email");

        // the confirmation email, delivered over SMTP by the outbox to a real mail server (GreenMail)
        String link;
        try (TestMailbox mailbox = new TestMailbox(jdbc)) {
            mailbox.deliver();
            List<MimeMessage> mails = mailbox.to(email);
            assertThat(mails).as("one confirmation email").hasSize(1);
            link = TestMailbox.path(TestMailbox.link(mails.get(0), "/public-bookings/"));
        }
        assertThat(LINK.matcher(link).find()).as(link).isTrue();
        browser.open(link);
        browser.waiting().until(visibilityOfElementLocated(By.id("confirm-booking")));
        accessible("the confirmation link");
        driver.findElement(By.id("confirm-booking")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("booked"))).getText())
                .isEqualTo("Your booking is confirmed");
        accessible("the confirmed booking");
        browser.screenshot("public-booking-confirmed-phone");

        driver.findElement(By.id("to-portal")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("a long browser password");
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/portal"));
        WebElement main = browser.waiting().until(visibilityOfElementLocated(By.id("main")));
        assertThat(main.getText()).contains("Superficial chemical peel");
        accessible("the portal");
        browser.screenshot("public-booking-portal-phone");
        // the form with errors answered 400, as it should: the browser notes that; nothing else went wrong
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/book/details") && e.contains("status of 400"));
    }

    @Test
    void theSignUpPageIsAccessibleOnAPhone() {
        browser.windowSize(BrowserSupport.PHONE);
        browser.open("/clinics/" + clinic.slug() + "/sign-up");
        browser.waiting().until(visibilityOfElementLocated(By.id("sign-up-form")));
        accessible("the sign-up page");
        browser.driver().findElement(By.id("sign-up")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("email-error")));
        accessible("the sign-up page with errors");
    }

    private void type(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
    }
}

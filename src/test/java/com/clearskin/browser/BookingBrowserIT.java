package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.accounts.Role;
import com.clearskin.scheduling.BookableClinics;
import com.clearskin.scheduling.BookableClinics.Bookable;
import com.clearskin.support.TestClinics;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public booking page in a real browser: a visitor picks a treatment and a week, sees the free
 * times by day, picks one, signs in as the clinic's client and books it; the front desk then finds
 * it on the calendar, on a desktop and on a phone.
 */
@com.clearskin.support.IntegrationTest
class BookingBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    BookableClinics bookable;
    BrowserSupport browser;
    Bookable clinic;

    @RegisterExtension
    final TestExecutionExceptionHandler failureScreenshots = BrowserSupport.screenshotOnFailure(() -> browser);

    @BeforeEach
    void start() {
        browser = BrowserSupport.start(port);
        clinic = bookable.open();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void aVisitorBooksAsAClientAndTheFrontDeskSeesItOnTheCalendar() {
        var driver = browser.driver();
        LocalDate tuesday = clinic.tuesday();
        String tenOClock = ZonedDateTime.of(tuesday, LocalTime.of(10, 0), clinic.clinic().clinic().timeZone())
                .toInstant().toString();

        browser.open("/clinics/" + clinic.slug() + "/book");
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.tagName("h1"))).getText())
                .startsWith("Book a treatment at");
        assertThat(driver.findElement(By.cssSelector(".zone-note")).getText()).contains("Europe/London");
        assertThat(browser.unlabelledControls()).as("controls without a label").isEmpty();
        browser.screenshot("booking-start");

        // Choosing a treatment refreshes the times in place (HTMX), and the address follows.
        WebElement before = driver.findElement(By.id("times"));
        driver.findElement(By.cssSelector("label[for='treatment-chemical-peel']")).click();
        browser.waiting().until(stalenessOf(before));
        browser.waiting().until(urlContains("treatment=chemical-peel"));
        WebElement from = browser.waiting().until(visibilityOfElementLocated(By.id("from")));
        assertThat(driver.findElements(By.cssSelector(".no-js-only button"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());

        // A later week, by its date.
        WebElement times = driver.findElement(By.id("times"));
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                from, tuesday.toString());
        browser.waiting().until(stalenessOf(times));
        WebElement day = browser.waiting().until(presenceOfElementLocated(By.cssSelector(".book-day[data-date='" + tuesday + "']")));
        assertThat(day.findElement(By.tagName("h3")).getText()).startsWith("Tuesday");
        assertThat(browser.unlabelledControls()).as("controls without a label with the times").isEmpty();
        browser.script("document.getElementById('step-time-h').scrollIntoView();");
        browser.screenshot("booking-times");

        WebElement ten = day.findElement(By.cssSelector("a[data-start='" + tenOClock + "']"));
        assertThat(ten.getText()).isEqualTo("10:00");
        ten.click();

        // Choosing a time asks a visitor to sign in, then comes back to the confirmation.
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys(clinic.clinic().email(Role.CLIENT));
        driver.findElement(By.id("password")).sendKeys(TestClinics.PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        WebElement confirm = browser.waiting().until(visibilityOfElementLocated(By.id("confirm-booking")));
        assertThat(driver.findElement(By.cssSelector(".booking-summary")).getText())
                .contains("Superficial chemical peel", "10:00–", "Europe/London");
        browser.screenshot("booking-confirm");
        confirm.click();

        WebElement saved = browser.waiting().until(visibilityOfElementLocated(By.id("saved")));
        assertThat(saved.getText()).startsWith("Booked: ").contains("at 10:00");
        assertThat(driver.findElement(By.id("upcoming")).getText()).contains("10:00–");
        browser.screenshot("my-appointments");
        browser.windowSize(BrowserSupport.PHONE);
        assertNoSideScroll();
        browser.screenshot("my-appointments-phone");

        // The front desk finds it on the calendar.
        browser.windowSize(BrowserSupport.DESKTOP);
        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        browser.waiting().until(urlContains("signedOut"));
        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys(clinic.clinic().email(Role.FRONT_DESK));
        driver.findElement(By.id("password")).sendKeys(TestClinics.PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/app"));
        driver.findElement(By.linkText("Calendar")).click();
        browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".cal-toolbar")));
        browser.open("/app/clinics/" + clinic.slug() + "/calendar?view=day&by=practitioner&date=" + tuesday);
        WebElement block = browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".cal-grid .cal-appt")));
        assertThat(block.getText()).contains("10:00–", "Chloe Client", "Booked");
        assertThat(driver.findElement(By.cssSelector(".cal-col-head")).getText()).isEqualTo("Ella Esthetician");
        // Keyboard: the block is a link in the tab order, with a visible focus ring.
        browser.script("arguments[0].focus();", block);
        assertThat(browser.script("return document.activeElement === arguments[0];", block)).isEqualTo(true);
        assertThat(browser.script("return getComputedStyle(arguments[0]).outlineStyle;", block)).isEqualTo("solid");
        browser.screenshot("calendar-day");

        driver.findElement(By.linkText("Week")).click();
        browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".cal-week")));
        assertThat(driver.findElement(By.cssSelector(".cal-weekday[data-date='" + tuesday + "']")).getText())
                .contains("Chloe Client", "Ella Esthetician · Garden room");
        browser.screenshot("calendar-week");

        browser.open("/app/clinics/" + clinic.slug() + "/calendar?view=day&by=room&date=" + tuesday);
        browser.windowSize(BrowserSupport.PHONE);
        browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".cal-appt")));
        assertNoSideScroll();
        assertThat(browser.script("return getComputedStyle(document.querySelector('.cal-grid')).display;"))
                .as("the day stacks into a list on a phone").isEqualTo("block");
        browser.screenshot("calendar-day-phone");

        driver.findElement(By.cssSelector(".cal-appt")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("check-in")));
        assertNoSideScroll();
        browser.screenshot("appointment-phone");
        browser.windowSize(BrowserSupport.DESKTOP);
        driver.findElement(By.cssSelector("#reschedule summary")).click();
        WebElement found = driver.findElement(By.cssSelector(".reschedule-find button"));
        WebElement slotArea = driver.findElement(By.id("reschedule-times"));
        found.click();
        browser.waiting().until(stalenessOf(slotArea));
        browser.waiting().until(visibilityOfElementLocated(By.id("reschedule-submit")));
        assertThat(browser.unlabelledControls()).as("controls without a label on the appointment").isEmpty();
        browser.screenshot("appointment");

        browser.open("/app/clinics/" + clinic.slug() + "/appointments/new?treatment=chemical-peel&date=" + tuesday);
        browser.waiting().until(visibilityOfElementLocated(By.id("client")));
        assertThat(browser.unlabelledControls()).as("controls without a label on the new appointment form").isEmpty();
        browser.screenshot("appointment-new");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theBookingPageFitsAPhone() {
        browser.windowSize(BrowserSupport.PHONE);
        browser.open("/clinics/" + clinic.slug() + "/book?treatment=chemical-peel&from=" + clinic.tuesday());
        browser.waiting().until(presenceOfElementLocated(By.cssSelector(".time-chip")));
        assertNoSideScroll();
        browser.screenshot("booking-phone");
        browser.script("document.getElementById('step-time-h').scrollIntoView();");
        browser.screenshot("booking-phone-times");
        List<WebElement> chips = browser.driver().findElements(By.cssSelector(".time-chip"));
        assertThat(chips.get(0).getSize().getHeight()).as("a finger-sized target").isGreaterThanOrEqualTo(44);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void assertNoSideScroll() {
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(((Number) browser.script("return window.innerWidth;")).intValue());
    }
}

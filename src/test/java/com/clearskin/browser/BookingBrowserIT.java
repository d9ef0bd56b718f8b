package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.booking.ScheduleFixtures.Bookable;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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

/**
 * The public booking page in a real browser: a visitor picks a treatment, a week and a practitioner,
 * sees the free times by day, picks one, signs in as the demo clinic's client and books it; the
 * front desk then finds it on the calendar, on a desktop and on a phone.
 */
@com.clearskin.support.IntegrationTest
class BookingBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
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

    @Test
    void aVisitorBooksAsTheDemoClientAndTheFrontDeskSeesItOnTheCalendar() {
        var driver = browser.driver();
        // A Tuesday some weeks ahead, and a random free time on it, so that runs on one database do not meet.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate tuesday = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusWeeks(2 + random.nextInt(10))
                .with(TemporalAdjusters.next(DayOfWeek.TUESDAY));

        browser.open("/clinics/demo/book");
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.tagName("h1"))).getText())
                .isEqualTo("Book a treatment at Clearskin Demo Clinic");
        assertThat(driver.findElement(By.cssSelector(".zone-note")).getText())
                .isEqualTo("All times are Pacific Time (America/Los_Angeles)");
        assertThat(browser.unlabelledControls()).as("controls without a label").isEmpty();
        browser.screenshot("booking-start");

        // Choosing a treatment refreshes the times in place (HTMX), and the address follows.
        WebElement before = driver.findElement(By.id("times"));
        driver.findElement(By.cssSelector("label[for='treatment-chemical-peel']")).click();
        browser.waiting().until(stalenessOf(before));
        browser.waiting().until(urlContains("treatment=chemical-peel"));
        WebElement from = browser.waiting().until(visibilityOfElementLocated(By.id("from")));
        assertThat(driver.findElements(By.cssSelector(".no-js-only button"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());

        // A later week, by its date; then a practitioner.
        WebElement times = driver.findElement(By.id("times"));
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                from, tuesday.toString());
        browser.waiting().until(stalenessOf(times));
        browser.waiting().until(presenceOfElementLocated(By.cssSelector(".book-day[data-date='" + tuesday + "']")));
        times = driver.findElement(By.id("times"));
        new Select(driver.findElement(By.id("practitioner"))).selectByVisibleText("Esme Esthetician");
        browser.waiting().until(stalenessOf(times));
        WebElement day = browser.waiting().until(presenceOfElementLocated(By.cssSelector(".book-day[data-date='" + tuesday + "']")));
        assertThat(day.findElement(By.tagName("h3")).getText()).startsWith("Tuesday");
        assertThat(browser.unlabelledControls()).as("controls without a label with the times").isEmpty();
        browser.script("document.getElementById('step-time-h').scrollIntoView();");
        browser.screenshot("booking-times");

        List<WebElement> chips = day.findElements(By.cssSelector(".time-chip"));
        WebElement chosen = chips.get(random.nextInt(chips.size()));
        String time = chosen.getText();
        assertThat(time).matches("\\d\\d:\\d\\d");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", chosen);
        chosen.click();

        // Choosing a time asks a new client for their details, or to sign in; signing in comes back to the confirmation.
        browser.waiting().until(visibilityOfElementLocated(By.id("sign-in-instead"))).click();
        browser.waiting().until(urlContains("/login"));
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys("client1@demo.test");
        driver.findElement(By.id("password")).sendKeys(IntegrationTest.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        WebElement confirm = browser.waiting().until(visibilityOfElementLocated(By.id("confirm-booking")));
        assertThat(driver.findElement(By.cssSelector(".booking-summary")).getText())
                .contains("Superficial chemical peel", time + "–", "America/Los_Angeles", "Esme Esthetician");
        browser.screenshot("booking-confirm");
        confirm.click();

        WebElement saved = browser.waiting().until(visibilityOfElementLocated(By.id("saved")));
        assertThat(saved.getText()).startsWith("Booked: Superficial chemical peel").contains("at " + time);
        assertThat(driver.findElement(By.id("upcoming")).getText()).contains(time + "–");
        browser.screenshot("my-appointments");
        browser.windowSize(BrowserSupport.PHONE);
        assertNoSideScroll();
        browser.screenshot("my-appointments-phone");

        // The front desk finds it on the calendar.
        browser.windowSize(BrowserSupport.DESKTOP);
        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        browser.waiting().until(urlContains("signedOut"));
        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys("frontdesk@demo.test");
        driver.findElement(By.id("password")).sendKeys(IntegrationTest.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/app"));
        driver.findElement(By.linkText("Calendar")).click();
        browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".cal-toolbar")));
        browser.open("/app/clinics/demo/calendar?view=day&by=practitioner&date=" + tuesday);
        By booked = By.xpath("//a[contains(@class,'cal-appt')][.//span[starts-with(normalize-space(.), '" + time
                + "–')]][.//strong[normalize-space(.)='Chloe Client']]");
        WebElement block = browser.waiting().until(visibilityOfElementLocated(booked));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", block);
        assertThat(block.getDomProperty("textContent")).contains("Superficial chemical peel", "Booked");
        assertThat(block.findElement(By.xpath("ancestor::section[contains(@class,'cal-col')]/h2")).getText())
                .isEqualTo("Esme Esthetician");
        // Keyboard: the block is a link in the tab order, with a visible focus ring.
        browser.script("arguments[0].focus(); arguments[0].scrollIntoView({block: 'center'});", block);
        assertThat(browser.script("return document.activeElement === arguments[0];", block)).isEqualTo(true);
        assertThat(browser.script("return getComputedStyle(arguments[0]).outlineStyle;", block)).isEqualTo("solid");
        browser.screenshot("calendar-day");

        browser.script("window.scrollTo(0, 0);");
        driver.findElement(By.linkText("Week")).click();
        browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".cal-week")));
        assertThat(driver.findElement(By.cssSelector(".cal-weekday[data-date='" + tuesday + "']")).getText())
                .contains("Chloe Client", "Esme Esthetician · ");
        browser.screenshot("calendar-week");

        browser.open("/app/clinics/demo/calendar?view=day&by=room&date=" + tuesday);
        browser.windowSize(BrowserSupport.PHONE);
        block = browser.waiting().until(visibilityOfElementLocated(booked));
        assertNoSideScroll();
        assertThat(browser.script("return getComputedStyle(document.querySelector('.cal-grid')).display;"))
                .as("the day stacks into a list on a phone").isEqualTo("block");
        browser.screenshot("calendar-day-phone");

        block.click();
        browser.waiting().until(visibilityOfElementLocated(By.id("check-in")));
        assertNoSideScroll();
        browser.screenshot("appointment-phone");
        browser.windowSize(BrowserSupport.DESKTOP);
        driver.findElement(By.cssSelector("#reschedule summary")).click();
        WebElement slotArea = driver.findElement(By.id("reschedule-times"));
        driver.findElement(By.cssSelector(".reschedule-find button")).click();
        browser.waiting().until(stalenessOf(slotArea));
        browser.waiting().until(visibilityOfElementLocated(By.id("reschedule-submit")));
        assertThat(browser.unlabelledControls()).as("controls without a label on the appointment").isEmpty();
        browser.screenshot("appointment");

        // The client cancels it again, so the demo clinic keeps its times free.
        driver.findElement(By.cssSelector("#actions details:not(#reschedule) summary")).click();
        driver.findElement(By.id("reason")).sendKeys("Demo booking from the browser test");
        driver.findElement(By.id("cancel")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.id("status"))).getText()).isEqualTo("Cancelled");

        browser.open("/app/clinics/demo/appointments/new?treatment=chemical-peel&date=" + tuesday);
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
        // the month view: the next four weeks' days, those with a free time linking to their week
        List<WebElement> month = browser.driver().findElements(By.cssSelector(".month-days-list li"));
        assertThat(month).hasSize(28);
        assertThat(month.get(0).getAttribute("data-date")).isEqualTo(clinic.tuesday().toString());
        assertThat(browser.driver().findElements(By.cssSelector(".month-day.is-free"))).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getSize().getHeight()).isGreaterThanOrEqualTo(44));
        assertThat(Axe.violations(browser)).as("axe-core violations on the booking page").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void assertNoSideScroll() {
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(((Number) browser.script("return window.innerWidth;")).intValue());
    }
}

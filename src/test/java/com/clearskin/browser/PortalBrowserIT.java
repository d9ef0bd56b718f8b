package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client portal in a real browser: the demo client signs in, books a treatment from the
 * portal, cancels it there, updates their intake and downloads their data.
 */
@IntegrationTest
class PortalBrowserIT {

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
    void theClientBooksCancelsUpdatesTheirIntakeAndDownloadsTheirData() throws Exception {
        var driver = browser.driver();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate thursday = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusWeeks(2 + random.nextInt(10))
                .with(TemporalAdjusters.next(DayOfWeek.THURSDAY));

        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys("client1@demo.test");
        driver.findElement(By.id("password")).sendKeys(IntegrationTest.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/app"));
        driver.findElement(By.linkText("My visits")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.tagName("h1"))).getText())
                .isEqualTo("Welcome, Chloe");
        assertThat(browser.unlabelledControls()).as("controls without a label on the portal").isEmpty();

        // Book from the portal, on the clinic's booking page (a treatment no other test books, so no cadence rule meets another run's booking).
        driver.findElement(By.id("book-treatment")).click();
        browser.waiting().until(visibilityOfElementLocated(By.cssSelector("label[for='treatment-led-therapy']")));
        WebElement before = driver.findElement(By.id("times"));
        driver.findElement(By.cssSelector("label[for='treatment-led-therapy']")).click();
        browser.waiting().until(stalenessOf(before));
        WebElement from = browser.waiting().until(visibilityOfElementLocated(By.id("from")));
        WebElement times = driver.findElement(By.id("times"));
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                from, thursday.toString());
        browser.waiting().until(stalenessOf(times));
        WebElement day = browser.waiting().until(presenceOfElementLocated(
                By.cssSelector(".book-day[data-date='" + thursday + "']")));
        List<WebElement> chips = day.findElements(By.cssSelector(".time-chip"));
        WebElement chosen = chips.get(random.nextInt(chips.size()));
        String time = chosen.getText();
        browser.script("arguments[0].scrollIntoView({block: 'center'});", chosen);
        chosen.click();
        browser.waiting().until(visibilityOfElementLocated(By.id("confirm-booking"))).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("saved")));

        // The portal lists it with its care instructions, and cancels it.
        browser.open("/app/clinics/demo/portal");
        WebElement upcoming = browser.waiting().until(visibilityOfElementLocated(By.id("upcoming")));
        assertThat(upcoming.getText()).contains("LED light therapy", time + "–");
        assertThat(driver.findElement(By.id("care")).getText()).contains("LED light therapy");
        browser.screenshot("portal");
        browser.windowSize(BrowserSupport.PHONE);
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
        browser.screenshot("portal-phone");
        browser.windowSize(BrowserSupport.DESKTOP);
        WebElement visit = driver.findElement(By.xpath("//li[contains(@class,'visit')][contains(., '" + time + "–')]"));
        visit.findElement(By.cssSelector("input[name='reason']")).sendKeys("Browser test");
        visit.findElement(By.cssSelector("button[type='submit']")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".alert-success"))).getText())
                .isEqualTo("Your appointment is cancelled.");
        assertThat(driver.findElement(By.id("past")).getText()).contains("Cancelled");

        // Update the intake: the form starts from the last answers.
        driver.findElement(By.id("update-intake")).click();
        Select skinType = new Select(browser.waiting().until(visibilityOfElementLocated(By.id("skinType"))));
        assertThat(skinType.getFirstSelectedOption().getText()).isEqualTo("Combination");
        assertThat(browser.unlabelledControls()).as("controls without a label on the intake").isEmpty();
        skinType.selectByValue("oily");
        driver.findElement(By.cssSelector("form.intake-form button[type='submit']")).click();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".alert-success"))).getText())
                .startsWith("Thank you");

        // Download everything, as the browser's session.
        String href = driver.findElement(By.id("download-json")).getDomAttribute("href");
        String cookie = driver.manage().getCookieNamed("clearskin_session").getValue();
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(browser.url(href))).header("Cookie", "clearskin_session=" + cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        JsonNode data = JsonMapper.builder().build().readTree(download.body());
        assertThat(data.get("person").get("firstName").asString()).isEqualTo("Chloe");
        assertThat(data.get("assessments").get(0).get("answers").get("skinType").asString()).isEqualTo("oily");
        assertThat(data.get("appointments").toString()).contains("cancelled");
        assertThat(driver.findElement(By.id("download-pdf")).getDomAttribute("href")).endsWith("/portal/data.pdf");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}

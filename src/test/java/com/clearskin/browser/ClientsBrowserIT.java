package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.Map;
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

/** The client pages in a real browser: the list and its search, adding a client, the intake form, the client's page. */
@com.clearskin.support.IntegrationTest
class ClientsBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    BrowserSupport browser;
    @Autowired
    com.clearskin.support.TestCare care;
    TestClinic clinic;

    @RegisterExtension
    final TestExecutionExceptionHandler failureScreenshots = BrowserSupport.screenshotOnFailure(() -> browser);

    @BeforeEach
    void start() {
        browser = BrowserSupport.start(port);
        clinic = testClinics.open();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void aPractitionerAddsAClientAndRecordsTheirAssessment() {
        var driver = browser.driver();
        signIn(Role.PRACTITIONER);
        driver.findElement(By.cssSelector("a[href$='/app/clinics/" + clinic.slug() + "/clients']")).click();
        browser.waiting().until(urlMatches("/clients$"));
        assertThat(driver.findElement(By.cssSelector(".empty")).getText()).startsWith("No clients yet.");
        assertThat(browser.unlabelledControls()).as("controls without a label on the list").isEmpty();

        driver.findElement(By.linkText("Add a client")).click();
        WebElement first = browser.waiting().until(visibilityOfElementLocated(By.id("firstName")));
        assertThat(browser.unlabelledControls()).as("controls without a label on the new client form").isEmpty();
        first.sendKeys("Jordan");
        driver.findElement(By.id("lastName")).sendKeys("Kim");
        driver.findElement(By.id("phone")).sendKeys("+1 (555) 010-0187");
        browser.script("arguments[0].value = '1999-08-30';", driver.findElement(By.id("dateOfBirth")));
        browser.screenshot("client-new");
        submit();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".alert-success"))).getText())
                .isEqualTo("Jordan Kim is added.");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Jordan Kim");
        // Not yet the practitioner's client: no medical answers until the clinic assigns them (issue 10).
        assertThat(driver.findElement(By.id("health-hidden")).getText()).contains("assigned by the clinic");
        assertThat(driver.findElements(By.id("recommendation"))).isEmpty();
        String clientPath = driver.getCurrentUrl().replaceFirst("[?#].*$", "");
        care.assignPractitioner(clinic, UUID.fromString(clientPath.substring(clientPath.lastIndexOf('/') + 1)));
        driver.navigate().refresh();

        driver.findElement(By.id("record-assessment")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("skinType")));
        assertThat(browser.unlabelledControls()).as("controls without a label on the intake form").isEmpty();
        assertThat(driver.findElement(By.id("epilepsy-unknown")).isSelected()).as("unknown until asked").isTrue();
        assertThat(driver.findElement(By.cssSelector("label[for='fitzpatrick-4']")).getText())
                .isEqualTo("IV Light brown; rarely burns, tans easily");
        new Select(driver.findElement(By.id("skinType"))).selectByValue("acne-prone");
        driver.findElement(By.cssSelector("label[for='fitzpatrick-4']")).click();
        driver.findElement(By.cssSelector("label[for='concerns-acne-scars']")).click();
        driver.findElement(By.cssSelector("label[for='concerns-texture']")).click();
        for (WebElement no : driver.findElements(By.cssSelector("input[type=radio][value=no]"))) {
            browser.script("arguments[0].click();", no);
        }
        driver.findElement(By.cssSelector("label[for='isotretinoinLastTaken-date']")).click();
        String tomorrow = LocalDate.now(clinic.clinic().timeZone()).plusDays(1).toString();
        browser.script("arguments[0].value = arguments[1];", driver.findElement(By.id("isotretinoinLastTakenDate")), tomorrow);
        driver.findElement(By.cssSelector("label[for='topicalRetinoidLastUsed-never']")).click();
        browser.screenshot("client-intake");
        submit();

        // The future date comes back next to its question, with every answer as it was given.
        WebElement error = browser.waiting().until(visibilityOfElementLocated(By.id("isotretinoinLastTaken-error")));
        assertThat(browser.status()).isEqualTo(400);
        assertThat(error.getText()).startsWith("is in the future");
        assertThat(driver.findElement(By.id("isotretinoinLastTaken-group")).getDomAttribute("aria-describedby"))
                .isEqualTo("isotretinoinLastTaken-error");
        assertThat(driver.findElement(By.id("form-errors")).getText()).contains("isotretinoinLastTaken: is in the future");
        assertThat(driver.findElement(By.id("fitzpatrick-4")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("epilepsy-no")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("isotretinoinLastTakenDate")).getDomProperty("value")).isEqualTo(tomorrow);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", error);
        browser.screenshot("client-intake-error");

        String threeMonthsAgo = LocalDate.now(clinic.clinic().timeZone()).minusMonths(3).toString();
        browser.script("arguments[0].value = arguments[1];", driver.findElement(By.id("isotretinoinLastTakenDate")),
                threeMonthsAgo);
        submit();
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".alert-success"))).getText())
                .isEqualTo("The assessment of Jordan Kim is recorded.");
        List<WebElement> entries = driver.findElements(By.cssSelector("#history .history-entry"));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getText()).contains("recorded by Practitioner", "Acne-prone skin", "Fitzpatrick IV");
        WebElement excluded = driver.findElement(By.cssSelector("#recommendation li[data-code='microneedling']"));
        assertThat(excluded.getDomAttribute("data-verdict")).isEqualTo("excluded");
        assertThat(excluded.getText()).contains("Excluded", "May be reconsidered from");
        WebElement best = driver.findElement(By.cssSelector("#recommendation li.verdict"));
        assertThat(best.getDomAttribute("data-verdict")).isIn("recommended", "possible");
        assertThat(best.findElement(By.cssSelector(".course-cost")).getText()).startsWith("$");
        browser.screenshot("client-page");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", excluded);
        browser.screenshot("client-page-excluded");

        browser.windowSize(BrowserSupport.PHONE);
        for (String page : List.of(driver.getCurrentUrl(), driver.getCurrentUrl() + "/assessments/new")) {
            driver.get(page);
            browser.waiting().until(visibilityOfElementLocated(By.tagName("h1")));
            assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                    .as("width of " + page + " at 390 px")
                    .isLessThanOrEqualTo(((Number) browser.script("return window.innerWidth;")).intValue());
        }
        browser.screenshot("client-intake-phone");
        assertThat(browser.consoleErrors()).as("only the refused form's 400").allSatisfy(e ->
                assertThat(e).contains("/assessments").contains("status of 400"));
    }

    @Test
    void theListSearchesAsYouType() {
        Http owner = api(Role.OWNER);
        for (String[] name : List.of(new String[] {"Maya", "Lopez"}, new String[] {"Jordan", "Kim"},
                new String[] {"Amara", "Okafor"})) {
            assertThat(owner.postJson("/api/v1/clinics/" + clinic.slug() + "/clients",
                    Map.of("firstName", name[0], "lastName", name[1])).status()).isEqualTo(201);
        }
        var driver = browser.driver();
        signIn(Role.FRONT_DESK);
        browser.open("/app/clinics/" + clinic.slug() + "/clients");
        browser.waiting().until(visibilityOfElementLocated(By.id("q")));
        assertThat(driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(3);
        browser.script("window.clearskinNoReload = true;");
        WebElement before = driver.findElement(By.id("results"));

        driver.findElement(By.id("q")).sendKeys("oka");

        browser.waiting().until(stalenessOf(before));
        browser.waiting().until(d -> d.findElements(By.cssSelector("#results tbody tr")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#results tbody tr a")).getText()).isEqualTo("Okafor, Amara");
        assertThat(browser.script("return window.clearskinNoReload === true;")).isEqualTo(true);
        browser.waiting().until(urlContains("q=oka"));
        browser.screenshot("clients-search");

        browser.windowSize(BrowserSupport.PHONE);
        driver.navigate().refresh();
        browser.waiting().until(presenceOfElementLocated(By.cssSelector("#results tbody tr")));
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(((Number) browser.script("return window.innerWidth;")).intValue());
        browser.screenshot("clients-phone");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void submit() {
        var driver = browser.driver();
        WebElement form = driver.findElement(By.cssSelector("form.edit-form"));
        form.findElement(By.cssSelector("button[type='submit']")).click();
        browser.waiting().until(stalenessOf(form));
    }

    private void signIn(Role role) {
        var driver = browser.driver();
        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys(clinic.email(role));
        driver.findElement(By.id("password")).sendKeys(TestClinics.PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlMatches("/app$"));
    }

    private Http api(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }
}

package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The catalog pages in a real browser: HTMX filtering, a treatment page, a clinic editing its copy. */
@IntegrationTest
class CatalogBrowserIT {

    static final String CLINIC_EDIT = "/app/clinics/demo/treatments/extraction-facial/edit";

    @LocalServerPort
    int port;
    BrowserSupport browser;

    @RegisterExtension
    final TestExecutionExceptionHandler failureScreenshots = BrowserSupport.screenshotOnFailure(() -> browser);

    /** Skips each test (counted as skipped) where no browser is installed, or fails it where one is required. */
    @BeforeEach
    void startBrowser() {
        browser = BrowserSupport.start(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
            resetClinicCopy();
        }
    }

    @Test
    void filtersTheCatalogInPlaceAndShowsATreatmentInFull() {
        var driver = browser.driver();
        browser.open("/treatments");
        browser.waiting().until(numberOfElementsToBe(By.cssSelector("#results li.card"), 13));
        assertThat(driver.getTitle()).isEqualTo("Treatments · Clearskin");
        assertThat(driver.findElement(By.cssSelector(".result-count")).getText()).startsWith("13 treatments");
        browser.screenshot("catalog");
        assertThat(browser.consoleErrors()).as("browser errors on /treatments").isEmpty();

        // HTMX swaps #results in place: the marker set on this window survives, and no page loads.
        browser.script("window.clearskinNoReload = true;");
        WebElement before = driver.findElement(By.id("results"));
        new Select(driver.findElement(By.id("concern"))).selectByValue("back-acne");
        browser.waiting().until(stalenessOf(before));
        browser.waiting().until(presenceOfElementLocated(By.cssSelector("#results li.card[data-code='back-facial']")));
        List<WebElement> cards = driver.findElements(By.cssSelector("#results li.card"));
        assertThat(cards).hasSizeBetween(1, 12);
        assertThat(cards).extracting(c -> c.getDomAttribute("data-code")).contains("back-facial")
                .doesNotContain("microneedling");
        assertThat(driver.findElement(By.cssSelector(".result-count")).getText())
                .isEqualTo(cards.size() + (cards.size() == 1 ? " treatment" : " treatments") + " of 13");
        assertThat(browser.script("return window.clearskinNoReload === true;")).isEqualTo(true);
        browser.waiting().until(urlContains("concern=back-acne"));
        assertThat(new Select(driver.findElement(By.id("concern"))).getFirstSelectedOption().getDomProperty("value"))
                .isEqualTo("back-acne");
        browser.screenshot("catalog-filtered");

        driver.findElement(By.cssSelector("li.card[data-code='back-facial'] a.card-link")).click();
        browser.waiting().until(urlMatches("/treatments/back-facial$"));
        browser.waiting().until(visibilityOfElementLocated(By.cssSelector("ol.protocol")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Back facial");

        JsonNode api = new Http(port).get("/api/v1/treatments/back-facial").json();
        List<WebElement> steps = driver.findElements(By.cssSelector("ol.protocol li.step"));
        assertThat(steps).hasSize(api.get("protocol").size()).isNotEmpty();
        assertThat(steps.get(0).findElement(By.cssSelector(".step-name")).getText())
                .isEqualTo(api.get("protocol").get(0).get("name").asString());
        String price = driver.findElement(By.cssSelector("[data-fact='price']")).getText();
        assertThat(price).isEqualTo(dollars(api.get("price").get("min")) + "–" + dollars(api.get("price").get("max")));
        List<WebElement> contraindications = driver.findElements(By.cssSelector("ul.contra li"));
        assertThat(contraindications).hasSize(api.get("contraindications").size()).isNotEmpty();
        assertThat(contraindications.get(0).getText()).contains(api.get("contraindications").get(0).get("text").asString());
        assertThat(driver.findElement(By.id("after-h")).getText()).isEqualTo("Aftercare");
        List<WebElement> aftercare = driver.findElements(By.xpath("//section[@aria-labelledby='after-h']//ul[@class='care']/li"));
        assertThat(aftercare).hasSize(api.get("aftercare").size()).isNotEmpty();
        browser.screenshot("treatment");

        // On a phone the page fits the width: nothing scrolls sideways.
        browser.windowSize(BrowserSupport.PHONE);
        browser.script("window.scrollTo(0, 0);");
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                .as("page width at 390 px").isLessThanOrEqualTo(((Number) browser.script("return window.innerWidth;")).intValue());
        assertThat(driver.findElement(By.tagName("h1")).isDisplayed()).isTrue();
        browser.screenshot("treatment-phone");
        assertThat(browser.consoleErrors()).as("browser errors while filtering and on the treatment page").isEmpty();
    }

    @Test
    void anOwnerChangesTheClinicPriceAndTheDefaultStaysAsItIs() {
        var driver = browser.driver();
        signIn();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, Olivia Owner");

        browser.open("/app/clinics/demo/treatments");
        WebElement edit = browser.waiting().until(visibilityOfElementLocated(
                By.cssSelector("tr[data-code='extraction-facial'] a[href$='/extraction-facial/edit']")));
        assertThat(edit.getDomAttribute("aria-label")).isEqualTo("Edit Facial with extractions");
        edit.click();
        browser.waiting().until(urlMatches(CLINIC_EDIT + "$"));
        WebElement priceMin = browser.waiting().until(visibilityOfElementLocated(By.id("priceMin")));
        assertThat(priceMin.getDomProperty("value")).isEqualTo("85");
        assertThat(driver.findElement(By.cssSelector("label[for='priceMin']")).getText()).isEqualTo("From");

        priceMin.clear();
        priceMin.sendKeys("95");
        WebElement form = driver.findElement(By.cssSelector("form.edit-form"));
        driver.findElement(By.cssSelector("form.edit-form button[type='submit']")).click();
        browser.waiting().until(stalenessOf(form));
        WebElement saved = browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(saved.getText()).isEqualTo("Saved. Your clinic's Facial with extractions is updated.");
        assertThat(saved.getDomAttribute("role")).isEqualTo("status");
        assertThat(driver.getCurrentUrl()).endsWith(CLINIC_EDIT);
        assertThat(driver.findElement(By.id("priceMin")).getDomProperty("value")).isEqualTo("95");
        assertThat(driver.findElement(By.cssSelector(".page-head .muted")).getText()).contains("edited by your clinic");

        // The clinic's copy changed; the public default did not.
        Http http = new Http(port);
        JsonNode defaults = http.get("/api/v1/treatments/extraction-facial").json();
        assertThat(defaults.get("price").get("min").decimalValue()).isEqualByComparingTo("85");
        JsonNode copy = owner().get("/api/v1/clinics/demo/treatments/extraction-facial").json();
        assertThat(copy.get("price").get("min").decimalValue()).isEqualByComparingTo("95");
        assertThat(copy.get("customized").asBoolean()).isTrue();
        browser.open("/treatments/extraction-facial");
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.cssSelector("[data-fact='price']"))).getText())
                .startsWith("$85–");

        // A value that is not a number comes back next to its field, with the form as it was typed.
        browser.open(CLINIC_EDIT);
        priceMin = browser.waiting().until(visibilityOfElementLocated(By.id("priceMin")));
        priceMin.clear();
        priceMin.sendKeys("abc");
        form = driver.findElement(By.cssSelector("form.edit-form"));
        driver.findElement(By.cssSelector("form.edit-form button[type='submit']")).click();
        browser.waiting().until(stalenessOf(form));
        WebElement summary = browser.waiting().until(visibilityOfElementLocated(By.id("form-errors")));
        assertThat(browser.status()).as("HTTP status of the form shown again").isEqualTo(400);
        assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
        assertThat(summary.getText()).contains("Please fix the fields marked below.")
                .contains("priceMin: must be a number such as 120 or 99.50");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Edit Facial with extractions");
        assertThat(driver.findElements(By.cssSelector(".alert-success"))).isEmpty();
        priceMin = driver.findElement(By.id("priceMin"));
        assertThat(priceMin.getDomProperty("value")).isEqualTo("abc");
        assertThat(priceMin.getDomAttribute("aria-invalid")).isEqualTo("true");
        WebElement field = priceMin.findElement(By.xpath(".."));
        assertThat(field.getDomAttribute("class")).contains("has-error");
        WebElement error = priceMin.findElement(By.xpath("following-sibling::p[contains(@class, 'field-error')]"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).isEqualTo("must be a number such as 120 or 99.50");
        assertThat(error.getDomAttribute("id")).as("the error has an id the field refers to").isNotBlank();
        assertThat(priceMin.getDomAttribute("aria-describedby")).isEqualTo(error.getDomAttribute("id"));
        assertThat(driver.findElement(By.id("priceMax")).getDomAttribute("aria-invalid")).isEqualTo("false");
        assertThat(driver.findElement(By.id("priceMax")).getDomAttribute("aria-describedby")).isNull();
        browser.script("arguments[0].scrollIntoView({block: 'center'});", priceMin);
        browser.screenshot("clinic-edit");
        // The bad value was not saved.
        assertThat(owner().get("/api/v1/clinics/demo/treatments/extraction-facial").json().get("price").get("min")
                .decimalValue()).isEqualByComparingTo("95");

        // Back to the default, through the page.
        browser.open(CLINIC_EDIT);
        form = browser.waiting().until(visibilityOfElementLocated(By.cssSelector("form.reset-form")));
        form.findElement(By.tagName("button")).click();
        browser.waiting().until(stalenessOf(form));
        assertThat(browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".alert-success"))).getText())
                .isEqualTo("Facial with extractions is back to the Clearskin default.");
        assertThat(driver.findElement(By.id("priceMin")).getDomProperty("value")).isEqualTo("85");
        // The 400 of the refused form is the only error the browser saw.
        assertThat(browser.consoleErrors()).singleElement().asString()
                .contains("/app/clinics/demo/treatments/extraction-facial").contains("status of 400");
    }

    @Test
    void everyFormControlHasALabelAndTheSkipLinkComesFirst() {
        var driver = browser.driver();
        browser.open("/treatments");
        browser.waiting().until(visibilityOfElementLocated(By.id("concern")));
        assertThat(browser.unlabelledControls()).as("controls without a label on /treatments").isEmpty();
        assertThat(driver.findElements(By.cssSelector("select, input:not([type=hidden])")).size()).isGreaterThanOrEqualTo(2);

        // The first Tab reaches the skip link, and following it moves focus to the content.
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.isDisplayed()).isTrue();
        focused.sendKeys(Keys.ENTER);
        browser.waiting().until(urlContains("#main"));

        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email")));
        assertThat(browser.unlabelledControls()).as("controls without a label on /login").isEmpty();

        signIn();
        browser.open(CLINIC_EDIT);
        browser.waiting().until(visibilityOfElementLocated(By.id("priceMin")));
        assertThat(driver.findElements(By.cssSelector("form.edit-form input:not([type=hidden]), form.edit-form textarea")))
                .hasSizeGreaterThan(20);
        assertThat(browser.unlabelledControls()).as("controls without a label on the edit page").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Signs in through the sign-in page as the demo clinic's owner; the app then shows /app. */
    private void signIn() {
        var driver = browser.driver();
        browser.open("/login");
        WebElement email = browser.waiting().until(visibilityOfElementLocated(By.id("email")));
        email.sendKeys("owner@demo.test");
        driver.findElement(By.id("password")).sendKeys(IntegrationTest.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlMatches("/app$"));
        browser.waiting().until(visibilityOfElementLocated(By.tagName("h1")));
    }

    private Http owner() {
        Http http = new Http(port);
        Http.Response token = http.postJson("/api/v1/auth/tokens",
                Map.of("email", "owner@demo.test", "password", IntegrationTest.DEMO_PASSWORD));
        assertThat(token.status()).isEqualTo(201);
        return http.bearer(token.json().get("token").asString());
    }

    /** Leaves the demo clinic's copy as other tests expect it, whatever a test did to it. */
    private void resetClinicCopy() {
        Http owner = owner();
        JsonNode copy = owner.get("/api/v1/clinics/demo/treatments/extraction-facial").json();
        if (copy.get("customized").asBoolean()) {
            assertThat(owner.postJson("/api/v1/clinics/demo/treatments/extraction-facial/reset", "").status())
                    .isEqualTo(200);
        }
    }

    private static String dollars(JsonNode amount) {
        BigDecimal value = amount.decimalValue().stripTrailingZeros();
        return "$" + value.toPlainString();
    }
}

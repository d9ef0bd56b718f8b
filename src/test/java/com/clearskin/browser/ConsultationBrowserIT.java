package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.assessment.MedicalFlag;
import com.clearskin.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The skin consultation in a real browser: one step at a time, by keyboard and by clicks, to the results. */
@IntegrationTest
class ConsultationBrowserIT {

    @LocalServerPort
    int port;
    BrowserSupport browser;

    @RegisterExtension
    final TestExecutionExceptionHandler failureScreenshots = BrowserSupport.screenshotOnFailure(() -> browser);

    @BeforeEach
    void startBrowser() {
        browser = BrowserSupport.start(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void walksTheStepsAndShowsTheResults() {
        ChromeDriver driver = browser.driver();
        browser.open("/");
        driver.findElement(By.cssSelector("nav .nav a[href='/consultation']")).click();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/consultation"));
        browser.waiting().until(d -> (Boolean) browser.script(
                "return document.documentElement.classList.contains('consult-js');"));
        assertThat(driver.getTitle()).isEqualTo("Skin consultation · Clearskin");
        assertThat(visibleSteps()).containsExactly("1");
        assertThat(currentProgress()).isEqualTo("About you");
        assertThat(browser.unlabelledControls()).as("controls without a label").isEmpty();
        assertThat(driver.findElement(By.cssSelector("label[for='fitzpatrick-4']")).getText())
                .contains("Type IV").contains("Light brown skin: rarely burns, tans easily.");
        browser.screenshot("consultation-step1");
        assertThat(Axe.violations(browser)).as("axe-core on the consultation's first step").isEmpty();

        // Step 1: choices by click; Enter in the age field goes on to the next step, not to the results.
        label("skinType-oily").click();
        label("fitzpatrick-3").click();
        WebElement age = driver.findElement(By.id("age"));
        age.sendKeys("34", Keys.ENTER);
        browser.waiting().until(d -> visibleSteps().equals(List.of("2")));
        assertThat(activeId()).isEqualTo("step-concerns-h");
        assertThat(currentProgress()).isEqualTo("Your skin");
        assertThat(driver.findElement(By.id("step-status")).getText()).contains("Step 2 of 4");

        // Step 2: checkboxes by keyboard (Space) and by click.
        driver.findElement(By.id("concern-blackheads")).sendKeys(Keys.SPACE);
        label("concern-enlarged-pores").click();
        label("area-face").click();
        label("cause-excess-sebum").click();
        assertThat(driver.findElement(By.id("concern-blackheads")).isSelected()).isTrue();
        // Back and forth with the keyboard: the buttons are real buttons.
        driver.findElement(By.cssSelector("#step-concerns [data-back]")).sendKeys(Keys.ENTER);
        browser.waiting().until(d -> visibleSteps().equals(List.of("1")));
        assertThat(driver.findElement(By.id("age")).getDomProperty("value")).isEqualTo("34");
        driver.findElement(By.cssSelector("#step-about [data-next]")).sendKeys(Keys.ENTER);
        browser.waiting().until(d -> visibleSteps().equals(List.of("2")));
        driver.findElement(By.cssSelector("#step-concerns [data-next]")).click();
        browser.waiting().until(d -> visibleSteps().equals(List.of("3")));
        assertThat(currentProgress()).isEqualTo("Your health");

        // Step 3: every question starts at "Not sure"; answer no, but leave epilepsy unknown, and
        // isotretinoin two months ago.
        for (MedicalFlag flag : MedicalFlag.values()) {
            assertThat(driver.findElement(By.id(flag.field() + "-unknown")).isSelected()).as(flag.field()).isTrue();
            assertThat(driver.findElement(By.cssSelector("#" + flag.field() + " legend")).getText())
                    .isEqualTo(flag.question());
            if (flag != MedicalFlag.EPILEPSY) {
                label(flag.field() + "-no").click();
            }
        }
        WebElement no = driver.findElement(By.id(MedicalFlag.PREGNANT_OR_BREASTFEEDING.field() + "-no"));
        assertThat(no.isSelected()).isTrue();
        LocalDate taken = LocalDate.now(ZoneOffset.UTC).minusMonths(2);
        WebElement date = driver.findElement(By.id("isotretinoinDate"));
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                date, taken.toString());
        assertThat(driver.findElement(By.id("isotretinoin-date")).isSelected()).as("typing a date chooses it").isTrue();
        label("retinoid-never").click();
        browser.script("document.getElementById('step-health').scrollIntoView({block: 'start'});"
                + " window.scrollBy(0, -document.querySelector('.site-header').offsetHeight - 12);");
        browser.screenshot("consultation-step3");
        assertThat(Axe.violations(browser)).as("axe-core on the consultation's health step").isEmpty();
        driver.findElement(By.cssSelector("#step-health [data-next]")).click();
        browser.waiting().until(d -> visibleSteps().equals(List.of("4")));

        // Step 4: the budget, then the results.
        driver.findElement(By.id("budgetUsd")).sendKeys("900");
        WebElement form = driver.findElement(By.cssSelector("form.consult-form"));
        driver.findElement(By.cssSelector("#step-budget button[type='submit']")).click();
        browser.waiting().until(stalenessOf(form));
        browser.waiting().until(visibilityOfElementLocated(By.cssSelector(".verdict-summary")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your results");
        assertThat(driver.getTitle()).isEqualTo("Your skin consultation · Clearskin");
        assertThat(browser.status()).isEqualTo(200);

        List<String> groups = driver.findElements(By.cssSelector(".verdict-group h2")).stream()
                .map(h -> h.getText().replaceAll("\\s*\\(\\d+\\)$", "")).toList();
        assertThat(groups).contains("Recommended", "We need to know more", "Not suitable now");
        assertThat(groups).isSubsetOf("Recommended", "Possible", "Ask your practitioner", "We need to know more",
                "Not suitable now");
        WebElement laser = driver.findElement(By.cssSelector("#excluded li[data-code='laser-resurfacing']"));
        assertThat(laser.findElement(By.cssSelector(".reconsider")).getText()).startsWith("May be reconsidered on ");
        assertThat(laser.findElements(By.cssSelector(".course"))).isEmpty();
        assertThat(laser.findElement(By.cssSelector(".reasons")).getText()).contains("isotretinoin");
        WebElement highFrequency = driver.findElement(By.cssSelector("#needs-information li[data-code='high-frequency']"));
        assertThat(highFrequency.getText()).contains(MedicalFlag.EPILEPSY.question());
        WebElement best = driver.findElement(By.cssSelector("#recommended li.verdict-card"));
        assertThat(best.findElements(By.cssSelector(".reasons .reason-text"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".reasons .rule"))).as("no rule codes for clients").isEmpty();
        assertThat(driver.findElement(By.id("main")).getText()).doesNotContain("seed text", "weaker source",
                "Clearskin team inference", "ref-");
        assertThat(best.findElement(By.cssSelector(".course")).getText().toLowerCase())
                .contains("course", "how often", "per session", "whole course", "downtime").contains("$");
        // isotretinoin two months ago: the home routine is gentle care only, and says why and until when
        assertThat(driver.findElement(By.id("gentle-only")).getText()).containsIgnoringCase("isotretinoin");
        List<String> steps = driver.findElements(By.cssSelector(".routine-step")).stream().map(WebElement::getText)
                .toList();
        assertThat(steps).hasSizeGreaterThanOrEqualTo(3);
        assertThat(String.join(" ", steps).toLowerCase()).doesNotContain("facial steamer", "warm towel", "clay mask")
                .contains("no steam");
        assertThat(driver.findElement(By.cssSelector("[data-print]")).isDisplayed()).isTrue();
        browser.screenshot("consultation-results");
        assertThat(Axe.violations(browser)).as("axe-core on the consultation's results").isEmpty();
        browser.script("document.querySelector('#excluded').scrollIntoView({block: 'start'});"
                + " window.scrollBy(0, -document.querySelector('.site-header').offsetHeight - 12);");
        browser.screenshot("consultation-results-excluded");
        browser.script("document.querySelector('.home-care').scrollIntoView({block: 'start'});"
                + " window.scrollBy(0, -document.querySelector('.site-header').offsetHeight - 12);");
        browser.screenshot("consultation-home-care");

        // On a phone the results fit the width.
        browser.windowSize(BrowserSupport.PHONE);
        browser.script("window.scrollTo(0, 0);");
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                .as("page width at 390 px; too wide: %s", browser.script("""
                        return Array.from(document.querySelectorAll('body *'))
                          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                          .slice(0, 6).map(e => e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 50))
                          .join(' | ');"""))
                .isLessThanOrEqualTo(((Number) browser.script("return window.innerWidth;")).intValue());
        browser.script("document.querySelector('.verdict-summary').scrollIntoView({block: 'start'});"
                + " window.scrollBy(0, -document.querySelector('.site-header').offsetHeight - 12);");
        browser.screenshot("consultation-results-phone");

        // Print hides the navigation and the buttons, and keeps the results.
        browser.script("""
                window.clearskinPrintCheck = [];
                for (const sheet of document.styleSheets) {
                  for (const rule of sheet.cssRules) {
                    if (rule.media && rule.media.mediaText === 'print') { window.clearskinPrintCheck.push(rule.cssText); }
                  }
                }""");
        assertThat(browser.script("return window.clearskinPrintCheck.join(' ');").toString())
                .contains(".site-header").contains(".results-actions");

        // "Change answers" brings the form back as it was.
        browser.script("window.scrollTo(0, 0);");
        form = driver.findElement(By.cssSelector(".results-actions form"));
        form.findElement(By.tagName("button")).click();
        browser.waiting().until(stalenessOf(form));
        browser.waiting().until(visibilityOfElementLocated(By.id("age")));
        assertThat(driver.findElement(By.id("age")).getDomProperty("value")).isEqualTo("34");
        assertThat(driver.findElement(By.id("skinType-oily")).isSelected()).isTrue();
        assertThat(browser.consoleErrors()).as("browser errors during the consultation").isEmpty();
    }

    @Test
    void aWrongAnswerComesBackAtItsStepNextToItsField() {
        ChromeDriver driver = browser.driver();
        browser.open("/consultation");
        browser.waiting().until(d -> visibleSteps().equals(List.of("1")));
        for (String step : List.of("about", "concerns", "health")) {
            driver.findElement(By.cssSelector("#step-" + step + " [data-next]")).sendKeys(Keys.ENTER);
        }
        browser.waiting().until(d -> visibleSteps().equals(List.of("4")));
        driver.findElement(By.id("budgetUsd")).sendKeys("lots", Keys.ENTER);
        browser.waiting().until(visibilityOfElementLocated(By.id("form-errors")));
        assertThat(browser.status()).isEqualTo(400);
        assertThat(visibleSteps()).containsExactly("4");
        WebElement budget = driver.findElement(By.id("budgetUsd"));
        assertThat(budget.getDomProperty("value")).isEqualTo("lots");
        assertThat(budget.getDomAttribute("aria-invalid")).isEqualTo("true");
        WebElement error = driver.findElement(By.id("budgetUsd-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).isEqualTo("must be an amount from 0 to 10000000");
        assertThat(budget.getDomAttribute("aria-describedby")).contains("budgetUsd-error");
        assertThat(activeId()).isEqualTo("form-errors");
        browser.screenshot("consultation-error");
        assertThat(Axe.violations(browser)).as("axe-core on a step with an error").isEmpty();
    }

    private WebElement label(String forId) {
        return browser.driver().findElement(By.cssSelector("label[for='" + forId + "']"));
    }

    private List<String> visibleSteps() {
        return browser.driver().findElements(By.cssSelector("section.consult-step")).stream()
                .filter(WebElement::isDisplayed).map(s -> s.getDomAttribute("data-step")).toList();
    }

    private String currentProgress() {
        return browser.driver().findElement(By.cssSelector(".progress li.is-current .progress-title")).getText();
    }

    private String activeId() {
        return (String) browser.script("return document.activeElement && document.activeElement.id;");
    }
}

package com.clearskin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.clearskin.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The owner's pages on a phone: none scrolls sideways; the set-up links sit under a real heading;
 * the focus ring shows; axe-core finds nothing on the audit log and the clinic profile page.
 */
@IntegrationTest
class OwnerPagesBrowserIT {

    static final List<String> PAGES = List.of("audit", "team", "outbox", "schedule", "booking-rules", "rule-settings",
            "treatments", "erasure-requests", "profile", "calendar-feeds", "waitlist", "clients");

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
    void ownerPagesFitAPhoneAndTheAuditLogAndProfileHaveNoAxeFindings() {
        var driver = browser.driver();
        browser.open("/login");
        browser.waiting().until(visibilityOfElementLocated(By.id("email"))).sendKeys("owner@demo.test");
        driver.findElement(By.id("password")).sendKeys(IntegrationTest.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type='submit']")).click();
        browser.waiting().until(urlContains("/app"));
        assertThat(driver.findElement(By.cssSelector(".card-subhead")).getTagName()).isEqualTo("h3");
        assertThat(driver.findElement(By.linkText("Clinic profile: name, logo, colours, policy")).isDisplayed()).isTrue();

        browser.windowSize(BrowserSupport.PHONE);
        Map<String, Object> sideways = new LinkedHashMap<>();
        for (String page : PAGES) {
            browser.open("/app/clinics/demo/" + page);
            browser.waiting().until(visibilityOfElementLocated(By.id("main")));
            int width = ((Number) browser.script("return document.documentElement.scrollWidth;")).intValue();
            int inner = ((Number) browser.script("return window.innerWidth;")).intValue();
            if (width > inner) {
                sideways.put(page, width + " " + browser.script("""
                        const w = window.innerWidth; const out = [];
                        for (const e of document.querySelectorAll('main *')) {
                          const r = e.getBoundingClientRect();
                          if (r.right > w + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1)) {
                            out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(r.right));
                          }
                        }
                        return out.slice(0, 4).join(' | ');"""));
            }
        }
        assertThat(sideways).as("owner pages wider than a phone (" + BrowserSupport.PHONE + ")").isEmpty();

        browser.open("/app/clinics/demo/audit");
        browser.waiting().until(visibilityOfElementLocated(By.id("main")));
        assertThat(Axe.violations(browser)).as("axe-core on the audit log").isEmpty();
        browser.open("/app/clinics/demo/profile");
        browser.waiting().until(visibilityOfElementLocated(By.id("profile-form")));
        assertThat(Axe.violations(browser)).as("axe-core on the clinic profile").isEmpty();
        // keyboard focus shows a solid ring
        browser.script("document.getElementById('displayName').focus();");
        assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle;")).isEqualTo("solid");
    }
}

package com.clearskin.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in limits (clearskin.sign-in.*): free failures per account from one address, per account
 * from any address the person has not signed in from before, and per address over all accounts;
 * the waits after them double from {@code firstDelay} up to {@code maxDelay} (15 minutes at most).
 */
@ConfigurationProperties("clearskin.sign-in")
record SignInLimits(
        @DefaultValue("5") int perAccountAndSourceFreeFailures,
        @DefaultValue("20") int perAccountFreeFailures,
        @DefaultValue("50") int perSourceFreeFailures,
        @DefaultValue("15s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("1h") Duration forgetAfter,
        @DefaultValue("30d") Duration knownSourceFor) {

    ThrottleRule perAccountAndSource() {
        return new ThrottleRule(perAccountAndSourceFreeFailures, firstDelay, maxDelay, forgetAfter);
    }

    ThrottleRule perAccount() {
        return new ThrottleRule(perAccountFreeFailures, firstDelay, maxDelay, forgetAfter);
    }

    ThrottleRule perSource() {
        return new ThrottleRule(perSourceFreeFailures, firstDelay, maxDelay, forgetAfter);
    }
}

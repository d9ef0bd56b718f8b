package com.clearskin.accounts;

import com.clearskin.jobs.RecurringJob;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hourly clean-up of what sign-in keeps only for a while: failure counts, reset requests, ended sign-ins. */
@Configuration(proxyBeanMethods = false)
class AccountJobs {

    @Bean
    RecurringJob signInThrottlePurge(SignInThrottle throttle) {
        return RecurringJob.every(Duration.ofHours(1), "accounts-sign-in-failures-purge", throttle::purge);
    }

    @Bean
    RecurringJob passwordResetPurge(PasswordResets resets) {
        return RecurringJob.every(Duration.ofHours(1), "accounts-password-reset-purge", resets::purge);
    }

    @Bean
    RecurringJob endedSignInPurge(AccessTokens tokens) {
        return RecurringJob.every(Duration.ofHours(1), "accounts-ended-sign-in-purge", tokens::purgeEnded);
    }
}

package com.clearskin.platform;

import com.clearskin.jobs.RecurringJob;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hourly: forgets Idempotency-Keys older than a day. */
@Configuration(proxyBeanMethods = false)
class PlatformJobs {

    @Bean
    RecurringJob idempotencyKeyPurge(IdempotentRequests requests) {
        return RecurringJob.every(Duration.ofHours(1), "platform-idempotency-key-purge", requests::forgetOld);
    }
}

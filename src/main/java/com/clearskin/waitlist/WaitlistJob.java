package com.clearskin.waitlist;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.clearskin.jobs.RecurringJob;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Every minute: lapses the waitlist offers that are due and offers their time to the next in line;
 * closes the entries whose window has passed. A recurring job of the job runtime (one instance at a
 * time); the rows it works on are also taken with {@code for update skip locked}, so no offer is
 * handled twice.
 */
@Component
class WaitlistJob {

    private static final Logger log = LoggerFactory.getLogger(WaitlistJob.class);

    private final Waitlist waitlist;
    private final Clock clock;

    WaitlistJob(Waitlist waitlist, Clock clock) {
        this.waitlist = waitlist;
        this.clock = clock;
    }

    void expireOffers() {
        try {
            int lapsed = waitlist.expireDue(Instant.now(clock));
            if (lapsed > 0) {
                log.info("{} waitlist offer(s) lapsed and passed on", lapsed);
            }
        } catch (RuntimeException e) {
            log.warn("Waitlist expiry failed; it runs again in a minute: {}", e.toString());
        }
    }

    /** Declares the job to the job runtime. */
    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        RecurringJob waitlistExpiry(WaitlistJob job, @Value("${clearskin.waitlist.expiry-interval:PT1M}") Duration interval) {
            return RecurringJob.every(interval, "waitlist-offer-expiry", job::expireOffers);
        }
    }
}

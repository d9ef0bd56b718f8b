package com.clearskin.waitlist;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: lapses the waitlist offers that are due and offers their time to the next in line;
 * closes the entries whose window has passed. Every app instance runs it; the rows it works on are
 * taken with {@code for update skip locked}, so no offer is handled twice.
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

    @Scheduled(fixedDelayString = "${clearskin.waitlist.expiry-interval:PT1M}",
            initialDelayString = "${clearskin.waitlist.expiry-interval:PT1M}")
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

    /** Turns on scheduled jobs. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }
}

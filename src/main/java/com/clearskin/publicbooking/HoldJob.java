package com.clearskin.publicbooking;

import com.clearskin.booking.Appointments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.clearskin.jobs.RecurringJob;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Gives back the time of every hold that ended unconfirmed, every minute, as a recurring job of the
 * job runtime (one instance at a time; rows are also claimed with for update skip locked). Correctness
 * does not wait for it: availability and booking read the hold's end themselves; this marks the
 * appointment expired and offers its time to the waitlist.
 */
@Component
class HoldJob {

    private static final Logger log = LoggerFactory.getLogger(HoldJob.class);

    private final Appointments appointments;

    HoldJob(Appointments appointments) {
        this.appointments = appointments;
    }

    void releaseEndedHolds() {
        try {
            int released;
            do {
                released = appointments.releaseExpiredHolds(200);
                if (released > 0) {
                    log.info("{} unconfirmed hold(s) ended and gave their time back", released);
                }
            } while (released == 200);
        } catch (RuntimeException e) {
            log.warn("Releasing ended holds failed; it runs again in a minute: {}", e.toString());
        }
    }

    /** Declares the job to the job runtime. */
    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        RecurringJob holdRelease(HoldJob job, @Value("${clearskin.public-booking.release-interval:PT1M}") Duration interval) {
            return RecurringJob.every(interval, "public-booking-hold-release", job::releaseEndedHolds);
        }
    }
}

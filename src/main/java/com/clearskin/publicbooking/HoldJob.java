package com.clearskin.publicbooking;

import com.clearskin.booking.Appointments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back the time of every hold that ended unconfirmed, every minute on every instance (each
 * claims its rows with for update skip locked, so they never do the same one twice). Correctness
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

    @Scheduled(fixedDelayString = "${clearskin.public-booking.release-interval:PT1M}",
            initialDelayString = "${clearskin.public-booking.release-interval:PT1M}")
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
}

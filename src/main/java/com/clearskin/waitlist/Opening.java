package com.clearskin.waitlist;

import java.time.Instant;
import java.util.UUID;

/**
 * Time an appointment gave back (cancelled, moved away, no-show): the treatment it was booked for,
 * with whom, and when. The waitlist offers it to one client at a time, first in line first.
 */
public record Opening(UUID id, UUID appointmentId, String treatment, UUID practitionerId, Instant start,
        Instant end) {

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return otherStart.isBefore(end) && start.isBefore(otherEnd);
    }
}

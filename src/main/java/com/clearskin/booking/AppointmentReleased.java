package com.clearskin.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (in the same transaction) when an appointment gives its time back: cancelled,
 * rescheduled away, or a no-show. The waitlist listens to offer the time to the next in line.
 */
public record AppointmentReleased(UUID clinicId, UUID appointmentId, String treatment, UUID practitionerId,
        Instant start, Instant end) {
}

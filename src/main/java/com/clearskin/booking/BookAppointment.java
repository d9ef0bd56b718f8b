package com.clearskin.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * The command to book one appointment. {@code practitionerId} is optional (any qualified
 * practitioner); {@code overrideReason} is a staff member's recorded reason to go ahead despite a
 * {@code caution}; {@code courseId} ties the appointment to a course booked in one go.
 */
public record BookAppointment(UUID clientId, String treatment, Instant start, UUID practitionerId,
        String overrideReason, UUID courseId) {
}

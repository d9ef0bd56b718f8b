package com.clearskin.booking;

import java.util.UUID;

/**
 * Published (in the same transaction) when the treatment is done; follow-ups (aftercare check-ins,
 * rebooking at the cadence) listen to it. {@code byUserId} is the staff member who completed it.
 */
public record AppointmentCompleted(Appointment appointment, UUID byUserId) {
}

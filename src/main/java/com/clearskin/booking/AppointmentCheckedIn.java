package com.clearskin.booking;

import java.util.UUID;

/**
 * Published (in the same transaction) when the client has arrived: the visit begins. Modules of the
 * visit (sessions, consent at the door) listen to it; {@code byUserId} is the staff member who checked in.
 */
public record AppointmentCheckedIn(Appointment appointment, UUID byUserId) {
}

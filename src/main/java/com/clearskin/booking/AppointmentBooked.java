package com.clearskin.booking;

/** Published (in the same transaction) when an appointment is booked or moved to a new time. */
public record AppointmentBooked(Appointment appointment) {
}

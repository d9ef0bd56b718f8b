package com.clearskin.booking;

import com.clearskin.clinics.Clinic;
import java.util.UUID;

/**
 * Whether the client said they will come to an appointment (from a reminder's one-click link), for
 * the staff calendar to show. Implemented by the module that sends the reminders (followups), so
 * that booking does not depend on it.
 */
public interface ClientConfirmations {

    /** Whether the client confirmed this appointment. */
    boolean confirmed(Clinic clinic, UUID appointmentId);
}

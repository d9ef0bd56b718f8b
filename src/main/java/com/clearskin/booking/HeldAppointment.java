package com.clearskin.booking;

import java.time.Instant;
import java.util.List;

/**
 * A time held for a client who booked on the clinic's public page, until {@code holdExpiresAt},
 * with the cautions the treatment rules found (not refusals: noted for the practitioner).
 */
public record HeldAppointment(Appointment appointment, Instant holdExpiresAt, List<RuleFinding> cautions) {

    public HeldAppointment {
        cautions = List.copyOf(cautions);
    }
}

package com.clearskin.booking;

import com.clearskin.clinics.Clinic;
import com.clearskin.resources.Requirement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * A condition another module sets on who may be booked for a treatment, without booking knowing
 * that module (for example: the practitioner's licence for the treatment's level is verified and
 * not expired). Every bean of this type is asked once per availability search and once per booking,
 * never per slot: availability leaves a restricted practitioner out of the days they may not be
 * booked, and a booking with them then is refused (422, with the restriction's rule code).
 */
public interface PractitionerEligibility {

    /**
     * Of {@code practitioners} (the clinic's, qualified for the treatment by their role), those who
     * may not be booked for {@code requirement} on some day from {@code from} on; a practitioner
     * absent from the answer may be booked on every day.
     */
    Map<UUID, Restriction> restrictions(Clinic clinic, Requirement requirement, Collection<UUID> practitioners,
            LocalDate from);

    /**
     * Why and from when a practitioner may not be booked: {@code lastBookableDay} is the last local
     * date they still may be (null: no day), {@code rule} the code a refused booking names and
     * {@code message} a sentence for staff.
     */
    record Restriction(LocalDate lastBookableDay, String rule, String message) {

        /** Whether the practitioner may be booked on {@code day}. */
        public boolean allows(LocalDate day) {
            return lastBookableDay != null && !day.isAfter(lastBookableDay);
        }
    }
}

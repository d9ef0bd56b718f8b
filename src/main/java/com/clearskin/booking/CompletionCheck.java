package com.clearskin.booking;

import com.clearskin.clinics.Clinic;

/**
 * A condition another module sets on completing an appointment, without booking knowing that
 * module (for example: the session's clinical record is signed). Every bean of this type is asked,
 * inside the completing transaction and before anything is written; one that refuses throws
 * {@link com.clearskin.platform.RuleRefusedException} (422, with its rule code) and nothing changes.
 */
public interface CompletionCheck {

    void beforeCompleting(Clinic clinic, Appointment appointment);
}

package com.clearskin.sessions;

import com.clearskin.clinics.Clinic;

/**
 * A condition another module sets on signing a session's record, without sessions knowing that
 * module (for example: the instruments a treatment needs are recorded). Every bean of this type is
 * asked inside the signing transaction, after the session's own checks and before anything is
 * written; one that refuses throws {@link com.clearskin.platform.ConflictException} (409, with its
 * type) and nothing changes.
 */
public interface SigningCheck {

    void beforeSigning(Clinic clinic, TreatmentSession session);
}

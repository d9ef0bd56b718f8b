package com.clearskin.audit;

import com.clearskin.platform.Coded;
import java.util.Optional;

/**
 * Which part of a client's data an event concerns. Add a value here when a module starts keeping a
 * new kind of health data; the database accepts any lower-case hyphenated code.
 */
public enum AuditResource implements Coded {
    /** The client's record: name, contact details and date of birth. */
    CLIENT_RECORD("Client record"),
    /** An intake assessment with its medical answers. */
    ASSESSMENT("Assessment"),
    /** The recommendation drawn from an assessment. */
    RECOMMENDATION("Recommendation"),
    PHOTO("Photo"),
    APPOINTMENT("Appointment"),
    APPOINTMENT_NOTES("Appointment notes"),
    AFTERCARE("Aftercare"),
    /**
     * Who may read the client's health record because they treat them: a practitioner the clinic
     * assigned, or one whose appointment with the client was checked in.
     */
    CARE_RELATIONSHIP("Care relationship"),
    /** A signed consent form with its evidence (and its withdrawal). */
    CONSENT("Consent"),
    /** The clinical record of a treatment session: the day's check, steps, chart, signatures, addenda. */
    CLINICAL_RECORD("Clinical record"),
    /** Everything held about a client at once (a data export, an erasure). */
    CLIENT_DATA("All client data"),
    /** The audit log itself: viewing and exporting it is audited too. */
    AUDIT_LOG("Audit log"),
    /** A practitioner's licence: its document read, a platform reviewer's decision on it (issue 17). */
    LICENCE("Licence");

    private final String label;

    AuditResource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<AuditResource> fromCode(String code) {
        return Coded.find(AuditResource.class, code);
    }
}

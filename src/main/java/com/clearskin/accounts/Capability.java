package com.clearskin.accounts;

/**
 * What a person may want to do in a clinic: one row of the permission table in the README. Who may
 * do each is decided in one place, {@link Permissions}.
 */
public enum Capability {
    /** Read the clinic's treatment catalog. */
    READ_CATALOG,
    /** Change the clinic's catalog (prices, durations, protocol), reset a treatment. */
    EDIT_CATALOG,
    /** Read the clinic's recommendation rule settings. */
    READ_RULE_SETTINGS,
    /** Change or reset the rule settings. */
    EDIT_RULE_SETTINGS,
    /** List and search the clinic's clients, add a client. */
    LIST_CLIENTS,
    /** One client's name and contact details. */
    READ_CLIENT,
    /** One client's medical answers: their assessments. */
    READ_MEDICAL_ANSWERS,
    /** Record an assessment (intake) for one client. */
    RECORD_ASSESSMENT,
    /** The recommendation drawn from one client's medical answers. */
    READ_RECOMMENDATION,
    /** Assign a practitioner to one client, or remove the assignment: it grants them the medical answers. */
    ASSIGN_PRACTITIONER,
    /** Book, reschedule or cancel an appointment, or put one client on the waitlist. */
    BOOK_FOR_CLIENT,
    /** The clinic's schedule: the calendar of every practitioner and room, availability for staff. */
    READ_SCHEDULE,
    /** Opening hours, practitioners, rooms, devices, treatment requirements, booking settings. */
    EDIT_RESOURCES,
    /** The audit log of who read and wrote health data. */
    READ_AUDIT_LOG,
    /** Invite people, change roles, remove members; the mail outbox. */
    MANAGE_MEMBERS,
    /** Read the clinic's booking rules (intervals, cadence, recovery). */
    READ_BOOKING_RULES,
    /** Change or reset the booking rules. */
    EDIT_BOOKING_RULES,
    /**
     * Use the appointment and waitlist API: staff for any client, a client for themself (which
     * appointments and entries are theirs is checked on each one).
     */
    BOOK_APPOINTMENTS,
    /** Add or remove a practitioner's time off: owners and admins anyone's, other staff their own. */
    MANAGE_TIME_OFF,
    /** Calendar feeds: which subjects a member may subscribe to is the calendar module's rule. */
    USE_CALENDAR_FEEDS,
    /** A client's own portal: their visits, intake, data download and erasure request. */
    USE_PORTAL,
    /** See and carry out clients' erasure requests. */
    HANDLE_ERASURE_REQUESTS,
    /** Read the clinic's consent forms (to sign one, too). */
    READ_CONSENT_FORMS,
    /**
     * Write consent forms (a new version) and the record settings: how long a consent holds, the medical director,
     * and the sterilization settings (cycle minimums, package shelf life, overdue spore tests).
     */
    EDIT_RECORD_SETTINGS,
    /** Sign a consent form for one client (the client, or staff witnessing on the clinic's tablet), withdraw it. */
    SIGN_CONSENT,
    /** One client's signed consents with their evidence and PDF. */
    READ_CONSENT,
    /** That a client's treatment session exists and where it stands (started, signed), never its content. */
    READ_RECORD_STATUS,
    /** The content of a client's clinical record: sessions, charts, addenda, their PDFs and history. */
    READ_RECORD,
    /** Run a session and write its record: start it, its steps, the chart, sign it, add an addendum. */
    WRITE_RECORD,
    /** The clinic's own face: display name, logo, colours, address, phone, hours shown, photos, policy. */
    EDIT_CLINIC_PROFILE,
    /** Instrument hygiene: add sterilizers and instrument sets, record cycles and spore tests, record what a session used. */
    RECORD_STERILIZATION,
    /** The sterilization log, packages and recalls (what a state board inspector asks to see). */
    READ_STERILIZATION_LOG,
    /**
     * Practitioners' licences: list them with their review status, add one with its document, read
     * the document (issue 17). Verifying is the platform reviewer's, never the clinic's.
     */
    MANAGE_LICENCES,
    /** The clinic's entry in the public directory: whether it is listed, its address, city and coordinates. */
    EDIT_DIRECTORY_LISTING,
    /** Review one's own completed visit (clients only: staff and the clinic never write reviews). */
    WRITE_REVIEW,
    /** Reply publicly, once, to a review of the clinic (never delete, hide or reorder one). */
    REPLY_TO_REVIEWS,
    /** How many bookings came through clients' referral links. */
    READ_REFERRALS,
    /** Register the addresses that receive the clinic's events (webhooks) and read their delivery log. */
    MANAGE_WEBHOOKS
}

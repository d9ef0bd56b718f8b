package com.clearskin.accounts;

import java.util.Set;

/**
 * The permission table of the README, as code: for a role in a clinic, a capability and (when the
 * capability concerns one client) who the caller is to that client, whether it is allowed, refused
 * (403: a member learns only that their role may not) or hidden (404: a client is never told that
 * somebody else's record exists). Every access decision in the application comes from here.
 */
public final class Permissions {

    /** The answer to one request. */
    public enum Decision {
        ALLOW, FORBID, HIDE;

        public boolean allowed() {
            return this == ALLOW;
        }
    }

    private static final Set<Role> ADMINS = Set.of(Role.OWNER, Role.ADMIN);
    private static final Set<Role> STAFF = Set.of(Role.OWNER, Role.ADMIN, Role.PRACTITIONER, Role.FRONT_DESK);

    private Permissions() {
    }

    public static Decision decide(Role role, Capability capability, ClientRelation relation) {
        return switch (capability) {
            case READ_CATALOG, READ_RULE_SETTINGS, READ_BOOKING_RULES, BOOK_APPOINTMENTS, USE_CALENDAR_FEEDS,
                    READ_CONSENT_FORMS -> everyMember(role);
            case EDIT_CATALOG, EDIT_RULE_SETTINGS, EDIT_BOOKING_RULES, EDIT_RESOURCES, MANAGE_MEMBERS,
                    ASSIGN_PRACTITIONER, HANDLE_ERASURE_REQUESTS, EDIT_RECORD_SETTINGS, EDIT_CLINIC_PROFILE ->
                    clinicAdmins(role);
            case READ_AUDIT_LOG -> ownerOnly(role);
            case LIST_CLIENTS, READ_SCHEDULE, MANAGE_TIME_OFF, READ_RECORD_STATUS -> staffOnly(role);
            case USE_PORTAL -> clientsOnly(role);
            case READ_CLIENT, BOOK_FOR_CLIENT, SIGN_CONSENT, READ_CONSENT -> staffOrTheClient(role, relation);
            case READ_RECORD, WRITE_RECORD -> clinicalRecord(role, relation);
            case READ_MEDICAL_ANSWERS, READ_RECOMMENDATION -> medicalAnswers(role, relation);
            case RECORD_ASSESSMENT -> recordAssessment(role, relation);
            case RECORD_STERILIZATION -> recordSterilization(role);
            case READ_STERILIZATION_LOG -> staffOnly(role);
            case MANAGE_LICENCES, MANAGE_WEBHOOKS -> clinicAdmins(role);
            case EDIT_DIRECTORY_LISTING, REPLY_TO_REVIEWS -> clinicAdmins(role);
            case WRITE_REVIEW -> clientsOnly(role);
            case READ_REFERRALS -> staffOnly(role);
        };
    }

    /** The catalog and the rule settings are read by everyone in the clinic, clients included. */
    static Decision everyMember(Role role) {
        return Decision.ALLOW;
    }

    /** The clinic's set-up (catalog, rules, resources, people, who treats whom) is changed by owners and admins. */
    static Decision clinicAdmins(Role role) {
        return ADMINS.contains(role) ? Decision.ALLOW : Decision.FORBID;
    }

    /** Who looked at health data is for the owner, who answers for the clinic. */
    static Decision ownerOnly(Role role) {
        return role == Role.OWNER ? Decision.ALLOW : Decision.FORBID;
    }

    /** Lists of clients and the whole schedule are for those who work at the clinic. */
    static Decision staffOnly(Role role) {
        return STAFF.contains(role) ? Decision.ALLOW : Decision.FORBID;
    }

    /**
     * Contact details and bookings: every staff member for every client (the front desk books and
     * calls clients); a client only for themself.
     */
    static Decision staffOrTheClient(Role role, ClientRelation relation) {
        if (STAFF.contains(role)) {
            return Decision.ALLOW;
        }
        return clientSelf(relation);
    }

    /**
     * Medical answers and what is drawn from them: owners and admins; a practitioner for the clients
     * they treat; never the front desk; a client only their own.
     */
    static Decision medicalAnswers(Role role, ClientRelation relation) {
        return switch (role) {
            case OWNER, ADMIN -> Decision.ALLOW;
            case PRACTITIONER -> relation == ClientRelation.TREATING ? Decision.ALLOW : Decision.FORBID;
            case FRONT_DESK -> Decision.FORBID;
            case CLIENT -> clientSelf(relation);
        };
    }

    /**
     * An intake is taken by owners, admins and a practitioner who already treats the client (the
     * clinic assigned them, or checked in an appointment with them): recording one grants no access
     * by itself; a client fills in their own; never the front desk.
     */
    static Decision recordAssessment(Role role, ClientRelation relation) {
        return switch (role) {
            case OWNER, ADMIN -> Decision.ALLOW;
            case PRACTITIONER -> relation == ClientRelation.TREATING ? Decision.ALLOW : Decision.FORBID;
            case FRONT_DESK -> Decision.FORBID;
            case CLIENT -> clientSelf(relation);
        };
    }

    /**
     * The clinical record of a session (its content, not that it exists): owners and admins; a
     * practitioner for the clients they treat; never the front desk; a client reads their own visit
     * summaries and the record in their data download, not the record's addresses.
     */
    static Decision clinicalRecord(Role role, ClientRelation relation) {
        return switch (role) {
            case OWNER, ADMIN -> Decision.ALLOW;
            case PRACTITIONER -> relation == ClientRelation.TREATING ? Decision.ALLOW : Decision.FORBID;
            case FRONT_DESK -> Decision.FORBID;
            case CLIENT -> relation == ClientRelation.SELF ? Decision.FORBID : Decision.HIDE;
        };
    }

    /**
     * A co-signature of a session that needs medical oversight: only a member linked to the
     * practitioner the clinic names its medical director (a physician); anyone else may not.
     */
    public static Decision cosign(Role role, boolean medicalDirector) {
        if (role == Role.CLIENT) {
            return Decision.HIDE;
        }
        return role != Role.FRONT_DESK && medicalDirector ? Decision.ALLOW : Decision.FORBID;
    }

    /** Sterilizers, cycles, spore tests and what a session used are recorded by owners, admins and practitioners. */
    static Decision recordSterilization(Role role) {
        return switch (role) {
            case OWNER, ADMIN, PRACTITIONER -> Decision.ALLOW;
            case FRONT_DESK, CLIENT -> Decision.FORBID;
        };
    }

    /** A client's own portal is for clients: staff use the clinic's pages. */
    static Decision clientsOnly(Role role) {
        return role == Role.CLIENT ? Decision.ALLOW : Decision.FORBID;
    }

    /** A client reaches their own record; anybody else's is, to them, not there. */
    static Decision clientSelf(ClientRelation relation) {
        return relation == ClientRelation.SELF ? Decision.ALLOW : Decision.HIDE;
    }

    /**
     * How a refusal shows: a client who addresses a record (an address with an id) is told it is not
     * there, exactly as for an id that does not exist, so that no client learns what exists outside
     * their own records; otherwise a member is told their role may not (403).
     */
    public static Decision refusal(Role role, boolean addressesARecord) {
        return role == Role.CLIENT && addressesARecord ? Decision.HIDE : Decision.FORBID;
    }
}

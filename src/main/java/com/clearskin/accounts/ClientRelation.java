package com.clearskin.accounts;

/** Who the caller is to one client of the clinic, for the capabilities that concern one client. */
public enum ClientRelation {
    /** The client's own account. */
    SELF,
    /**
     * A practitioner who treats the client by a care relationship the clinic grants: assigned to
     * the client, or with an appointment of theirs that was checked in.
     */
    TREATING,
    /** Anyone else in the clinic. */
    OTHER,
    /** The capability does not concern one client. */
    NONE
}

package com.clearskin.accounts;

/** Who the caller is to one client of the clinic, for the capabilities that concern one client. */
public enum ClientRelation {
    /** The client's own account. */
    SELF,
    /** A practitioner who treats the client: has an appointment with them, or assessed them. */
    TREATING,
    /** Anyone else in the clinic. */
    OTHER,
    /** The capability does not concern one client. */
    NONE
}

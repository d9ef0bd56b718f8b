package com.clearskin.assessment;

/** A medical answer: yes, no, or not known. Unknown is never read as no. */
public enum Answer {
    YES, NO, UNKNOWN;

    public static Answer of(Boolean value) {
        return value == null ? UNKNOWN : value ? YES : NO;
    }

    /** true, false, or null for unknown: how answers travel as JSON. */
    public Boolean json() {
        return this == UNKNOWN ? null : this == YES;
    }
}

package com.clearskin.assessment;

/** A medical answer: yes, no, or not known. Unknown is never read as no. */
public enum Answer {
    YES, NO, UNKNOWN;

    public static Answer of(Boolean value) {
        return value == null ? UNKNOWN : value ? YES : NO;
    }

    /**
     * The latest known answer: the later one when it is known (a later "no" replaces an earlier
     * "yes"), otherwise the earlier one, which may be unknown too.
     */
    public static Answer latestKnown(Answer later, Answer earlier) {
        if (later != null && later != UNKNOWN) {
            return later;
        }
        return earlier == null ? UNKNOWN : earlier;
    }

    /** true, false, or null for unknown: how answers travel as JSON. */
    public Boolean json() {
        return this == UNKNOWN ? null : this == YES;
    }
}

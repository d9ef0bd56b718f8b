package com.clearskin.consent;

/**
 * What a client's consents allow for photos of their skin now: the newest consent that holds and
 * asked about photos decides. {@link #NOT_ASKED} when none did (a signature from before the choice,
 * or none at all): a record photo stays allowed, as it was, but marketing use never is.
 */
public enum PhotoPermission {
    NOT_ASKED, DECLINED, RECORD, MARKETING;

    /** The clinic may keep a photo it takes in the client's record, unless the client said no. */
    public boolean allowsRecord() {
        return this != DECLINED;
    }

    /** Marketing use only on an explicit yes that still holds. */
    public boolean allowsMarketing() {
        return this == MARKETING;
    }

    /** The permission a holding consent's answers give; {@code null} answers: not asked. */
    public static PhotoPermission of(Boolean record, Boolean marketing) {
        if (record == null) {
            return NOT_ASKED;
        }
        if (!record) {
            return DECLINED;
        }
        return Boolean.TRUE.equals(marketing) ? MARKETING : RECORD;
    }

    /** Plain words for the client and the staff. */
    public String label() {
        return switch (this) {
            case NOT_ASKED -> "Not asked yet";
            case DECLINED -> "No photos";
            case RECORD -> "Photos for the clinical record only";
            case MARKETING -> "Photos for the record and the clinic's marketing";
        };
    }
}

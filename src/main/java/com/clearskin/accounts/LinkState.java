package com.clearskin.accounts;

/** Where a single-use link stands. */
public enum LinkState {
    VALID("The link is valid."),
    UNKNOWN("This link is not valid. Check that you copied all of it, or ask for a new one."),
    USED("This link has already been used. Each link works once; ask for a new one if you need it."),
    EXPIRED("This link has expired. Ask for a new one."),
    REVOKED("This invitation was withdrawn by the clinic.");

    private final String explanation;

    LinkState(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}

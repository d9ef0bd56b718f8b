package com.clearskin.recommendation;

import com.clearskin.platform.Coded;

/** What the engine says of one treatment for one assessment, best first. */
public enum Verdict implements Coded {
    RECOMMENDED("Recommended"),
    POSSIBLE("Possible"),
    CAUTION("Ask your practitioner"),
    NEEDS_INFORMATION("We need to know more"),
    EXCLUDED("Not suitable now");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Safe to plan and price: recommended, possible, or caution (the practitioner decides). */
    public boolean plannable() {
        return this == RECOMMENDED || this == POSSIBLE || this == CAUTION;
    }

    public boolean safe() {
        return this == RECOMMENDED || this == POSSIBLE;
    }
}

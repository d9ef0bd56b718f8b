package com.clearskin.assessment;

import com.clearskin.platform.Coded;

/** What contributes to a client's pore concerns, as seed text 002 names it. */
public enum Cause implements Coded {
    GENETICS("Genetics"),
    SUN_DAMAGE("Sun damage"),
    AGING("Aging"),
    EXCESS_SEBUM("Excess sebum"),
    SKINCARE_HABITS("Skincare habits"),
    ENVIRONMENT("Environment");

    private final String label;

    Cause(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

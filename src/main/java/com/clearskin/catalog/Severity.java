package com.clearskin.catalog;

import com.clearskin.platform.Coded;

/** How strongly a contraindication speaks against a treatment. */
public enum Severity implements Coded {
    ABSOLUTE("Absolute: do not treat"),
    RELATIVE("Relative: the practitioner decides");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

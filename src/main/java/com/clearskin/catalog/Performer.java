package com.clearskin.catalog;

import com.clearskin.platform.Coded;

/** Who may perform a treatment, from the client themself to a physician. */
public enum Performer implements Coded {
    SELF("The client"),
    ESTHETICIAN("Esthetician"),
    NURSE("Nurse"),
    PHYSICIAN("Physician");

    private final String label;

    Performer(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

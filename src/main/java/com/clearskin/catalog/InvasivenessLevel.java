package com.clearskin.catalog;

import com.clearskin.platform.Coded;

/**
 * How deep a treatment goes into the skin, least invasive first: the order is the step-up order
 * of the recommendation (start with the least invasive level that can work).
 */
public enum InvasivenessLevel implements Coded {
    NON_INVASIVE("Non-invasive", "Works on the surface without removing skin."),
    SUPERFICIAL("Superficial", "Removes or loosens the outermost layer of skin (light peels, microdermabrasion)."),
    DERMAL("Dermal", "Reaches into the deeper layer of the skin (microneedling, medium peels)."),
    ABLATIVE("Ablative", "Removes layers of skin, which then heal over weeks (ablative laser).");

    private final String label;
    private final String meaning;

    InvasivenessLevel(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    @Override
    public String label() {
        return label;
    }

    /** What the level means, in words a client understands. */
    public String meaning() {
        return meaning;
    }

    /** Whether this level is gentler (less invasive) than {@code other}. */
    public boolean gentlerThan(InvasivenessLevel other) {
        return ordinal() < other.ordinal();
    }
}

package com.clearskin.catalog;

import com.clearskin.platform.Coded;

/**
 * What a treatment does to the skin. The safety of a treatment on compromised skin follows from
 * these flags (see the recommendation rule {@code skin-effect-safety}), not only from how its
 * contraindication list was typed.
 */
public enum SkinEffect implements Coded {
    WOUNDS("Wounds the skin"),
    HEATS("Heats the skin"),
    EXFOLIATES("Exfoliates the skin"),
    BREACHES_DERMIS("Reaches the dermis");

    private final String label;

    SkinEffect(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The effects that make a treatment unsafe on sunburnt, tanned, broken, infected or flaring skin. */
    public boolean stressesCompromisedSkin() {
        return this == WOUNDS || this == HEATS || this == EXFOLIATES;
    }

    /** The effects that risk a raised scar in a client who tends to form keloids or hypertrophic scars. */
    public boolean risksRaisedScars() {
        return this == WOUNDS || this == BREACHES_DERMIS;
    }
}

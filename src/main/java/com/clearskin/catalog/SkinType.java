package com.clearskin.catalog;

import com.clearskin.platform.Coded;

/** A skin type as clients and the seed texts name it. */
public enum SkinType implements Coded {
    OILY("Oily"),
    ACNE_PRONE("Acne-prone"),
    NORMAL("Normal"),
    COMBINATION("Combination"),
    DRY("Dry"),
    SENSITIVE("Sensitive");

    private final String label;

    SkinType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

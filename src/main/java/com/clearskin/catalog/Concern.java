package com.clearskin.catalog;

import com.clearskin.platform.Coded;

/** A skin concern a client brings and a treatment addresses. */
public enum Concern implements Coded {
    ENLARGED_PORES("Enlarged pores"),
    BLACKHEADS("Blackheads"),
    WHITEHEADS("Whiteheads"),
    ACNE("Acne"),
    ACNE_SCARS("Acne scars"),
    TEXTURE("Uneven texture"),
    FINE_LINES("Fine lines"),
    PIGMENTATION("Pigmentation"),
    REDNESS("Redness"),
    CONGESTION("Congestion"),
    DULLNESS("Dullness"),
    BACK_ACNE("Back acne");

    private final String label;

    Concern(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

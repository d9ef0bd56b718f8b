package com.clearskin.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** A skin concern a client brings and a treatment addresses. */
public enum Concern {
    ENLARGED_PORES("enlarged-pores", "Enlarged pores"),
    BLACKHEADS("blackheads", "Blackheads"),
    WHITEHEADS("whiteheads", "Whiteheads"),
    ACNE("acne", "Acne"),
    ACNE_SCARS("acne-scars", "Acne scars"),
    TEXTURE("texture", "Uneven texture"),
    FINE_LINES("fine-lines", "Fine lines"),
    PIGMENTATION("pigmentation", "Pigmentation"),
    REDNESS("redness", "Redness"),
    CONGESTION("congestion", "Congestion"),
    DULLNESS("dullness", "Dullness"),
    BACK_ACNE("back-acne", "Back acne");

    private final String code;
    private final String label;

    Concern(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Concern> find(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    @JsonCreator
    public static Concern fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "'" + code + "' is not one of " + Arrays.stream(values()).map(Concern::code).toList()));
    }
}

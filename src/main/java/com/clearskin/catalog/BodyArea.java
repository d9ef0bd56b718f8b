package com.clearskin.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** A part of the body a treatment is done on. */
public enum BodyArea {
    FACE("face", "Face"),
    NECK("neck", "Neck"),
    CHEST("chest", "Chest"),
    BACK("back", "Back"),
    SHOULDERS("shoulders", "Shoulders"),
    ARMS("arms", "Arms"),
    HANDS("hands", "Hands");

    private final String code;
    private final String label;

    BodyArea(String code, String label) {
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

    public static Optional<BodyArea> find(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    @JsonCreator
    public static BodyArea fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "'" + code + "' is not one of " + Arrays.stream(values()).map(BodyArea::code).toList()));
    }
}

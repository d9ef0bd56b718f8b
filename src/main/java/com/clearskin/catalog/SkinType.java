package com.clearskin.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** A skin type as clients and the seed texts name it. */
public enum SkinType {
    OILY("oily", "Oily"),
    ACNE_PRONE("acne-prone", "Acne-prone"),
    NORMAL("normal", "Normal"),
    COMBINATION("combination", "Combination"),
    DRY("dry", "Dry"),
    SENSITIVE("sensitive", "Sensitive");

    private final String code;
    private final String label;

    SkinType(String code, String label) {
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

    public static Optional<SkinType> find(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    @JsonCreator
    public static SkinType fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "'" + code + "' is not one of " + Arrays.stream(values()).map(SkinType::code).toList()));
    }
}

package com.clearskin.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** How strongly a contraindication speaks against a treatment. */
public enum Severity {
    ABSOLUTE("absolute", "Absolute: do not treat"),
    RELATIVE("relative", "Relative: the practitioner decides");

    private final String code;
    private final String label;

    Severity(String code, String label) {
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

    public static Optional<Severity> find(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    @JsonCreator
    public static Severity fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "'" + code + "' is not one of " + Arrays.stream(values()).map(Severity::code).toList()));
    }
}

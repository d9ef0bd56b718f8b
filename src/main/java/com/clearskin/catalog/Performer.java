package com.clearskin.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Who may perform a treatment, from the client themself to a physician. */
public enum Performer {
    SELF("self", "The client"),
    ESTHETICIAN("esthetician", "Esthetician"),
    NURSE("nurse", "Nurse"),
    PHYSICIAN("physician", "Physician");

    private final String code;
    private final String label;

    Performer(String code, String label) {
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

    public static Optional<Performer> find(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    @JsonCreator
    public static Performer fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "'" + code + "' is not one of " + Arrays.stream(values()).map(Performer::code).toList()));
    }
}

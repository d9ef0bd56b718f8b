package com.clearskin.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Where a treatment happens. */
public enum Setting {
    CLINIC("clinic", "In clinic"),
    HOME("home", "At home");

    private final String code;
    private final String label;

    Setting(String code, String label) {
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

    public static Optional<Setting> find(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    @JsonCreator
    public static Setting fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "'" + code + "' is not one of " + Arrays.stream(values()).map(Setting::code).toList()));
    }
}

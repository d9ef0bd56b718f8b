package com.clearskin.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kind of treatment. */
public enum Category {
    FACIAL("facial", "Facial"),
    EXFOLIATION("exfoliation", "Exfoliation"),
    PEEL("peel", "Chemical peel"),
    RESURFACING("resurfacing", "Resurfacing"),
    LIGHT("light", "Light therapy"),
    DEVICE("device", "Device"),
    HOME_CARE("home-care", "Home care");

    private final String code;
    private final String label;

    Category(String code, String label) {
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

    public static Optional<Category> find(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    @JsonCreator
    public static Category fromCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "'" + code + "' is not one of " + Arrays.stream(values()).map(Category::code).toList()));
    }
}

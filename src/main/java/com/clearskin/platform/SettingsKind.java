package com.clearskin.platform;

import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * One kind of sourced clinic settings kept in {@link ClinicSettingsStore}: its name in the store
 * (a stable key such as {@code recommendation-rules}), the document's type, the shipped defaults,
 * how a change is attributed (a value the clinic changed names the clinic as its source; an
 * unchanged one keeps its sources), and the words a conflict uses ("the booking rules").
 */
public record SettingsKind<T>(String key, Class<T> type, T defaults, BinaryOperator<T> attribution, String noun) {

    public SettingsKind {
        Objects.requireNonNull(key);
        Objects.requireNonNull(type);
        Objects.requireNonNull(defaults);
        Objects.requireNonNull(attribution);
        if (!key.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a settings key is lower-case words joined by hyphens: " + key);
        }
    }

    /** The document to store when the clinic saves {@code edited} over {@code before}. */
    public T attribute(T before, T edited) {
        return attribution.apply(before, edited);
    }
}

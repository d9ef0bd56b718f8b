package com.clearskin.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose values travel as lower-case codes with hyphens ({@code ACNE_PRONE} is
 * {@code acne-prone}) in JSON, URLs and the database, and show as a label to people.
 */
public interface Coded {

    String name();

    String label();

    @JsonValue
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value of {@code type} with this code, if any. */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.code().equals(code)).findFirst();
    }

    /** Every code of {@code type}, for messages that say what is allowed. */
    static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }
}

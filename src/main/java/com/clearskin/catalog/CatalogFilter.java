package com.clearskin.catalog;

import com.clearskin.platform.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;

/** Narrows a catalog to the treatments that suit a concern and treat a body area; both optional. */
public record CatalogFilter(Concern concern, BodyArea bodyArea) {

    public static final CatalogFilter NONE = new CatalogFilter(null, null);

    /** Reads the query parameters {@code concern} and {@code bodyArea}, refusing unknown values by name. */
    public static CatalogFilter parse(String concern, String bodyArea) {
        return new CatalogFilter(parseOne("concern", concern, Concern::find, Concern.values(), Concern::code),
                parseOne("bodyArea", bodyArea, BodyArea::find, BodyArea.values(), BodyArea::code));
    }

    public boolean matches(Treatment t) {
        return (concern == null || t.suits(concern)) && (bodyArea == null || t.treats(bodyArea));
    }

    public List<Treatment> apply(List<Treatment> treatments) {
        return treatments.stream().filter(this::matches).toList();
    }

    public boolean isEmpty() {
        return concern == null && bodyArea == null;
    }

    private static <T> T parseOne(String parameter, String value, Function<String, Optional<T>> find, T[] all,
            Function<T, String> code) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return find.apply(value.strip()).orElseThrow(() -> new InvalidInputException(parameter,
                "'" + value + "' is not one of " + Arrays.stream(all).map(code).toList()));
    }
}

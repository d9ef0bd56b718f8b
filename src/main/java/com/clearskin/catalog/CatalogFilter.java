package com.clearskin.catalog;

import com.clearskin.platform.Coded;
import com.clearskin.platform.InvalidInputException;
import java.util.List;

/** Narrows a catalog to the treatments that suit a concern and treat a body area; both optional. */
public record CatalogFilter(Concern concern, BodyArea bodyArea) {

    public static final CatalogFilter NONE = new CatalogFilter(null, null);

    /** Reads the query parameters {@code concern} and {@code bodyArea}, refusing unknown values by name. */
    public static CatalogFilter parse(String concern, String bodyArea) {
        return new CatalogFilter(parseOne("concern", concern, Concern.class),
                parseOne("bodyArea", bodyArea, BodyArea.class));
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

    private static <E extends Enum<E> & Coded> E parseOne(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Coded.find(type, value.strip()).orElseThrow(() -> new InvalidInputException(parameter,
                "'" + value + "' is not one of " + Coded.codes(type)));
    }
}

package com.clearskin.directory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One search of the public directory, every value checked: where the client is ({@code near}, or
 * null), how far they would go, the treatment they want, the most they would pay for one session,
 * the day by which they want a free time, words to match in a clinic's name or city, the order, and
 * the page.
 */
public record SearchQuery(Point near, Double radiusKm, String treatment, BigDecimal maxPrice, LocalDate availableBy,
        String q, Sort sort, int page, int size) {

    /** A position on the Earth, in degrees. */
    public record Point(double latitude, double longitude) {
    }

    /** The orders a client may ask for. */
    public enum Sort {
        /** Nearest first (needs {@code near}). */
        DISTANCE,
        /** Best rated first; clinics with fewer than three reviews show no rating and come last. */
        RATING,
        /** Cheapest session of the treatment first (needs {@code treatment}). */
        PRICE,
        /** Earliest free time for the treatment first (needs {@code treatment}). */
        SOONEST;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

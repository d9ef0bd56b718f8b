package com.clearskin.directory;

import com.clearskin.directory.SearchQuery.Point;
import com.clearskin.directory.SearchQuery.Sort;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Locale;

/**
 * Which listed clinics a search finds and in which order, one rule each. Plain Java: the facts of a
 * clinic come in a {@link Candidate}, whatever read them.
 */
public final class DirectoryRanking {

    /** A clinic as the search weighs it; {@code ratingAverage} null under three reviews. */
    public record Candidate(String slug, String name, String city, double latitude, double longitude,
            Double ratingAverage, int ratingCount, BigDecimal priceMin, OffsetDateTime nextAvailable) {
    }

    private DirectoryRanking() {
    }

    /** The great-circle distance from the client, in km rounded to 0.1 (null without a position). */
    public static Double distanceKm(Point near, double latitude, double longitude) {
        if (near == null) {
            return null;
        }
        double km = GreatCircle.distanceKm(near.latitude(), near.longitude(), latitude, longitude);
        return Math.round(km * 10) / 10.0;
    }

    /** Within the radius: no position asked, or the clinic no farther than {@code radiusKm}. */
    static boolean withinRadius(Point near, Double radiusKm, double latitude, double longitude) {
        if (near == null || radiusKm == null) {
            return true;
        }
        return GreatCircle.distanceKm(near.latitude(), near.longitude(), latitude, longitude) <= radiusKm;
    }

    /** The words of {@code q}, each found (ignoring case) in the clinic's name or city. */
    static boolean matchesWords(String q, String name, String city) {
        if (q == null || q.isBlank()) {
            return true;
        }
        String haystack = (name + " " + city).toLowerCase(Locale.ROOT);
        for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** A typed place matches a listed clinic's city when they are the same words, ignoring case and accents. */
    public static boolean samePlace(String typed, String city) {
        return typed != null && city != null && fold(typed).equals(fold(city));
    }

    /** Not dearer than asked: the session's lowest price at most {@code maxPrice} (an unpriced one is not found). */
    static boolean withinPrice(BigDecimal maxPrice, BigDecimal priceMin) {
        if (maxPrice == null) {
            return true;
        }
        return priceMin != null && priceMin.compareTo(maxPrice) <= 0;
    }

    /** Free in time: a free start on or before {@code availableBy} (in the clinic's own calendar). */
    static boolean availableBy(LocalDate availableBy, OffsetDateTime nextAvailable) {
        if (availableBy == null) {
            return true;
        }
        return nextAvailable != null && !nextAvailable.toLocalDate().isAfter(availableBy);
    }

    /** The order asked for; ties go to the better rated, then by name, so that pages are stable. */
    static Comparator<Candidate> order(Sort sort, Point near) {
        Comparator<Candidate> byRating = Comparator
                .comparing(Candidate::ratingAverage, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
                .thenComparing(Comparator.comparingInt(Candidate::ratingCount).reversed());
        Comparator<Candidate> byName = Comparator.comparing(Candidate::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Candidate::slug);
        Comparator<Candidate> first = switch (sort) {
            case DISTANCE -> Comparator.comparingDouble(
                    c -> GreatCircle.distanceKm(near.latitude(), near.longitude(), c.latitude(), c.longitude()));
            case RATING -> byRating;
            case PRICE -> Comparator.comparing(Candidate::priceMin, Comparator.nullsLast(Comparator.naturalOrder()));
            case SOONEST -> Comparator.comparing(Candidate::nextAvailable,
                    Comparator.nullsLast(Comparator.comparing(OffsetDateTime::toInstant)));
        };
        return first.thenComparing(byRating).thenComparing(byName);
    }

    private static String fold(String text) {
        return java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

package com.clearskin.reviews;

import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.RuleRefusedException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The rules of a review from a real visit, one method each (the table in docs/directory.md names
 * their sources).
 */
public final class ReviewRules {

    /** How long after the visit was completed its client may review it. */
    public static final Duration WINDOW = Duration.ofDays(90);
    /** The longest review text, and the longest reply. */
    public static final int MAX_TEXT = 2000;
    /** Fewer reviews than this show their count, never an average: one or two opinions are not a rating. */
    public static final int MIN_FOR_AVERAGE = 3;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

    private ReviewRules() {
    }

    /** A rating is a whole number of stars from 1 to 5. */
    public static int rating(Integer rating) {
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "is a whole number from 1 to 5");
        }
        return rating;
    }

    /** The text is kept exactly as typed (shown escaped), at most 2,000 characters; none is an empty text. */
    public static String text(String field, String text) {
        String value = text == null ? "" : text;
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "is at most " + MAX_TEXT + " characters (it has " + value.length() + ")");
        }
        return value;
    }

    /** A reply says something: 1 to 2,000 characters. */
    public static String reply(String text) {
        String value = text("text", text);
        if (value.isBlank()) {
            throw new InvalidInputException("text", "is required: what the clinic answers");
        }
        return value;
    }

    /** Only the client of a completed visit reviews it: any other visit is refused (403). */
    public static Instant completedVisit(boolean theirs, Instant completedAt) {
        if (!theirs) {
            throw new ForbiddenException("Only the client of a visit may review it.");
        }
        if (completedAt == null) {
            throw new ForbiddenException("A visit can be reviewed once it is completed.");
        }
        return completedAt;
    }

    /** A review is written within 90 days of the visit's completion; later, it is refused (422). */
    public static void withinWindow(Instant completedAt, Instant now) {
        if (now.isAfter(completedAt.plus(WINDOW))) {
            throw new RuleRefusedException("review-window-closed", "A visit can be reviewed within "
                    + WINDOW.toDays() + " days of it; this one was completed on " + completedAt + ".", null);
        }
    }

    /** The average of the ratings, rounded to 0.1, only from three reviews on (null below). */
    public static Double average(List<Integer> ratings) {
        if (ratings.size() < MIN_FOR_AVERAGE) {
            return null;
        }
        double mean = ratings.stream().mapToInt(Integer::intValue).average().orElseThrow();
        return Math.round(mean * 10) / 10.0;
    }

    /** How many reviews gave each number of stars, 1 to 5 (index 0 is one star). */
    public static int[] distribution(List<Integer> ratings) {
        int[] counts = new int[5];
        ratings.forEach(r -> counts[r - 1]++);
        return counts;
    }

    /** "Verified visit: Extraction facial, Nov 2026" (the treatment when known, the month in the clinic's zone). */
    public static String verifiedVisit(String treatmentName, Instant completedAt, ZoneId zone) {
        String month = MONTH.format(completedAt.atZone(zone));
        return "Verified visit: " + (treatmentName == null || treatmentName.isBlank() ? "" : treatmentName + ", ") + month;
    }
}

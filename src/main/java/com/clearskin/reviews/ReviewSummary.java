package com.clearskin.reviews;

import java.util.List;

/**
 * A clinic's reviews in numbers: how many, the average (null under three reviews) and how many gave
 * each number of stars ({@code distribution.get(0)} is one star).
 */
public record ReviewSummary(Double average, int count, List<Integer> distribution) {

    public ReviewSummary {
        distribution = List.copyOf(distribution);
    }

    static ReviewSummary of(List<Integer> ratings) {
        int[] counts = ReviewRules.distribution(ratings);
        return new ReviewSummary(ReviewRules.average(ratings), ratings.size(),
                List.of(counts[0], counts[1], counts[2], counts[3], counts[4]));
    }

    public static ReviewSummary none() {
        return of(List.of());
    }
}

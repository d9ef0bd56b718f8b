package com.clearskin.directory;

import com.clearskin.branding.ClinicProfile;
import com.clearskin.clinics.Clinic;
import com.clearskin.resources.WeeklyHours;
import com.clearskin.reviews.Review;
import com.clearskin.reviews.ReviewSummary;
import java.math.BigDecimal;
import java.util.List;

/**
 * A listed clinic's public profile: where it is, when it is open, who works there with which
 * qualification and licence standing, what it offers at which price (and what a typical course
 * costs), and its reviews from real visits.
 */
public record PublicProfile(Clinic clinic, ClinicProfile face, DirectoryListing listing, List<WeeklyHours> openingHours,
        List<Member> team, List<Offer> treatments, ReviewSummary summary, List<Review> reviews,
        boolean licencesVerified, HygieneRecord.Shown hygiene) {

    /** A practitioner as the public sees them: never a licence number or document. */
    public record Member(String name, String qualification, String licenceStatus, boolean licenceCounts,
            List<PractitionerCredentials.Credential> licences) {
    }

    /**
     * A treatment: one session's price range, and a typical course (sessions, and its cost from the
     * least sessions at the lowest price to the most at the highest; null maxima: open-ended).
     */
    public record Offer(String code, String name, String summary, String currency, BigDecimal priceMin,
            BigDecimal priceMax, Integer sessionsMin, Integer sessionsMax, BigDecimal courseMin, BigDecimal courseMax,
            boolean bookable) {
    }
}

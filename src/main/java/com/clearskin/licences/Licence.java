package com.clearskin.licences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A practitioner's licence as kept, with the platform reviewer's latest decision on it (null while
 * none was made). The document itself is read apart ({@link Licences#document}).
 */
public record Licence(UUID id, UUID clinicId, UUID practitionerId, LicenceType type, String number,
        String jurisdiction, LocalDate expiresOn, String documentType, int documentBytes, Instant createdAt,
        UUID createdBy, Decision decision) {

    /** A platform reviewer's decision: verified or rejected, the note, who and when. */
    public record Decision(UUID id, Review review, String note, Instant decidedAt, UUID decidedBy) {
    }

    /** Where the review stands: the latest decision, else pending. */
    public Review review() {
        return decision == null ? Review.PENDING : decision.review();
    }

    /** The facts the rules read. */
    public LicenceRules.Fact fact() {
        return new LicenceRules.Fact(type, expiresOn, review());
    }

    /** The status shown on {@code day}: expired once past its expiry date, else pending, verified or rejected. */
    public String status(LocalDate day) {
        return LicenceRules.expired(fact(), day) ? "expired" : review().code();
    }

    /** Whether the licence counts on {@code day}: verified and not expired. */
    public boolean counts(LocalDate day) {
        return LicenceRules.counts(fact(), day);
    }
}

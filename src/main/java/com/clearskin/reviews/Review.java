package com.clearskin.reviews;

import java.time.Instant;
import java.util.UUID;

/**
 * A review as everyone sees it: the stars, the text exactly as the client typed it (pages escape
 * it), the verified visit it is about ("Verified visit: Extraction facial, Nov 2026"), who performed
 * it when known, and the clinic's one reply if any. The author is shown only as a verified client.
 */
public record Review(UUID id, int rating, String text, String verifiedVisit, String treatment, String treatmentName,
        String practitioner, Instant createdAt, Reply reply) {

    /** The clinic's public answer. */
    public record Reply(String text, Instant createdAt) {
    }
}

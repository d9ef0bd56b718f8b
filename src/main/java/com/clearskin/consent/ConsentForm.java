package com.clearskin.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a clinic's consent form: what the client reads and signs, and how long a signature holds. */
public record ConsentForm(UUID id, String title, List<String> treatments, int version, String text, int validMonths,
        Instant createdAt, UUID createdBy) {

    public ConsentForm {
        treatments = List.copyOf(treatments);
    }

    /** The SHA-256 of this version's text: what a signature of it records. */
    public String sha256() {
        return ConsentRules.documentSha256(text);
    }
}

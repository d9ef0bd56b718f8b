package com.clearskin.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed consent with its evidence: who signed (the client, by name and typed signature, perhaps
 * drawn), that they agreed, when, from which address and browser, the SHA-256 of the exact text,
 * who submitted it and who witnessed it on the clinic's tablet; and its withdrawal, if any.
 */
public record Signature(UUID id, UUID formId, int formVersion, String title, UUID clientId, UUID appointmentId,
        String signerName, String typedSignature, boolean drawn, Instant signedAt, Instant validUntil, String ip,
        String userAgent, String documentSha256, UUID signedBy, UUID witnessId, PhotoConsent photos, Withdrawal withdrawal) {

    /** A withdrawal: recorded, never a deletion. */
    public record Withdrawal(Instant at, UUID by, String reason) {
    }

    public boolean withdrawn() {
        return withdrawal != null;
    }

    /** valid, expired or withdrawn, at {@code now}. */
    public String status(Instant now) {
        return ConsentRules.status(now, validUntil, withdrawn());
    }

    /** What this signature's photo answers allow, read on their own. */
    public PhotoPermission photoPermission() {
        return photos == null ? PhotoPermission.NOT_ASKED : PhotoPermission.of(photos.record(), photos.marketing());
    }

    public boolean holds(Instant now) {
        return ConsentRules.holds(now, validUntil, withdrawn());
    }
}

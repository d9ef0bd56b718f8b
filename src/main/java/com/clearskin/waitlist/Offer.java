package com.clearskin.waitlist;

import java.time.Instant;
import java.util.UUID;

/**
 * A freed time held for one client until {@code expiresAt}: the start to book, with which
 * practitioner, and the opening (the released appointment's time) it comes from. It does not
 * reserve the slot: accepting books it under the usual rules, or finds it gone.
 */
public record Offer(UUID openingId, Instant start, UUID practitionerId, Instant expiresAt) {

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

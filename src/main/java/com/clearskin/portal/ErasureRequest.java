package com.clearskin.portal;

import com.clearskin.platform.ConflictException;
import java.time.Instant;
import java.util.UUID;

/** A client's request to erase their data, and the clinic's decision with what was erased and kept. */
public record ErasureRequest(UUID id, UUID clientId, Instant requestedAt, String note, ErasureStatus status,
        Instant decidedAt, String decision) {

    /** Refuses to decide a request twice. */
    public void requireOpen() {
        if (!status.decidable()) {
            throw new ConflictException("This erasure request was already " + status.label().toLowerCase()
                    + " on " + decidedAt + ".");
        }
    }
}

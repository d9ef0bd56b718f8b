package com.clearskin.clients;

import java.util.UUID;

/**
 * Published in the transaction that erases a client's personal data, so that every module drops
 * what it holds for them that the law does not require to keep (future appointments, waitlist
 * places, calendar feeds, the portal sign-in).
 */
public record ClientErased(UUID clinicId, UUID clientId, UUID userId) {
}

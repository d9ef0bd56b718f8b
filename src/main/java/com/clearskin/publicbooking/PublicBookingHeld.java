package com.clearskin.publicbooking;

import java.util.UUID;

/**
 * A new client's booking on the public page holds its time (published in the booking's
 * transaction, on the request's thread): for modules that attribute it, such as referrals.
 */
public record PublicBookingHeld(UUID clinicId, UUID appointmentId, UUID clientId) {
}

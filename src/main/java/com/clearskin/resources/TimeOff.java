package com.clearskin.resources;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A practitioner's time off, with the offsets of the clinic's zone. */
public record TimeOff(UUID id, UUID practitionerId, OffsetDateTime startsAt, OffsetDateTime endsAt, String reason) {
}

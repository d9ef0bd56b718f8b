package com.clearskin.sessions;

import java.time.Instant;
import java.util.UUID;

/** Published (in the signing transaction) when a practitioner signs a session's clinical record. */
public record SessionSigned(UUID clinicId, UUID sessionId, UUID appointmentId, String treatment, Instant signedAt) {
}

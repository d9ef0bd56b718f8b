package com.clearskin.followups;

import java.time.Instant;
import java.util.UUID;

/** One follow-up message around a visit: what, when it falls due, when it may go out, and where it stands. */
public record FollowUp(UUID id, UUID clinicId, UUID appointmentId, UUID clientId, FollowUpKind kind, Instant dueAt,
        Instant sendAt, String status, String channel, Instant sentAt) {
}

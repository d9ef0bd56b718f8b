package com.clearskin.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded access to a client's data: who (actor and their role in the clinic; no actor for
 * the system itself), which client, what, when and from where. {@code id} orders a clinic's events.
 */
public record AuditEvent(long id, UUID clinicId, Instant at, UUID actorId, String actorName, String actorRole,
        UUID clientId, String clientName, AuditAction action, String resource, String detail, String ip,
        String userAgent, String path, AuditOutcome outcome) {
}

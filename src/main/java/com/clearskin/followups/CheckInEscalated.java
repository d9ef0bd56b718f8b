package com.clearskin.followups;

import java.util.UUID;

/** Published (in the check-in's transaction) when a client's answers open an escalation. */
public record CheckInEscalated(UUID clinicId, UUID escalationId, UUID appointmentId, String reasons) {
}

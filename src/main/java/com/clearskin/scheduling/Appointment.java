package com.clearskin.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A booked treatment: who, what, when (the treatment itself; buffers hold the resources around
 * it), with whom, where and with which device units, and where it stands.
 */
public record Appointment(UUID id, UUID clinicId, UUID clientId, String treatment, UUID practitionerId, UUID roomId,
        List<UUID> deviceIds, Instant start, Instant end, Instant blockedFrom, Instant blockedUntil,
        AppointmentStatus status, UUID courseId, String overrideReason, int revision, Instant createdAt) {

    public Appointment {
        deviceIds = List.copyOf(deviceIds);
    }
}

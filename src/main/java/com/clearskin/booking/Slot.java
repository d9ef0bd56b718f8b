package com.clearskin.booking;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A start time at which the treatment can be booked, with the practitioner, room and device units
 * that are free for it. Times carry the clinic's offset on that day.
 */
public record Slot(OffsetDateTime start, OffsetDateTime end, UUID practitionerId, UUID roomId, List<UUID> deviceIds) {

    public Slot {
        deviceIds = List.copyOf(deviceIds);
    }
}

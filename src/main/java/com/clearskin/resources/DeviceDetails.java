package com.clearskin.resources;

import java.time.Instant;
import java.util.UUID;

/** One device unit: booked by one appointment at a time. */
public record DeviceDetails(UUID id, String name, String type, boolean active, Instant createdAt) {
}

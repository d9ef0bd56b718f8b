package com.clearskin.resources;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A treatment room and what it offers (facial-bed, body-treatment-bed, laser-safe, ...). */
public record RoomDetails(UUID id, String name, List<String> capabilities, boolean active, Instant createdAt) {
}

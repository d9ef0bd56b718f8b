package com.clearskin.clinics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A clinic: the tenant every piece of clinic data belongs to, addressed by its slug. */
public record Clinic(UUID id, String slug, String name, ZoneId timeZone, String currency, String jurisdiction,
        Instant createdAt) {
}

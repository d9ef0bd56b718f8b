package com.clearskin.resources;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A practitioner as shown: the qualification (a catalog performer code), the account they sign in
 * with if linked, whether they take bookings, and their weekly shifts and breaks.
 */
public record PractitionerDetails(UUID id, String displayName, String qualification, UUID userId, String userName,
        boolean active, List<WeeklyHours> shifts, List<WeeklyHours> breaks, Instant createdAt) {
}

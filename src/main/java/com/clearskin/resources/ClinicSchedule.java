package com.clearskin.resources;

import java.time.Instant;
import java.util.List;

/**
 * The clinic's schedule as shown: its IANA time zone, booking settings and weekly opening hours.
 * {@code revision} grows with every change to any of the clinic's resources.
 */
public record ClinicSchedule(String timeZone, BookingSettings settings, List<WeeklyHours> openingHours, int revision,
        Instant updatedAt) {
}

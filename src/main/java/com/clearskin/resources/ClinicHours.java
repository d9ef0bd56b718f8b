package com.clearskin.resources;

import java.time.ZoneId;
import java.util.List;

/** When the clinic is open, in its own time zone, and the grid start times fall on. */
public record ClinicHours(ZoneId zone, int slotMinutes, List<WeeklyInterval> opening, List<DateSpan> closures) {

    public ClinicHours {
        if (slotMinutes < 5 || slotMinutes > 120 || 1440 % slotMinutes != 0) {
            throw new IllegalArgumentException("slotMinutes must divide a day and be 5-120: " + slotMinutes);
        }
        opening = List.copyOf(opening);
        closures = List.copyOf(closures);
    }
}

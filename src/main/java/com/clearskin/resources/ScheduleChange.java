package com.clearskin.resources;

import java.util.List;

/** The command that replaces the clinic's time zone, settings and opening hours at once. */
public record ScheduleChange(String timeZone, BookingSettings settings, List<WeeklyHours> openingHours) {
}

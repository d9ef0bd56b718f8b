package com.clearskin.resources;

import java.util.Locale;

/**
 * Opening hours, a shift or a break as it is entered and shown: a weekday ({@code monday} ..
 * {@code sunday}) and local times ({@code 09:00}). {@link ResourceInput} turns it into a
 * {@link WeeklyInterval}, naming each wrong field.
 */
public record WeeklyHours(String weekday, String start, String end) {

    public static WeeklyHours of(WeeklyInterval interval) {
        return new WeeklyHours(interval.weekday().name().toLowerCase(Locale.ROOT), interval.start().toString(),
                interval.end().toString());
    }
}

package com.clearskin.resources;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** A repeating interval of local time on one weekday: opening hours, a shift, a break. */
public record WeeklyInterval(DayOfWeek weekday, LocalTime start, LocalTime end) {

    public WeeklyInterval {
        Objects.requireNonNull(weekday, "weekday");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A weekly interval must start before it ends: " + start + "-" + end);
        }
    }
}

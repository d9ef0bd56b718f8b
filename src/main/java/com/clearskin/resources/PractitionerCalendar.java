package com.clearskin.resources;

import com.clearskin.catalog.Performer;
import java.util.List;
import java.util.UUID;

/** A practitioner as availability sees them: qualification, weekly shifts and breaks, and busy times. */
public record PractitionerCalendar(UUID id, Performer qualification, List<WeeklyInterval> shifts,
        List<WeeklyInterval> breaks, List<Busy> busy) {

    public PractitionerCalendar {
        shifts = List.copyOf(shifts);
        breaks = List.copyOf(breaks);
        busy = busy instanceof BusyTimes ? busy : List.copyOf(busy); // BusyTimes is immutable
    }
}

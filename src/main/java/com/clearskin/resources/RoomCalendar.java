package com.clearskin.resources;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A room: what it offers (facial-bed, body-treatment-bed, laser-safe, ...) and when it is taken. */
public record RoomCalendar(UUID id, Set<String> capabilities, List<Busy> busy) {

    public RoomCalendar {
        capabilities = Set.copyOf(capabilities);
        busy = busy instanceof BusyTimes ? busy : List.copyOf(busy); // BusyTimes is immutable
    }
}

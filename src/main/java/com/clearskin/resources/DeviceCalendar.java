package com.clearskin.resources;

import java.util.List;
import java.util.UUID;

/** One device unit of a type (steamer, microneedling-pen, ...) and when it is taken. */
public record DeviceCalendar(UUID id, String type, List<Busy> busy) {

    public DeviceCalendar {
        busy = busy instanceof BusyTimes ? busy : List.copyOf(busy); // BusyTimes is immutable
    }
}

package com.clearskin.resources;

import java.time.Instant;

/** A span of absolute time during which a resource is taken (an appointment with its buffers, time off). */
public record Busy(Instant start, Instant end) {

    public Busy {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("Busy time must start before it ends: " + start + "-" + end);
        }
    }
}

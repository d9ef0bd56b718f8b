package com.clearskin.resources;

import java.time.LocalDate;

/** Inclusive local dates: a closure, a waitlist window. */
public record DateSpan(LocalDate first, LocalDate last) {

    public DateSpan {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A date span must not end before it starts: " + first + ".." + last);
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}

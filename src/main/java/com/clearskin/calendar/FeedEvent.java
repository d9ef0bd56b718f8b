package com.clearskin.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * One appointment as a calendar feed shows it: when, what (the treatment, and for a practitioner the
 * client's first name: never a health answer), where, whether it still stands, its revision, and
 * when it last changed.
 */
public record FeedEvent(UUID appointmentId, Instant start, Instant end, String summary, String location,
        boolean cancelled, int revision, Instant updatedAt) {
}

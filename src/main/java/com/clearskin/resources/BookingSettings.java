package com.clearskin.resources;

/**
 * A clinic's booking settings: the grid start times fall on, how long before a start a booking
 * closes, how far ahead clients may book, until how many hours before a client may cancel, and
 * how long a waitlist offer is held.
 */
public record BookingSettings(Integer slotMinutes, Integer minNoticeMinutes, Integer horizonDays,
        Integer clientCancelHours, Integer waitlistOfferMinutes) {
}

package com.clearskin.resources;

/**
 * The command to record time off: local date-times in the clinic's zone ({@code 2026-12-24T13:00})
 * or with an explicit offset, and an optional reason.
 */
public record NewTimeOff(String startsAt, String endsAt, String reason) {
}

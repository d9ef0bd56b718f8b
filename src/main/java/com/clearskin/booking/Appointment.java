package com.clearskin.booking;

import com.clearskin.platform.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A booked treatment: who, what, when (the treatment itself; buffers hold the resources around
 * it), with whom, where and with which device units, and where it stands. The moves between
 * statuses are guarded here: an illegal one is refused (409), never written.
 */
public record Appointment(UUID id, UUID clinicId, UUID clientId, String treatment, UUID practitionerId, UUID roomId,
        List<UUID> deviceIds, Instant start, Instant end, Instant blockedFrom, Instant blockedUntil,
        AppointmentStatus status, UUID courseId, String overrideReason, int revision, Instant createdAt) {

    public Appointment {
        deviceIds = List.copyOf(deviceIds);
    }

    /** The client confirmed a hold from the link in their email: only a held appointment. */
    public Appointment confirmHold() {
        return moveTo(AppointmentStatus.BOOKED, "confirmed");
    }

    /** A hold that nobody confirmed in time gives its time back: only a held appointment. */
    public Appointment expireHold() {
        return moveTo(AppointmentStatus.EXPIRED, "expired");
    }

    /** The client has arrived: only a booked appointment. */
    public Appointment checkIn() {
        return moveTo(AppointmentStatus.CHECKED_IN, "checked in");
    }

    /** The treatment is done: only after check-in. */
    public Appointment complete() {
        return moveTo(AppointmentStatus.COMPLETED, "completed");
    }

    /** Gives the time back: only a booked appointment (one checked in is under way). */
    public Appointment cancel() {
        return moveTo(AppointmentStatus.CANCELLED, "cancelled");
    }

    /** The client did not come: only a booked appointment, and only once its start has passed. */
    public Appointment markNoShow(Instant now) {
        if (now.isBefore(start)) {
            throw new ConflictException("An appointment cannot be marked a no-show before it starts (" + start + ").");
        }
        return moveTo(AppointmentStatus.NO_SHOW, "marked a no-show");
    }

    /** Refuses (409) unless the appointment may still move to another time: only while booked. */
    public void requireReschedulable() {
        if (!status.canReschedule()) {
            throw new ConflictException("A " + describe(status) + " appointment cannot be rescheduled.");
        }
    }

    /** Moves to another time (and perhaps another practitioner, room and devices): only while booked. */
    public Appointment moveTo(UUID practitioner, UUID room, List<UUID> devices, Instant newStart, Instant newEnd,
            Instant newBlockedFrom, Instant newBlockedUntil) {
        requireReschedulable();
        return new Appointment(id, clinicId, clientId, treatment, practitioner, room, devices, newStart, newEnd,
                newBlockedFrom, newBlockedUntil, status, courseId, overrideReason, revision + 1, createdAt);
    }

    /** Whether the appointment holds its practitioner, room and devices. */
    public boolean active() {
        return status.holdsResources();
    }

    private Appointment moveTo(AppointmentStatus target, String verb) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("A " + describe(status) + " appointment cannot be " + verb + ".");
        }
        return new Appointment(id, clinicId, clientId, treatment, practitionerId, roomId, deviceIds, start, end,
                blockedFrom, blockedUntil, target, courseId, overrideReason, revision + 1, createdAt);
    }

    private static String describe(AppointmentStatus status) {
        return status.label().toLowerCase(Locale.ROOT);
    }
}

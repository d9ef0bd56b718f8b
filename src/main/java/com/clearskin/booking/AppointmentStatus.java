package com.clearskin.booking;

import com.clearskin.platform.Coded;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where an appointment stands. Booked becomes checked in, cancelled or no-show; checked in becomes
 * completed; completed, cancelled and no-show are final. Booked, checked in and completed hold their
 * practitioner, room and devices. Held is a booking made on the clinic's public page that waits for
 * the client's confirmation by email: it holds its resources until its hold ends (the database's
 * {@code hold_expires_at}), then becomes expired, or booked when confirmed in time.
 */
public enum AppointmentStatus implements Coded {
    HELD("Held, awaiting the client's confirmation"),
    BOOKED("Booked"),
    CHECKED_IN("Checked in"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled"),
    NO_SHOW("No-show"),
    EXPIRED("Hold expired");

    private final String label;

    AppointmentStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The statuses this one may move to. */
    public Set<AppointmentStatus> next() {
        return switch (this) {
            case HELD -> EnumSet.of(BOOKED, EXPIRED, CANCELLED);
            case BOOKED -> EnumSet.of(CHECKED_IN, CANCELLED, NO_SHOW);
            case CHECKED_IN -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED, NO_SHOW, EXPIRED -> EnumSet.noneOf(AppointmentStatus.class);
        };
    }

    public boolean canMoveTo(AppointmentStatus target) {
        return next().contains(target);
    }

    /** Only a booked appointment may move to another time. */
    public boolean canReschedule() {
        return this == BOOKED;
    }

    /** Whether the appointment holds its practitioner, room and devices (the database's rule too). */
    public boolean holdsResources() {
        return this == HELD || this == BOOKED || this == CHECKED_IN || this == COMPLETED;
    }

    public static Optional<AppointmentStatus> fromCode(String code) {
        return Coded.find(AppointmentStatus.class, code);
    }
}

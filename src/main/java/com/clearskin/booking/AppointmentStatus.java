package com.clearskin.booking;

import com.clearskin.platform.Coded;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where an appointment stands. Booked becomes checked in, cancelled or no-show; checked in becomes
 * completed; completed, cancelled and no-show are final. Booked, checked in and completed hold their
 * practitioner, room and devices.
 */
public enum AppointmentStatus implements Coded {
    BOOKED("Booked"),
    CHECKED_IN("Checked in"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled"),
    NO_SHOW("No-show");

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
            case BOOKED -> EnumSet.of(CHECKED_IN, CANCELLED, NO_SHOW);
            case CHECKED_IN -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED, NO_SHOW -> EnumSet.noneOf(AppointmentStatus.class);
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
        return this == BOOKED || this == CHECKED_IN || this == COMPLETED;
    }

    public static Optional<AppointmentStatus> fromCode(String code) {
        return Coded.find(AppointmentStatus.class, code);
    }
}

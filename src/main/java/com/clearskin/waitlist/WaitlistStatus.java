package com.clearskin.waitlist;

import com.clearskin.platform.Coded;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a waitlist entry stands. Waiting becomes offered (a freed time is held for the client),
 * cancelled, or expired (its window has passed); an offer becomes booked when accepted, or waiting
 * again when declined, left to lapse or taken meanwhile. Booked, expired and cancelled are final.
 */
public enum WaitlistStatus implements Coded {
    WAITING("Waiting"),
    OFFERED("Offered a time"),
    BOOKED("Booked"),
    EXPIRED("Window passed"),
    CANCELLED("Cancelled");

    private final String label;

    WaitlistStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public Set<WaitlistStatus> next() {
        return switch (this) {
            case WAITING -> EnumSet.of(OFFERED, CANCELLED, EXPIRED);
            case OFFERED -> EnumSet.of(BOOKED, WAITING, CANCELLED);
            case BOOKED, EXPIRED, CANCELLED -> EnumSet.noneOf(WaitlistStatus.class);
        };
    }

    public boolean canMoveTo(WaitlistStatus target) {
        return next().contains(target);
    }

    /** Still in line: waiting or holding an offer. */
    public boolean isOpen() {
        return this == WAITING || this == OFFERED;
    }

    public static Optional<WaitlistStatus> fromCode(String code) {
        return Coded.find(WaitlistStatus.class, code);
    }
}

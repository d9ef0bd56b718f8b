package com.clearskin.scheduling;

import java.time.LocalDate;

/**
 * What a treatment rule says of one booking: {@code excluded} refuses it outright; {@code caution}
 * refuses it unless staff override it with a recorded reason. {@code allowedFrom} is the first
 * local date the rule allows, or null when no date will.
 */
public record RuleFinding(String rule, Level level, String message, LocalDate allowedFrom) {

    public enum Level {
        EXCLUDED, CAUTION
    }

    public boolean excluded() {
        return level == Level.EXCLUDED;
    }
}

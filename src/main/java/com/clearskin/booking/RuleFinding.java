package com.clearskin.booking;

import java.time.LocalDate;

/**
 * What a treatment rule says of one booking: {@code excluded} refuses it outright; {@code caution}
 * refuses it unless staff override it with a recorded reason. {@code allowedFrom} is the first
 * local date the rule allows, or null when no date will. {@code neutralMessage} is set when the
 * message is drawn from the client's medical answers: the same finding in words that reveal no
 * answer, date or question, for a caller who may not read them (null: the message reveals none).
 */
public record RuleFinding(String rule, Level level, String message, LocalDate allowedFrom, String neutralMessage) {

    public enum Level {
        EXCLUDED, CAUTION
    }

    /** A finding whose message reveals nothing of the client's medical answers. */
    public RuleFinding(String rule, Level level, String message, LocalDate allowedFrom) {
        this(rule, level, message, allowedFrom, null);
    }

    public boolean excluded() {
        return level == Level.EXCLUDED;
    }

    /** Whether the message is drawn from the client's medical answers. */
    public boolean medical() {
        return neutralMessage != null;
    }

    /**
     * The finding as shown to a caller who may not read the client's medical answers: the rule and
     * its level in neutral words, without the first allowed date (it would tell when a medicine was
     * taken). A finding that reveals no answer stays as it is.
     */
    public RuleFinding withoutMedicalDetails() {
        return medical() ? new RuleFinding(rule, level, neutralMessage, null, null) : this;
    }

    /** The finding as shown to the caller: whole when they may read the client's medical answers. */
    public RuleFinding shownTo(boolean readsMedicalAnswers) {
        return readsMedicalAnswers ? this : withoutMedicalDetails();
    }
}

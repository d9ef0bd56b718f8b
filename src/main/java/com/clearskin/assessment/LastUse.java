package com.clearskin.assessment;

import java.time.LocalDate;
import java.util.Optional;

/** When a medicine was last taken: a date, never, or not known. Travels as "YYYY-MM-DD", "never" or null. */
public record LastUse(LocalDate date, boolean never) {

    public static final LastUse NEVER = new LastUse(null, true);
    public static final LastUse UNKNOWN = new LastUse(null, false);

    public static LastUse on(LocalDate date) {
        return new LastUse(date, false);
    }

    /**
     * The latest known last use from a later and an earlier answer: the later one when it is known
     * (a date, or "never": a later explicit answer corrects an earlier one), otherwise the earlier
     * one, which may be unknown too. Unknown is never read as "never".
     */
    public static LastUse latestKnown(LastUse later, LastUse earlier) {
        if (later == null || later.unknown()) {
            return earlier == null ? UNKNOWN : earlier;
        }
        return later;
    }

    public boolean unknown() {
        return date == null && !never;
    }

    public Optional<LocalDate> lastDate() {
        return Optional.ofNullable(date);
    }

    /** "never", the ISO date, or null: the JSON form. */
    public String json() {
        return never ? "never" : date == null ? null : date.toString();
    }
}

package com.clearskin.waitlist;

import com.clearskin.booking.Slot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The waitlist's rules, one method each: who is in line for an opening, in which order, which free
 * slot they are offered, and how long an offer stands.
 */
public final class WaitlistRules {

    /** First come, first served: by when the entry was made, then by id so that the order is total. */
    public static final Comparator<WaitlistEntry> LINE_ORDER =
            Comparator.comparing(WaitlistEntry::createdAt).thenComparing(WaitlistEntry::id);

    private WaitlistRules() {
    }

    /** Only an entry that is waiting (not already holding an offer) can be offered a time. */
    public static boolean isWaiting(WaitlistEntry entry) {
        return entry.status() == WaitlistStatus.WAITING;
    }

    /** The entry waits for the treatment the freed time was booked for. */
    public static boolean treatmentMatches(WaitlistEntry entry, Opening opening) {
        return entry.treatment().equals(opening.treatment());
    }

    /** The slot starts on a local date inside the entry's window, in the clinic's zone. */
    public static boolean windowCovers(WaitlistEntry entry, Instant slotStart, ZoneId zone) {
        return entry.window().contains(LocalDate.ofInstant(slotStart, zone));
    }

    /** An entry that named a practitioner is offered only that practitioner's time. */
    public static boolean practitionerFits(WaitlistEntry entry, UUID slotPractitioner) {
        return entry.practitionerId() == null || entry.practitionerId().equals(slotPractitioner);
    }

    /** An opening is offered to each entry at most once: declined, lapsed or taken, it moves on. */
    public static boolean notOfferedBefore(WaitlistEntry entry, Set<UUID> alreadyOffered) {
        return !alreadyOffered.contains(entry.id());
    }

    /** The slot reuses freed time: it overlaps the opening. */
    public static boolean slotUsesOpening(Slot slot, Opening opening) {
        return opening.overlaps(slot.start().toInstant(), slot.end().toInstant());
    }

    /**
     * Of the free slots, the one offered to this entry: in its window, with its practitioner, on the
     * freed time, starting nearest to the opening's start (the earlier of two equally near).
     */
    public static Optional<Slot> bestSlot(WaitlistEntry entry, Opening opening, List<Slot> freeSlots, ZoneId zone) {
        return freeSlots.stream()
                .filter(s -> slotUsesOpening(s, opening))
                .filter(s -> practitionerFits(entry, s.practitionerId()))
                .filter(s -> windowCovers(entry, s.start().toInstant(), zone))
                .min(Comparator.<Slot, Duration>comparing(s -> Duration.between(opening.start(), s.start().toInstant()).abs())
                        .thenComparing(s -> s.start().toInstant()));
    }

    /** An offer stands for the clinic's offer time, and never past the slot's own start. */
    public static Instant offerExpiry(Instant now, int offerMinutes, Instant slotStart) {
        Instant byClinic = now.plus(Duration.ofMinutes(offerMinutes));
        return byClinic.isBefore(slotStart) ? byClinic : slotStart;
    }

    /** An entry whose last day has passed in the clinic's zone leaves the line. */
    public static boolean windowHasPassed(WaitlistEntry entry, LocalDate today) {
        return entry.window().last().isBefore(today);
    }
}

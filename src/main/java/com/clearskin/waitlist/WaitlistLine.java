package com.clearskin.waitlist;

import com.clearskin.booking.Slot;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who gets an opening: the first entry in line that matches it and for whom a slot on the freed
 * time is free, with that slot.
 */
public final class WaitlistLine {

    public record Pick(WaitlistEntry entry, Slot slot) {
    }

    private WaitlistLine() {
    }

    /**
     * @param entries        the open entries (any order)
     * @param alreadyOffered entries that have had this opening already
     * @param freeSlots      the free slots of the opening's treatment on the opening's day, for a
     *                       practitioner (or any, given null); asked only for the entries it reaches
     */
    public static Optional<Pick> firstInLine(Opening opening, List<WaitlistEntry> entries, Set<UUID> alreadyOffered,
            Function<UUID, List<Slot>> freeSlots, ZoneId zone) {
        return entries.stream()
                .filter(WaitlistRules::isWaiting)
                .filter(e -> WaitlistRules.treatmentMatches(e, opening))
                .filter(e -> WaitlistRules.notOfferedBefore(e, alreadyOffered))
                .sorted(WaitlistRules.LINE_ORDER)
                .flatMap(e -> WaitlistRules.bestSlot(e, opening, freeSlots.apply(e.practitionerId()), zone).map(s -> new Pick(e, s)).stream())
                .findFirst();
    }
}

package com.clearskin.booking;

import com.clearskin.booking.PractitionerEligibility.Restriction;
import com.clearskin.booking.engine.AvailabilityEngine;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.resources.PractitionerCalendar;
import com.clearskin.resources.Requirement;
import com.clearskin.resources.ScheduleSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place booking asks the {@link PractitionerEligibility} beans: once per search (or booking)
 * it gets the restrictions of the qualified practitioners, then runs the engine over a snapshot
 * without those who may not be booked. A search whose days cross a practitioner's last bookable
 * day is run in stretches of days, each over the practitioners bookable on all of its days.
 */
@Component
class EligiblePractitioners {

    private final ObjectProvider<PractitionerEligibility> checks;

    EligiblePractitioners(ObjectProvider<PractitionerEligibility> checks) {
        this.checks = checks;
    }

    /** {@link AvailabilityEngine#search} without the practitioners who may not be booked on a day. */
    List<Slot> search(Clinic clinic, ScheduleSnapshot snapshot, Requirement requirement, LocalDate first, LocalDate last,
            UUID practitioner, Instant notBefore) {
        Map<UUID, Restriction> restricted = restrictions(clinic, snapshot, requirement, first);
        if (restricted.isEmpty()) {
            return AvailabilityEngine.search(snapshot, requirement, first, last, practitioner, notBefore);
        }
        TreeSet<LocalDate> starts = new TreeSet<>();
        starts.add(first);
        restricted.values().stream().map(Restriction::lastBookableDay)
                .filter(d -> d != null && !d.isBefore(first) && d.isBefore(last)).forEach(d -> starts.add(d.plusDays(1)));
        List<Slot> slots = new ArrayList<>();
        for (LocalDate from : starts) {
            LocalDate next = starts.higher(from);
            LocalDate to = next == null ? last : next.minusDays(1);
            slots.addAll(AvailabilityEngine.search(without(snapshot, restricted, to), requirement, from, to, practitioner,
                    notBefore));
        }
        return slots;
    }

    /**
     * {@link AvailabilityEngine#at} without the practitioners who may not be booked that day; a
     * practitioner asked for who may not, or a time that only such a practitioner has free, is
     * refused with the restriction's rule (422).
     */
    Optional<Slot> at(Clinic clinic, ScheduleSnapshot snapshot, Requirement requirement, Instant start,
            UUID practitioner) {
        LocalDate day = LocalDate.ofInstant(start, clinic.timeZone());
        Map<UUID, Restriction> restricted = restrictions(clinic, snapshot, requirement, day);
        if (restricted.isEmpty()) {
            return AvailabilityEngine.at(snapshot, requirement, start, practitioner);
        }
        Restriction asked = practitioner == null ? null : restricted.get(practitioner);
        if (asked != null && !asked.allows(day)) {
            throw new RuleRefusedException(asked.rule(), asked.message(), null);
        }
        Optional<Slot> slot = AvailabilityEngine.at(without(snapshot, restricted, day), requirement, start, practitioner);
        if (slot.isEmpty()) {
            Optional<Slot> withAnyone = AvailabilityEngine.at(snapshot, requirement, start, practitioner);
            if (withAnyone.isPresent()) {
                Restriction why = restricted.get(withAnyone.get().practitionerId());
                if (why != null) {
                    throw new RuleRefusedException(why.rule(), why.message(), null);
                }
            }
        }
        return slot;
    }

    private Map<UUID, Restriction> restrictions(Clinic clinic, ScheduleSnapshot snapshot, Requirement requirement,
            LocalDate from) {
        List<UUID> qualified = snapshot.practitioners().stream()
                .filter(p -> requirement.performers().contains(p.qualification())).map(PractitionerCalendar::id).toList();
        Map<UUID, Restriction> restricted = new HashMap<>();
        if (qualified.isEmpty()) {
            return restricted;
        }
        checks.orderedStream().forEach(check -> check.restrictions(clinic, requirement, qualified, from)
                .forEach((id, r) -> restricted.merge(id, r, EligiblePractitioners::stricter)));
        return restricted;
    }

    private static Restriction stricter(Restriction a, Restriction b) {
        if (a.lastBookableDay() == null) {
            return a;
        }
        return b.lastBookableDay() == null || b.lastBookableDay().isBefore(a.lastBookableDay()) ? b : a;
    }

    /** The snapshot without the practitioners who may not be booked on every day up to {@code through}. */
    private static ScheduleSnapshot without(ScheduleSnapshot snapshot, Map<UUID, Restriction> restricted,
            LocalDate through) {
        return new ScheduleSnapshot(snapshot.hours(), snapshot.practitioners().stream()
                .filter(p -> !restricted.containsKey(p.id()) || restricted.get(p.id()).allows(through)).toList(),
                snapshot.rooms(), snapshot.devices());
    }
}

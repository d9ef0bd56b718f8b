package com.clearskin.booking.web;

import com.clearskin.accounts.Accounts;
import com.clearskin.booking.AppointmentHistory;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.resources.ResourceNames;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The names and hours the calendar pages show beside appointments: practitioners, rooms, devices
 * and the opening hours of a weekday (from the resources module), clients, an appointment's
 * history, each through its owner's facade. One statement each, never one per appointment.
 */
@Component
class CalendarNames {

    /** A practitioner or a room as a calendar column. */
    record Named(UUID id, String name, boolean active) {
    }

    /** One status change of an appointment, as the history shows it. */
    record Event(Instant at, String byName, String fromStatus, String toStatus, Instant startsAt, String note) {
    }

    /** The opening hours of one weekday: the earliest opening and the latest closing, or null when closed. */
    record DayHours(LocalTime opens, LocalTime closes) {
    }

    private final ResourceNames resources;
    private final Clients clients;
    private final Accounts accounts;
    private final AppointmentHistory history;

    CalendarNames(ResourceNames resources, Clients clients, Accounts accounts, AppointmentHistory history) {
        this.resources = resources;
        this.clients = clients;
        this.accounts = accounts;
        this.history = history;
    }

    List<Named> practitioners(Clinic clinic) {
        return resources.practitioners(clinic).stream().map(n -> new Named(n.id(), n.name(), n.active())).toList();
    }

    List<Named> rooms(Clinic clinic) {
        return resources.rooms(clinic).stream().map(n -> new Named(n.id(), n.name(), n.active())).toList();
    }

    Map<UUID, String> devices(Clinic clinic) {
        return resources.devices(clinic);
    }

    /** Full names of the clients with these ids, in one statement. */
    Map<UUID, String> clients(Clinic clinic, Collection<UUID> ids) {
        return clients.names(clinic, ids);
    }

    DayHours hours(Clinic clinic, DayOfWeek weekday) {
        return resources.hours(clinic, weekday).map(h -> new DayHours(h.opens(), h.closes())).orElse(null);
    }

    List<Event> history(Clinic clinic, UUID appointment) {
        List<AppointmentHistory.Change> changes = history.of(clinic, appointment);
        Map<UUID, String> people = accounts.displayNames(
                changes.stream().map(AppointmentHistory.Change::by).filter(Objects::nonNull).distinct().toList());
        return changes.stream().map(c -> new Event(c.at(), c.by() == null ? null : people.get(c.by()), c.fromStatus(),
                c.toStatus(), c.startsAt(), c.note())).toList();
    }
}

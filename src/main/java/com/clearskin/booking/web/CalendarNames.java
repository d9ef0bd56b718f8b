package com.clearskin.booking.web;

import com.clearskin.clinics.Clinic;
import com.clearskin.resources.ResourceNames;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names and hours the calendar pages show beside appointments: practitioners, rooms, devices
 * and the opening hours of a weekday (from the resources module), clients, an appointment's
 * history. One statement each, never one per appointment.
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

    private final JdbcClient jdbc;
    private final ResourceNames resources;

    CalendarNames(JdbcClient jdbc, ResourceNames resources) {
        this.jdbc = jdbc;
        this.resources = resources;
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
        Map<UUID, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, first_name || ' ' || last_name as name from client where clinic_id = :clinic and id in (:ids)")
                .param("clinic", clinic.id()).param("ids", List.copyOf(ids))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    DayHours hours(Clinic clinic, DayOfWeek weekday) {
        return resources.hours(clinic, weekday).map(h -> new DayHours(h.opens(), h.closes())).orElse(null);
    }

    List<Event> history(Clinic clinic, UUID appointment) {
        return jdbc.sql("""
                select e.at, u.display_name, e.from_status, e.to_status, e.starts_at, e.note
                from appointment_event e left join app_user u on u.id = e.by_user
                where e.clinic_id = :clinic and e.appointment_id = :id order by e.seq""")
                .param("clinic", clinic.id()).param("id", appointment)
                .query((rs, i) -> new Event(rs.getTimestamp("at").toInstant(), rs.getString("display_name"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getString("note")))
                .list();
    }
}

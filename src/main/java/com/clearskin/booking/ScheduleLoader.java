package com.clearskin.booking;

import com.clearskin.clinics.Clinic;
import com.clearskin.resources.Busy;
import com.clearskin.resources.BusyTimes;
import com.clearskin.resources.DeviceCalendar;
import com.clearskin.resources.PractitionerCalendar;
import com.clearskin.resources.ResourceSnapshots;
import com.clearskin.resources.RoomCalendar;
import com.clearskin.resources.ScheduleSettings;
import com.clearskin.resources.ScheduleSnapshot;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Loads what availability needs about a clinic: the resources from {@link ResourceSnapshots}
 * (cached per revision) and the busy times of the searched window.
 *
 * <p>Statements per availability request (see BENCHMARKS.md): the settings and the treatment's
 * requirement in one ({@code Requirements#terms}), the busy times of the window in one
 * ({@link #snapshot}). The busy query reads the resources module's {@code practitioner_time_off}
 * in the same statement as the appointments, to keep it one round trip.
 */
@Service
public class ScheduleLoader {

    private static final UUID NONE = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final ResourceSnapshots resources;
    private final java.time.Clock clock;

    ScheduleLoader(JdbcClient jdbc, ResourceSnapshots resources, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.clock = clock;
    }

    /** The clinic's booking settings, or the defaults when it has no row. */
    public ScheduleSettings settings(Clinic clinic) {
        return resources.settings(clinic);
    }

    /** The clinic's resources (hours, practitioners, rooms, devices) with no busy times. */
    public ScheduleSnapshot resources(Clinic clinic, ScheduleSettings settings) {
        return resources.resources(clinic, settings);
    }

    /** Everything availability needs, with the busy times that touch [from, to). */
    public ScheduleSnapshot snapshot(Clinic clinic, ScheduleSettings settings, Instant from, Instant to) {
        return snapshot(clinic, settings, from, to, null);
    }

    /**
     * As {@link #snapshot(Clinic, ScheduleSettings, Instant, Instant)}, not counting the appointment
     * {@code ignoring} (one being moved; may be null).
     */
    public ScheduleSnapshot snapshot(Clinic clinic, ScheduleSettings settings, Instant from, Instant to,
            UUID ignoring) {
        ScheduleSnapshot resources = resources(clinic, settings);
        Map<UUID, BusyTimes.Builder> practitioners = new HashMap<>();
        Map<UUID, BusyTimes.Builder> rooms = new HashMap<>();
        Map<UUID, BusyTimes.Builder> devices = new HashMap<>();
        jdbc.sql("""
                select 0 as kind, practitioner_id as a, room_id as b, lower(blocked) as s, upper(blocked) as e
                from appointment
                where clinic_id = :clinic
                  and (status in ('booked', 'checked-in', 'completed')
                       or (status = 'held' and hold_expires_at > :now))
                  and starts_at > cast(:from as timestamptz) - interval '1 day'
                  and starts_at < cast(:to as timestamptz) + interval '1 day'
                  and blocked && tstzrange(:from, :to) and id <> :ignoring
                union all
                select 1, device_id, null, lower(blocked), upper(blocked)
                from appointment_device
                where clinic_id = :clinic and active and blocked && tstzrange(:from, :to)
                  and appointment_id <> :ignoring
                  and not exists (select 1 from appointment h
                                  where h.clinic_id = appointment_device.clinic_id
                                    and h.id = appointment_device.appointment_id
                                    and h.status = 'held' and h.hold_expires_at <= :now)
                union all
                select 2, practitioner_id, null, starts_at, ends_at
                from practitioner_time_off
                where clinic_id = :clinic and starts_at < :to and ends_at > :from""")
                .param("clinic", clinic.id()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("ignoring", ignoring == null ? NONE : ignoring)
                .param("now", Timestamp.from(clock.instant()))
                .query(rs -> {
                    int kind = rs.getInt(1);
                    UUID a = rs.getObject(2, UUID.class);
                    Instant start = rs.getTimestamp(4).toInstant();
                    Instant end = rs.getTimestamp(5).toInstant();
                    switch (kind) {
                        case 0 -> {
                            practitioners.computeIfAbsent(a, k -> new BusyTimes.Builder()).add(start, end);
                            rooms.computeIfAbsent(rs.getObject(3, UUID.class), k -> new BusyTimes.Builder())
                                    .add(start, end);
                        }
                        case 1 -> devices.computeIfAbsent(a, k -> new BusyTimes.Builder()).add(start, end);
                        default -> practitioners.computeIfAbsent(a, k -> new BusyTimes.Builder()).add(start, end);
                    }
                });
        return new ScheduleSnapshot(resources.hours(),
                resources.practitioners().stream().map(p -> new PractitionerCalendar(p.id(), p.qualification(),
                        p.shifts(), p.breaks(), busy(practitioners, p.id()))).toList(),
                resources.rooms().stream().map(r -> new RoomCalendar(r.id(), r.capabilities(),
                        busy(rooms, r.id()))).toList(),
                resources.devices().stream().map(d -> new DeviceCalendar(d.id(), d.type(),
                        busy(devices, d.id()))).toList());
    }

    private static List<Busy> busy(Map<UUID, BusyTimes.Builder> byResource, UUID id) {
        BusyTimes.Builder builder = byResource.get(id);
        return builder == null ? List.of() : builder.build();
    }
}

package com.clearskin.scheduling;

import com.clearskin.catalog.Performer;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.Coded;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Loads what availability needs about a clinic. The parts that change only when someone edits the
 * clinic's resources (hours, closures, practitioners with their shifts and breaks, rooms, devices)
 * are kept in memory per clinic and {@code clinic_schedule.revision}, which every resource change
 * bumps; so each request reads only the revision and the busy times of its window, and any number
 * of app instances stay correct without talking to each other.
 *
 * <p>Statements per availability request (see BENCHMARKS.md): the settings and the treatment's
 * requirement in one ({@link Requirements#terms}), the busy times of the window in one
 * ({@link #snapshot}). The static parts take six more statements, once per revision and instance.
 */
@Service
public class ScheduleLoader {

    private static final UUID NONE = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final java.time.Clock clock;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    ScheduleLoader(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Cached(int revision, ScheduleSnapshot resources) {
    }

    /** The clinic's booking settings, or the defaults when it has no row. */
    public ScheduleSettings settings(Clinic clinic) {
        return jdbc.sql("""
                select slot_minutes, min_notice_minutes, horizon_days, client_cancel_hours, waitlist_offer_minutes,
                       revision
                from clinic_schedule where clinic_id = :clinic""")
                .param("clinic", clinic.id())
                .query((rs, row) -> settings(rs)).optional().orElse(ScheduleSettings.DEFAULTS);
    }

    /** Reads settings from a row with the columns of clinic_schedule (null columns: the defaults). */
    static ScheduleSettings settings(ResultSet rs) throws SQLException {
        if (rs.getObject("slot_minutes") == null) {
            return ScheduleSettings.DEFAULTS;
        }
        return new ScheduleSettings(rs.getInt("slot_minutes"), rs.getInt("min_notice_minutes"),
                rs.getInt("horizon_days"), rs.getInt("client_cancel_hours"), rs.getInt("waitlist_offer_minutes"),
                rs.getInt("revision"));
    }

    /** The clinic's resources (hours, practitioners, rooms, devices) with no busy times. */
    public ScheduleSnapshot resources(Clinic clinic, ScheduleSettings settings) {
        if (!settings.stored()) {
            return loadResources(clinic, settings); // nothing tells when it changes: never cached
        }
        Cached cached = cache.get(clinic.id());
        if (cached != null && cached.revision() == settings.revision()) {
            return cached.resources();
        }
        ScheduleSnapshot resources = loadResources(clinic, settings);
        cache.put(clinic.id(), new Cached(settings.revision(), resources));
        return resources;
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

    private ScheduleSnapshot loadResources(Clinic clinic, ScheduleSettings settings) {
        UUID id = clinic.id();
        List<WeeklyInterval> opening = jdbc.sql(
                "select weekday, opens, closes from opening_hours where clinic_id = :clinic order by weekday, opens")
                .param("clinic", id)
                .query((rs, row) -> new WeeklyInterval(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class))).list();
        List<DateSpan> closures = jdbc.sql("select first_day, last_day from closure where clinic_id = :clinic")
                .param("clinic", id)
                .query((rs, row) -> new DateSpan(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate())).list();
        Map<UUID, List<WeeklyInterval>> shifts = weekly("practitioner_shift", id);
        Map<UUID, List<WeeklyInterval>> breaks = weekly("practitioner_break", id);
        List<PractitionerCalendar> practitioners = jdbc.sql("""
                select id, qualification from practitioner where clinic_id = :clinic and active order by created_at, id""")
                .param("clinic", id)
                .query((rs, row) -> {
                    UUID p = rs.getObject(1, UUID.class);
                    Performer qualification = Coded.find(Performer.class, rs.getString(2)).orElseThrow();
                    return new PractitionerCalendar(p, qualification, shifts.getOrDefault(p, List.of()),
                            breaks.getOrDefault(p, List.of()), List.of());
                }).list();
        List<RoomCalendar> rooms = jdbc.sql(
                "select id, capabilities from room where clinic_id = :clinic and active order by created_at, id")
                .param("clinic", id)
                .query((rs, row) -> new RoomCalendar(rs.getObject(1, UUID.class), texts(rs.getArray(2)), List.of()))
                .list();
        List<DeviceCalendar> devices = jdbc.sql(
                "select id, device_type from device where clinic_id = :clinic and active order by created_at, id")
                .param("clinic", id)
                .query((rs, row) -> new DeviceCalendar(rs.getObject(1, UUID.class), rs.getString(2), List.of()))
                .list();
        return new ScheduleSnapshot(new ClinicHours(clinic.timeZone(), settings.slotMinutes(), opening, closures),
                practitioners, rooms, devices);
    }

    /** Shifts or breaks of every practitioner of the clinic (the table name is one of two constants). */
    private Map<UUID, List<WeeklyInterval>> weekly(String table, UUID clinic) {
        Map<UUID, List<WeeklyInterval>> byPractitioner = new HashMap<>();
        jdbc.sql("select practitioner_id, weekday, starts, ends from " + table
                        + " where clinic_id = :clinic order by practitioner_id, weekday, starts")
                .param("clinic", clinic)
                .query(rs -> {
                    byPractitioner.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new WeeklyInterval(DayOfWeek.of(rs.getInt(2)), rs.getObject(3, LocalTime.class),
                                    rs.getObject(4, LocalTime.class)));
                });
        return byPractitioner;
    }

    static Set<String> texts(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (Object o : (Object[]) array.getArray()) {
            values.add((String) o);
        }
        return values;
    }
}

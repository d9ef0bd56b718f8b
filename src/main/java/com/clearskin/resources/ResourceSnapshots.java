package com.clearskin.resources;

import com.clearskin.catalog.Performer;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.Coded;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
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
 * What a clinic books with, as availability sees it: its booking settings and its resources (hours,
 * closures, practitioners with their shifts and breaks, rooms, devices), with no busy times. The
 * resources are kept in memory per clinic and {@code clinic_schedule.revision}, which every
 * resource change bumps; so a request reads only the revision, and any number of app instances
 * stay correct without talking to each other. Six statements load them, once per revision and
 * instance.
 */
@Service
public class ResourceSnapshots {

    private final JdbcClient jdbc;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    ResourceSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
    public static ScheduleSettings settings(ResultSet rs) throws SQLException {
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

    public static Set<String> texts(Array array) throws SQLException {
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

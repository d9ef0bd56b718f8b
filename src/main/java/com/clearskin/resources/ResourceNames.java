package com.clearskin.resources;

import com.clearskin.clinics.Clinic;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The names and hours that pages show beside appointments (practitioners, rooms, devices, the
 * opening hours of a weekday), one statement each, never one per appointment; lighter than
 * {@link ClinicResources}, which loads shifts and accounts too.
 */
@Service
public class ResourceNames {

    /** A practitioner, a room or a device by name; inactive ones are still named on old appointments. */
    public record Named(UUID id, String name, boolean active) {
    }

    /** The opening hours of one weekday: the earliest opening and the latest closing. */
    public record DayHours(LocalTime opens, LocalTime closes) {
    }

    private final JdbcClient jdbc;

    ResourceNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active first, then by name. */
    public List<Named> practitioners(Clinic clinic) {
        return jdbc.sql("""
                select id, display_name, active from practitioner where clinic_id = :clinic
                order by not active, lower(display_name), id""")
                .param("clinic", clinic.id())
                .query((rs, i) -> new Named(rs.getObject("id", UUID.class), rs.getString("display_name"),
                        rs.getBoolean("active"))).list();
    }

    public Optional<String> practitionerName(Clinic clinic, UUID id) {
        return jdbc.sql("select display_name from practitioner where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query(String.class).optional();
    }

    /** Active first, then by name. */
    public List<Named> rooms(Clinic clinic) {
        return jdbc.sql("select id, name, active from room where clinic_id = :clinic order by not active, lower(name), id")
                .param("clinic", clinic.id())
                .query((rs, i) -> new Named(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("active")))
                .list();
    }

    /** Device id to name, by name. */
    public Map<UUID, String> devices(Clinic clinic) {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from device where clinic_id = :clinic order by lower(name)")
                .param("clinic", clinic.id())
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    /** The clinic's opening hours on a weekday, or empty when it is closed that day. */
    public Optional<DayHours> hours(Clinic clinic, DayOfWeek weekday) {
        return jdbc.sql("""
                select min(opens) as opens, max(closes) as closes from opening_hours
                where clinic_id = :clinic and weekday = :weekday""")
                .param("clinic", clinic.id()).param("weekday", weekday.getValue())
                .query((rs, i) -> rs.getTime("opens") == null ? null
                        : new DayHours(rs.getTime("opens").toLocalTime(), rs.getTime("closes").toLocalTime()))
                .optional();
    }
}

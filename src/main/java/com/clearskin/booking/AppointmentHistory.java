package com.clearskin.booking;

import com.clearskin.clinics.Clinic;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The status changes of an appointment, oldest first, as they were recorded (append-only). */
@Service
public class AppointmentHistory {

    /** One status change: when, by whom (a user id, or null for the system), from and to which status, the start then. */
    public record Change(Instant at, UUID by, String fromStatus, String toStatus, Instant startsAt, String note) {
    }

    private final JdbcClient jdbc;

    AppointmentHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Change> of(Clinic clinic, UUID appointment) {
        return jdbc.sql("""
                select at, by_user, from_status, to_status, starts_at, note from appointment_event
                where clinic_id = :clinic and appointment_id = :id order by seq""")
                .param("clinic", clinic.id()).param("id", appointment)
                .query((rs, i) -> new Change(rs.getTimestamp("at").toInstant(), rs.getObject("by_user", UUID.class),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getString("note")))
                .list();
    }
}

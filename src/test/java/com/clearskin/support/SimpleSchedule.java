package com.clearskin.support;

import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.clinics.Clinic;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives a test clinic something to book: open every day 09:00-17:00, practitioners on shift all
 * those hours, rooms without special capabilities, and treatments bookable without devices or
 * buffers. Written with SQL, as the resource pages would store it.
 */
@Component
public class SimpleSchedule {

    private final JdbcClient jdbc;
    private final Clients clients;
    private final TestIntakes intakes;

    SimpleSchedule(JdbcClient jdbc, Clients clients, TestIntakes intakes) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.intakes = intakes;
    }

    /** Opening hours, the booking settings (waitlist offers stand {@code offerMinutes}) and bookable treatments. */
    public void open(Clinic clinic, int offerMinutes, String... treatments) {
        for (int day = 1; day <= 7; day++) {
            jdbc.sql("insert into opening_hours (clinic_id, weekday, opens, closes) values (:c, :d, '09:00', '17:00') "
                    + "on conflict do nothing").param("c", clinic.id()).param("d", day).update();
        }
        for (String code : treatments) {
            jdbc.sql("""
                    insert into treatment_requirement (clinic_id, treatment_code, bookable) values (:c, :t, true)
                    on conflict (clinic_id, treatment_code) do update set bookable = true, room_capabilities = '{}',
                        device_types = '{}', buffer_before_minutes = 0, buffer_after_minutes = 0""")
                    .param("c", clinic.id()).param("t", code).update();
        }
        jdbc.sql("""
                insert into clinic_schedule (clinic_id, slot_minutes, min_notice_minutes, horizon_days,
                                             client_cancel_hours, waitlist_offer_minutes, revision, updated_at)
                values (:c, 15, 60, 92, 0, :offer, 1, :now)
                on conflict (clinic_id) do update set waitlist_offer_minutes = :offer, client_cancel_hours = 0,
                       revision = clinic_schedule.revision + 1""")
                .param("c", clinic.id()).param("offer", offerMinutes).param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /** A practitioner on shift every day 09:00-17:00, optionally signing in as {@code userId}. */
    public UUID practitioner(Clinic clinic, String name, String qualification, UUID userId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into practitioner (clinic_id, id, user_id, display_name, qualification, created_at)
                values (:c, :id, :user, :name, :q, :now)""")
                .param("c", clinic.id()).param("id", id).param("user", userId).param("name", name)
                .param("q", qualification).param("now", Timestamp.from(Instant.now())).update();
        for (int day = 1; day <= 7; day++) {
            jdbc.sql("insert into practitioner_shift (clinic_id, practitioner_id, weekday, starts, ends) "
                    + "values (:c, :p, :d, '09:00', '17:00')").param("c", clinic.id()).param("p", id).param("d", day)
                    .update();
        }
        bump(clinic);
        return id;
    }

    public UUID room(Clinic clinic, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into room (clinic_id, id, name, created_at) values (:c, :id, :name, :now)")
                .param("c", clinic.id()).param("id", id).param("name", name)
                .param("now", Timestamp.from(Instant.now())).update();
        bump(clinic);
        return id;
    }

    /** A client with a healthy adult's intake on file, so that the booking rules let them book. */
    public Client client(Clinic clinic, String first, String last) {
        Client client = clients.create(clinic, new NewClient(first, last, null, null, null));
        intakes.recordHealthy(clinic, client);
        return client;
    }

    /** Links a client record to the account that signs in as it. */
    public void link(Clinic clinic, UUID clientId, String email) {
        jdbc.sql("update client set user_id = (select id from app_user where email = :email) "
                + "where clinic_id = :c and id = :id").param("email", email).param("c", clinic.id())
                .param("id", clientId).update();
    }

    /** Resource changes bump the schedule revision, so that cached resources are read again. */
    private void bump(Clinic clinic) {
        jdbc.sql("update clinic_schedule set revision = revision + 1 where clinic_id = :c").param("c", clinic.id())
                .update();
    }
}

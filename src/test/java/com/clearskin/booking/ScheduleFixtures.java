package com.clearskin.booking;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.clinics.NewClinic;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestClinics;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scheduling data for tests, written with SQL: a clinic in any time zone with one person per role,
 * its booking settings, hours, practitioners, rooms, devices, what a treatment needs, clients.
 * Every change bumps clinic_schedule.revision, as the resource admin does.
 */
@Component
public class ScheduleFixtures {

    @org.springframework.beans.factory.annotation.Autowired
    com.clearskin.support.TestIntakes intakes;
    @org.springframework.beans.factory.annotation.Autowired
    com.clearskin.clients.Clients clients;

    private final JdbcClient jdbc;
    private final Clinics clinics;
    private final Accounts accounts;

    ScheduleFixtures(JdbcClient jdbc, Clinics clinics, Accounts accounts) {
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.accounts = accounts;
    }

    /** A fresh clinic in {@code zone} with one person per role (password TestClinics.PASSWORD). */
    public TestClinic open(String zone) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Clinic clinic = clinics.open(new NewClinic("s-" + id, "Schedule Clinic " + id, zone, "USD", null));
        Map<Role, String> emails = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String email = role.code() + "-" + id + "@schedule.test";
            accounts.addMember(clinic.id(), accounts.register(email, role.label() + " " + id, TestClinics.PASSWORD), role);
            emails.put(role, email);
        }
        return new TestClinic(clinic, emails);
    }

    /** Booking settings; the revision goes up. */
    /**
     * A clinic ready to book extraction facials every day 09:00-17:00 on a 15-minute grid, a year
     * ahead, cancellable up to 24 h before: one esthetician (Anna), a facial bed and a steamer.
     */
    public void facialsEveryDay(Clinic clinic) {
        settings(clinic, 15, 0, 365, 24);
        openEveryDay(clinic, "09:00", "17:00");
        practitioner(clinic, "Anna", "esthetician", "09:00", "17:00");
        room(clinic, "Room 1", "facial-bed");
        device(clinic, "Steamer 1", "steamer");
        requirement(clinic, "extraction-facial", List.of("facial-bed"), List.of("steamer"), 0, 15);
    }

    public void settings(Clinic clinic, int slotMinutes, int minNoticeMinutes, int horizonDays, int clientCancelHours) {
        jdbc.sql("""
                insert into clinic_schedule (clinic_id, slot_minutes, min_notice_minutes, horizon_days,
                                             client_cancel_hours, updated_at)
                values (:clinic, :slot, :notice, :horizon, :cancel, now())
                on conflict (clinic_id) do update set slot_minutes = excluded.slot_minutes,
                    min_notice_minutes = excluded.min_notice_minutes, horizon_days = excluded.horizon_days,
                    client_cancel_hours = excluded.client_cancel_hours, revision = clinic_schedule.revision + 1,
                    updated_at = now()""")
                .param("clinic", clinic.id()).param("slot", slotMinutes).param("notice", minNoticeMinutes)
                .param("horizon", horizonDays).param("cancel", clientCancelHours).update();
    }

    public void bump(Clinic clinic) {
        jdbc.sql("""
                insert into clinic_schedule (clinic_id, updated_at) values (:clinic, now())
                on conflict (clinic_id) do update set revision = clinic_schedule.revision + 1, updated_at = now()""")
                .param("clinic", clinic.id()).update();
    }

    /** Open every day of the week from..to (local time). */
    public void openEveryDay(Clinic clinic, String from, String to) {
        for (int day = 1; day <= 7; day++) {
            jdbc.sql("""
                    insert into opening_hours (clinic_id, weekday, opens, closes) values (:clinic, :day, :opens, :closes)
                    on conflict (clinic_id, weekday, opens) do update set closes = excluded.closes""")
                    .param("clinic", clinic.id()).param("day", day).param("opens", LocalTime.parse(from))
                    .param("closes", LocalTime.parse(to)).update();
        }
        bump(clinic);
    }

    /** A practitioner on shift every day from..to (local time). */
    public UUID practitioner(Clinic clinic, String name, String qualification, String from, String to) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into practitioner (clinic_id, id, display_name, qualification, created_at)
                values (:clinic, :id, :name, :qualification, clock_timestamp())""")
                .param("clinic", clinic.id()).param("id", id).param("name", name)
                .param("qualification", qualification).update();
        for (int day = 1; day <= 7; day++) {
            jdbc.sql("""
                    insert into practitioner_shift (clinic_id, practitioner_id, weekday, starts, ends)
                    values (:clinic, :id, :day, :starts, :ends)""")
                    .param("clinic", clinic.id()).param("id", id).param("day", day)
                    .param("starts", LocalTime.parse(from)).param("ends", LocalTime.parse(to)).update();
        }
        bump(clinic);
        return id;
    }

    public void timeOff(Clinic clinic, UUID practitioner, Instant from, Instant to) {
        jdbc.sql("""
                insert into practitioner_time_off (clinic_id, id, practitioner_id, starts_at, ends_at)
                values (:clinic, :id, :practitioner, :from, :to)""")
                .param("clinic", clinic.id()).param("id", UUID.randomUUID()).param("practitioner", practitioner)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).update();
    }

    public UUID room(Clinic clinic, String name, String... capabilities) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into room (clinic_id, id, name, capabilities, created_at)
                values (:clinic, :id, :name, :capabilities, clock_timestamp())""")
                .param("clinic", clinic.id()).param("id", id).param("name", name)
                .param("capabilities", capabilities).update();
        bump(clinic);
        return id;
    }

    public UUID device(Clinic clinic, String name, String type) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into device (clinic_id, id, name, device_type, created_at)
                values (:clinic, :id, :name, :type, clock_timestamp())""")
                .param("clinic", clinic.id()).param("id", id).param("name", name).param("type", type).update();
        bump(clinic);
        return id;
    }

    /** What booking {@code treatment} needs (replaces an earlier row). */
    public void requirement(Clinic clinic, String treatment, List<String> roomCapabilities, List<String> deviceTypes,
            int bufferBefore, int bufferAfter) {
        jdbc.sql("""
                insert into treatment_requirement (clinic_id, treatment_code, bookable, room_capabilities, device_types,
                                                   buffer_before_minutes, buffer_after_minutes)
                values (:clinic, :code, true, :rooms, :devices, :before, :after)
                on conflict (clinic_id, treatment_code) do update set bookable = true,
                    room_capabilities = excluded.room_capabilities, device_types = excluded.device_types,
                    buffer_before_minutes = excluded.buffer_before_minutes,
                    buffer_after_minutes = excluded.buffer_after_minutes,
                    revision = treatment_requirement.revision + 1""")
                .param("clinic", clinic.id()).param("code", treatment)
                .param("rooms", roomCapabilities.toArray(String[]::new))
                .param("devices", deviceTypes.toArray(String[]::new))
                .param("before", bufferBefore).param("after", bufferAfter).update();
        bump(clinic);
    }

    public void notBookable(Clinic clinic, String treatment) {
        jdbc.sql("""
                insert into treatment_requirement (clinic_id, treatment_code, bookable) values (:clinic, :code, false)
                on conflict (clinic_id, treatment_code) do update set bookable = false,
                    revision = treatment_requirement.revision + 1""")
                .param("clinic", clinic.id()).param("code", treatment).update();
        bump(clinic);
    }

    public UUID client(Clinic clinic, String firstName, String lastName) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into client (clinic_id, id, first_name, last_name, created_at)
                values (:clinic, :id, :first, :last, now())""")
                .param("clinic", clinic.id()).param("id", id).param("first", firstName).param("last", lastName)
                .update();
        // a healthy adult's intake on file, so that the booking rules let them book
        intakes.recordHealthy(clinic, clients.find(clinic, id).orElseThrow());
        return id;
    }

    /** A client record that the person with this email signs in as. */
    public UUID clientFor(Clinic clinic, String email) {
        UUID id = client(clinic, "Client", email.substring(0, email.indexOf('@')));
        jdbc.sql("update client set user_id = (select id from app_user where lower(email) = lower(:email)) "
                        + "where clinic_id = :clinic and id = :id")
                .param("email", email).param("clinic", clinic.id()).param("id", id).update();
        return id;
    }

    /** A booked appointment written directly (e.g. one whose start has passed), with no devices. */
    public UUID appointment(Clinic clinic, UUID client, String treatment, UUID practitioner, UUID room, Instant start,
            Instant end) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into appointment (clinic_id, id, client_id, treatment_code, practitioner_id, room_id, starts_at,
                                         ends_at, blocked, status, created_at, updated_at)
                values (:clinic, :id, :client, :treatment, :practitioner, :room, :start, :end,
                        tstzrange(cast(:start as timestamptz), cast(:end as timestamptz)), 'booked', now(), now())""")
                .param("clinic", clinic.id()).param("id", id).param("client", client).param("treatment", treatment)
                .param("practitioner", practitioner).param("room", room).param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end)).update();
        return id;
    }

    /** Pairs of active appointments of the clinic that overlap on a practitioner, a room or a device unit. */
    public int overlaps(Clinic clinic) {
        return jdbc.sql("""
                select (select count(*) from appointment a join appointment b
                          on a.clinic_id = b.clinic_id and a.id < b.id and a.blocked && b.blocked
                         and (a.practitioner_id = b.practitioner_id or a.room_id = b.room_id)
                        where a.clinic_id = :clinic and a.status in ('booked', 'checked-in', 'completed')
                          and b.status in ('booked', 'checked-in', 'completed'))
                     + (select count(*) from appointment_device a join appointment_device b
                          on a.clinic_id = b.clinic_id and a.device_id = b.device_id
                         and a.appointment_id < b.appointment_id and a.blocked && b.blocked
                        where a.clinic_id = :clinic and a.active and b.active)""")
                .param("clinic", clinic.id()).query(Integer.class).single();
    }

    public int activeAppointments(Clinic clinic) {
        return jdbc.sql("""
                select count(*) from appointment
                where clinic_id = :clinic and status in ('booked', 'checked-in', 'completed')""")
                .param("clinic", clinic.id()).query(Integer.class).single();
    }
}

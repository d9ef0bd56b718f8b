package com.clearskin.booking;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.clinics.NewClinic;
import com.clearskin.resources.BookingSettings;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.ClinicSchedule;
import com.clearskin.resources.DeviceChange;
import com.clearskin.resources.NewTimeOff;
import com.clearskin.resources.PractitionerChange;
import com.clearskin.resources.PractitionerDetails;
import com.clearskin.resources.RequirementChange;
import com.clearskin.resources.RoomChange;
import com.clearskin.resources.RoomDetails;
import com.clearskin.resources.ScheduleChange;
import com.clearskin.resources.TreatmentRequirement;
import com.clearskin.resources.WeeklyHours;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestIntakes;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one test fixture for clinics that book: a fresh clinic (any time zone, one person per role),
 * and what it books with, written through the production services a clinic's admin uses
 * ({@link ClinicResources}, {@link Clients}, {@link ClientAccounts}, {@link ClientAssessments}), so
 * their rules and revision bumps apply. Only what no service can write is SQL: an appointment whose
 * start has passed, and the overlap count that the booking tests check the database with.
 */
@Component
public class ScheduleFixtures {

    /** The treatments {@link #forBookingRules()} makes bookable without room or device needs. */
    public static final List<String> RULES_TREATMENTS = List.of("microneedling", "chemical-peel", "extraction-facial",
            "deep-pore-cleansing", "led-therapy", "microdermabrasion");

    /** A clinic, its practitioner and room, and its two clients (the first is the client account's own). */
    public record Bookable(TestClinic clinic, PractitionerDetails practitioner, RoomDetails room, Client own,
            Client other) {
        public String slug() {
            return clinic.slug();
        }

        /** A Tuesday at least a week ahead in the clinic's zone: open 09:00-18:00 by default. */
        public LocalDate tuesday() {
            return LocalDate.now(clinic.clinic().timeZone()).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        }
    }

    private final JdbcClient jdbc;
    private final Clinics clinics;
    private final Accounts accounts;
    private final TestClinics testClinics;
    private final ClinicResources resources;
    private final Clients clients;
    private final ClientAccounts clientAccounts;
    private final ClientAssessments assessments;
    private final TestIntakes intakes;
    private final JsonMapper json;

    ScheduleFixtures(JdbcClient jdbc, Clinics clinics, Accounts accounts, TestClinics testClinics, ClinicResources resources,
            Clients clients, ClientAccounts clientAccounts, ClientAssessments assessments, TestIntakes intakes,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.accounts = accounts;
        this.testClinics = testClinics;
        this.resources = resources;
        this.clients = clients;
        this.clientAccounts = clientAccounts;
        this.assessments = assessments;
        this.intakes = intakes;
        this.json = json;
    }

    // ------------------------------------------------------------------ clinics

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

    /**
     * A fresh clinic (London) with its default hours and needs, one esthetician (Ella) on shift
     * 09:00-18:00 every day, a facial room, the client account's own client record (Chloe) and
     * another client (Maya), both with a healthy intake.
     */
    public Bookable bookable() {
        TestClinic clinic = testClinics.open();
        PractitionerDetails ella = resources.addPractitioner(clinic.clinic(),
                new PractitionerChange("Ella Esthetician", "esthetician", null, true, everyDay("09:00", "18:00"), List.of()));
        RoomDetails room = resources.addRoom(clinic.clinic(), new RoomChange("Garden room", List.of("facial-bed"), true));
        Client own = clients.create(clinic.clinic(), new NewClient("Chloe", "Client", "chloe@example.com", "", "1990-01-01"));
        Client other = clients.create(clinic.clinic(), new NewClient("Maya", "Lopez", "", "", "1988-03-04"));
        clientAccounts.link(clinic.clinic(), own.id(), accounts.findByEmail(clinic.email(Role.CLIENT)).orElseThrow());
        intakes.recordHealthy(clinic.clinic(), own);
        intakes.recordHealthy(clinic.clinic(), other);
        return new Bookable(clinic, ella, room, own, other);
    }

    /**
     * A fresh clinic for the booking rules' tests: open every day 08:00-20:00 on a 15-minute grid,
     * 200 days ahead, no notice; one physician (who may perform every treatment, Dr Test) on shift
     * then, one room, and {@link #RULES_TREATMENTS} bookable without devices or buffers.
     */
    public TestClinic forBookingRules() {
        TestClinic c = testClinics.open();
        Clinic clinic = c.clinic();
        resources.changeSchedule(clinic, new ScheduleChange(clinic.timeZone().getId(),
                with(resources.schedule(clinic).settings(), 15, 0, 200, null), everyDay("08:00", "20:00")));
        resources.addPractitioner(clinic, new PractitionerChange("Dr Test", "physician", null, true,
                everyDay("08:00", "20:00"), List.of()));
        resources.addRoom(clinic, new RoomChange("Room 1", List.of(), true));
        for (String code : RULES_TREATMENTS) {
            requirement(clinic, code, List.of(), List.of(), 0, 0);
        }
        return c;
    }

    /**
     * Something simple to book: open every day 09:00-17:00 on a 15-minute grid, 92 days ahead with an
     * hour's notice, cancellable until the start, waitlist offers standing {@code offerMinutes}, and
     * {@code treatments} bookable without rooms' capabilities, devices or buffers.
     */
    public void simpleEveryDay(Clinic clinic, int offerMinutes, String... treatments) {
        resources.changeSchedule(clinic, new ScheduleChange(clinic.timeZone().getId(),
                new BookingSettings(15, 60, 92, 0, offerMinutes), everyDay("09:00", "17:00")));
        for (String code : treatments) {
            requirement(clinic, code, List.of(), List.of(), 0, 0);
        }
    }

    // ------------------------------------------------------------------ schedule

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

    /** Booking settings (the waitlist's offer time kept); the revision goes up. */
    public void settings(Clinic clinic, int slotMinutes, int minNoticeMinutes, int horizonDays, int clientCancelHours) {
        ClinicSchedule now = resources.schedule(clinic);
        resources.changeSchedule(clinic, new ScheduleChange(now.timeZone(),
                with(now.settings(), slotMinutes, minNoticeMinutes, horizonDays, clientCancelHours), now.openingHours()));
    }

    /** Cached schedules are read again (what every resource change does). */
    public void bump(Clinic clinic) {
        jdbc.sql("""
                insert into clinic_schedule (clinic_id, updated_at) values (:clinic, now())
                on conflict (clinic_id) do update set revision = clinic_schedule.revision + 1, updated_at = now()""")
                .param("clinic", clinic.id()).update();
    }

    /** Open every day of the week from..to (local time), and at no other time. */
    public void openEveryDay(Clinic clinic, String from, String to) {
        ClinicSchedule now = resources.schedule(clinic);
        resources.changeSchedule(clinic, new ScheduleChange(now.timeZone(), now.settings(), everyDay(from, to)));
    }

    /** A practitioner on shift every day from..to (local time). */
    public UUID practitioner(Clinic clinic, String name, String qualification, String from, String to) {
        return resources.addPractitioner(clinic, new PractitionerChange(name, qualification, null, true,
                everyDay(from, to), List.of())).id();
    }

    /** A practitioner on shift every day 09:00-17:00, signing in as {@code userId} (or nobody). */
    public UUID practitioner(Clinic clinic, String name, String qualification, UUID userId) {
        return resources.addPractitioner(clinic, new PractitionerChange(name, qualification,
                userId == null ? null : userId.toString(), true, everyDay("09:00", "17:00"), List.of())).id();
    }

    public void timeOff(Clinic clinic, UUID practitioner, Instant from, Instant to) {
        resources.addTimeOff(clinic, practitioner.toString(), new NewTimeOff(from.toString(), to.toString(), null));
    }

    public UUID room(Clinic clinic, String name, String... capabilities) {
        return resources.addRoom(clinic, new RoomChange(name, List.of(capabilities), true)).id();
    }

    public UUID device(Clinic clinic, String name, String type) {
        return resources.addDevice(clinic, new DeviceChange(name, type, true)).id();
    }

    /** What booking {@code treatment} needs (replaces what it needed); bookable. */
    public void requirement(Clinic clinic, String treatment, List<String> roomCapabilities, List<String> deviceTypes,
            int bufferBefore, int bufferAfter) {
        resources.changeRequirement(clinic, treatment, new RequirementChange(true, roomCapabilities, deviceTypes,
                bufferBefore, bufferAfter));
    }

    public void notBookable(Clinic clinic, String treatment) {
        TreatmentRequirement now = resources.requirement(clinic, treatment);
        resources.changeRequirement(clinic, treatment, new RequirementChange(false, now.roomCapabilities(),
                now.deviceTypes(), now.bufferBeforeMinutes(), now.bufferAfterMinutes()));
    }

    // ------------------------------------------------------------------ clients

    /** A client with a healthy adult's intake on file, so that the booking rules let them book. */
    public UUID client(Clinic clinic, String firstName, String lastName) {
        return clientRecord(clinic, firstName, lastName).id();
    }

    /** As {@link #client(Clinic, String, String)}, the whole record. */
    public Client clientRecord(Clinic clinic, String firstName, String lastName) {
        Client client = clients.create(clinic, new NewClient(firstName, lastName, null, null, null));
        intakes.recordHealthy(clinic, client);
        return client;
    }

    /** A client with the intake given, recorded by the owner (null: none on file). */
    public UUID client(TestClinic c, Map<String, Object> intake) {
        Client client = clients.create(c.clinic(), new NewClient("Test", "Client", null, null, null));
        if (intake != null) {
            UUID owner = accounts.findByEmail(c.email(Role.OWNER)).orElseThrow();
            assessments.record(c.clinic(), client, json.valueToTree(intake), owner);
        }
        return client.id();
    }

    /** A client record that the person with this email signs in as. */
    public UUID clientFor(Clinic clinic, String email) {
        UUID id = client(clinic, "Client", email.substring(0, email.indexOf('@')));
        link(clinic, id, email);
        return id;
    }

    /** Makes the account with this email the client record's own sign-in. */
    public void link(Clinic clinic, UUID clientId, String email) {
        clientAccounts.link(clinic, clientId, accounts.findByEmail(email).orElseThrow());
    }

    /** Makes the clinic's client account (role client) this client's own sign-in. */
    public void linkClientAccount(TestClinic c, UUID client) {
        link(c.clinic(), client, c.email(Role.CLIENT));
    }

    // ------------------------------------------------------------------ appointments

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

    /** 10:00 on the day, in the clinic's zone, as the API takes it. */
    public static String at(TestClinic c, LocalDate day) {
        return OffsetDateTime.of(day, LocalTime.of(10, 0), c.clinic().timeZone().getRules()
                .getOffset(day.atTime(10, 0))).toString();
    }

    /** The body of a booking POST. */
    public static Map<String, Object> booking(UUID client, String treatment, String start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client.toString());
        body.put("treatment", treatment);
        body.put("start", start);
        return body;
    }

    private static List<WeeklyHours> everyDay(String from, String to) {
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(new WeeklyHours(day.name().toLowerCase(Locale.ROOT), from, to));
        }
        return hours;
    }

    private static BookingSettings with(BookingSettings s, int slot, int notice, int horizon, Integer cancel) {
        return new BookingSettings(slot, notice, horizon, cancel == null ? s.clientCancelHours() : cancel,
                s.waitlistOfferMinutes());
    }
}

package com.clearskin.resources;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Member;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Role;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.ClinicCreated;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clinic's bookable resources: its time zone, booking settings and opening hours, closures,
 * practitioners with their shifts, breaks and time off, rooms, devices, and what each treatment
 * needs. Every write also raises the clinic's schedule revision in the same transaction, which is
 * how the booking code knows its cached copy is stale; the first statement of every write takes
 * the clinic's schedule row lock, so writes to one clinic's resources never interleave.
 * Practitioners, rooms and devices are deactivated, never deleted, because appointments refer to them.
 */
@Service
public class ClinicResources {

    private final JdbcClient jdbc;
    private final Clinics clinics;
    private final Accounts accounts;
    private final ClinicCatalog catalog;
    private final BookingDefaults defaults;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClinicResources(JdbcClient jdbc, Clinics clinics, Accounts accounts, ClinicCatalog catalog, JsonMapper json,
            TransactionTemplate transactions, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.accounts = accounts;
        this.catalog = catalog;
        this.defaults = BookingDefaults.load(json);
        this.clock = clock;
    }

    public BookingDefaults defaults() {
        return defaults;
    }

    public List<Term> roomCapabilities() {
        return defaults.capabilityTerms();
    }

    public List<Term> deviceTypes() {
        return defaults.deviceTypes();
    }

    // ------------------------------------------------------------------ set-up

    /**
     * A new clinic gets its schedule, default opening hours and treatment requirements just before
     * the transaction that opens it commits, so after the catalog has copied its treatments (the
     * requirements refer to them).
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void onClinicCreated(ClinicCreated event) {
        setUpDefaults(event.clinic().id());
    }

    /**
     * Gives the clinic what it lacks of the defaults: the schedule row (and with it, the default
     * opening hours), and a requirement for each catalog treatment that has none. Never changes what
     * the clinic has; safe to call again.
     */
    @Transactional
    public boolean setUpDefaults(UUID clinicId) {
        Timestamp now = now();
        BookingSettings s = defaults.settings().toSettings();
        int created = jdbc.sql("""
                insert into clinic_schedule (clinic_id, slot_minutes, min_notice_minutes, horizon_days,
                       client_cancel_hours, waitlist_offer_minutes, revision, updated_at)
                values (:clinic, :slot, :notice, :horizon, :cancel, :offer, 1, :now)
                on conflict (clinic_id) do nothing""")
                .param("clinic", clinicId).param("slot", s.slotMinutes()).param("notice", s.minNoticeMinutes())
                .param("horizon", s.horizonDays()).param("cancel", s.clientCancelHours())
                .param("offer", s.waitlistOfferMinutes()).param("now", now)
                .update();
        if (created == 1) {
            insertHours("opening_hours", "opens", "closes", clinicId, null,
                    ResourceInput.weeklyIntervals("openingHours", defaults.openingHours(), new ArrayList<>()));
        }
        int requirements = 0;
        for (Map.Entry<String, BookingDefaults.Need> e : defaults.treatments().entrySet()) {
            BookingDefaults.Need need = e.getValue();
            requirements += jdbc.sql("""
                    insert into treatment_requirement (clinic_id, treatment_code, bookable, room_capabilities,
                           device_types, buffer_before_minutes, buffer_after_minutes, sources)
                    select :clinic, :code, :bookable, cast(:caps as text[]), cast(:devices as text[]), :before, :after,
                           cast(:sources as text[])
                    where exists (select 1 from clinic_treatment where clinic_id = :clinic and code = :code)
                    on conflict (clinic_id, treatment_code) do nothing""")
                    .param("clinic", clinicId).param("code", e.getKey()).param("bookable", need.bookable())
                    .param("caps", array(need.roomCapabilities())).param("devices", array(need.deviceTypes()))
                    .param("before", need.bufferBeforeMinutes()).param("after", need.bufferAfterMinutes())
                    .param("sources", array(need.sources()))
                    .update();
        }
        if (created == 0 && requirements > 0) {
            bump(clinicId);
        }
        return created == 1;
    }

    /** At start-up: sets up every clinic that has no schedule yet (clinics opened before scheduling existed). */
    public int setUpMissingClinics() {
        List<UUID> missing = jdbc.sql("""
                select c.id from clinic c where not exists (select 1 from clinic_schedule s where s.clinic_id = c.id)""")
                .query(UUID.class).list();
        missing.forEach(id -> transactions.executeWithoutResult(tx -> setUpDefaults(id)));
        return missing.size();
    }

    /** The clinic's schedule revision: it grows with every change to its resources. */
    public int revision(Clinic clinic) {
        return jdbc.sql("select revision from clinic_schedule where clinic_id = :clinic")
                .param("clinic", clinic.id()).query(Integer.class).optional().orElse(0);
    }

    // ------------------------------------------------------------------ schedule

    public ClinicSchedule schedule(Clinic clinic) {
        ensureSetUp(clinic.id());
        List<WeeklyHours> hours = hours("opening_hours", "opens", "closes", clinic.id(), null).stream()
                .map(WeeklyHours::of).toList();
        return jdbc.sql("select * from clinic_schedule where clinic_id = :clinic").param("clinic", clinic.id())
                .query((rs, n) -> new ClinicSchedule(clinic.timeZone().getId(),
                        new BookingSettings(rs.getInt("slot_minutes"), rs.getInt("min_notice_minutes"),
                                rs.getInt("horizon_days"), rs.getInt("client_cancel_hours"),
                                rs.getInt("waitlist_offer_minutes")),
                        hours, rs.getInt("revision"), rs.getTimestamp("updated_at").toInstant()))
                .single();
    }

    /** Replaces the time zone, the settings and the opening hours together, or nothing. */
    @Transactional
    public ClinicSchedule changeSchedule(Clinic clinic, ScheduleChange change) {
        if (change == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<Violation> out = new ArrayList<>();
        out.addAll(ResourceRules.timeZoneIsIana(change.timeZone()));
        out.addAll(ResourceRules.settings(change.settings()));
        List<WeeklyInterval> hours = ResourceInput.weeklyIntervals("openingHours", change.openingHours(), out);
        out.addAll(ResourceRules.intervalsDoNotOverlap("openingHours", hours));
        refuse(out);
        bump(clinic.id());
        BookingSettings s = change.settings();
        jdbc.sql("""
                update clinic_schedule set slot_minutes = :slot, min_notice_minutes = :notice, horizon_days = :horizon,
                       client_cancel_hours = :cancel, waitlist_offer_minutes = :offer
                where clinic_id = :clinic""")
                .param("slot", s.slotMinutes()).param("notice", s.minNoticeMinutes()).param("horizon", s.horizonDays())
                .param("cancel", s.clientCancelHours()).param("offer", s.waitlistOfferMinutes())
                .param("clinic", clinic.id())
                .update();
        ZoneId zone = ZoneId.of(change.timeZone().strip());
        Clinic updated = zone.equals(clinic.timeZone()) ? clinic : clinics.changeTimeZone(clinic.id(), zone);
        jdbc.sql("delete from opening_hours where clinic_id = :clinic").param("clinic", clinic.id()).update();
        insertHours("opening_hours", "opens", "closes", clinic.id(), null, hours);
        return schedule(updated);
    }

    // ------------------------------------------------------------------ closures

    public List<Closure> closures(Clinic clinic) {
        return jdbc.sql("select * from closure where clinic_id = :clinic order by first_day, last_day")
                .param("clinic", clinic.id())
                .query((rs, n) -> new Closure(rs.getObject("id", UUID.class), rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class), rs.getString("reason")))
                .list();
    }

    @Transactional
    public Closure addClosure(Clinic clinic, NewClosure command) {
        if (command == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<Violation> out = new ArrayList<>();
        Optional<LocalDate> first = ResourceInput.date("firstDay", command.firstDay(), out);
        Optional<LocalDate> last = ResourceInput.date("lastDay", command.lastDay(), out);
        if (first.isPresent() && last.isPresent()) {
            out.addAll(ResourceRules.closureIsOrdered(first.get(), last.get()));
        }
        out.addAll(ResourceRules.reasonIsShort("reason", command.reason(), true));
        refuse(out);
        bump(clinic.id());
        Closure closure = new Closure(UUID.randomUUID(), first.get(), last.get(), command.reason().strip());
        jdbc.sql("""
                insert into closure (clinic_id, id, first_day, last_day, reason)
                values (:clinic, :id, :first, :last, :reason)""")
                .param("clinic", clinic.id()).param("id", closure.id()).param("first", closure.firstDay())
                .param("last", closure.lastDay()).param("reason", closure.reason())
                .update();
        return closure;
    }

    @Transactional
    public void removeClosure(Clinic clinic, String closureId) {
        UUID id = idOrNotFound(closureId, "closure");
        bump(clinic.id());
        int removed = jdbc.sql("delete from closure where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).update();
        if (removed == 0) {
            throw new NotFoundException("No closure " + closureId + " in " + clinic.name() + ".");
        }
    }

    // ------------------------------------------------------------------ practitioners

    public List<PractitionerDetails> practitioners(Clinic clinic) {
        List<Row> rows = jdbc.sql("select * from practitioner where clinic_id = :clinic")
                .param("clinic", clinic.id()).query(ClinicResources::practitionerRow).list();
        Map<UUID, List<WeeklyInterval>> shifts = hoursByPractitioner("practitioner_shift", clinic.id());
        Map<UUID, List<WeeklyInterval>> breaks = hoursByPractitioner("practitioner_break", clinic.id());
        Map<UUID, String> names = accounts.displayNames(rows.stream().map(Row::userId).filter(Objects::nonNull)
                .toList());
        return rows.stream()
                .map(r -> r.view(names, shifts.getOrDefault(r.id(), List.of()), breaks.getOrDefault(r.id(), List.of())))
                .sorted(Comparator.comparing((PractitionerDetails p) -> !p.active())
                        .thenComparing(p -> p.displayName().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    public PractitionerDetails practitioner(Clinic clinic, String practitionerId) {
        UUID id = idOrNotFound(practitionerId, "practitioner");
        Row row = jdbc.sql("select * from practitioner where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query(ClinicResources::practitionerRow).optional()
                .orElseThrow(() -> new NotFoundException("No practitioner " + practitionerId + " in " + clinic.name()
                        + "."));
        Map<UUID, String> names = row.userId() == null ? Map.of() : accounts.displayNames(List.of(row.userId()));
        return row.view(names, hours("practitioner_shift", "starts", "ends", clinic.id(), id),
                hours("practitioner_break", "starts", "ends", clinic.id(), id));
    }

    /** The practitioner whose account this is, if the clinic linked one. */
    public Optional<PractitionerDetails> practitionerOfUser(Clinic clinic, UUID userId) {
        return jdbc.sql("select id from practitioner where clinic_id = :clinic and user_id = :user")
                .param("clinic", clinic.id()).param("user", userId).query(UUID.class).optional()
                .map(id -> practitioner(clinic, id.toString()));
    }

    /** Staff accounts of the clinic that a practitioner may be linked to. */
    public List<Member> linkableAccounts(Clinic clinic) {
        return accounts.members(clinic.id(), Role.STAFF);
    }

    @Transactional
    public PractitionerDetails addPractitioner(Clinic clinic, PractitionerChange command) {
        Checked checked = check(clinic, command, null);
        bump(clinic.id());
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into practitioner (clinic_id, id, user_id, display_name, qualification, active, created_at)
                    values (:clinic, :id, :user, :name, :qualification, :active, :now)""")
                    .param("clinic", clinic.id()).param("id", id).param("user", checked.userId())
                    .param("name", command.displayName().strip()).param("qualification", command.qualification())
                    .param("active", command.active() == null || command.active()).param("now", now())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("That account was just linked to another practitioner; reload and try again.");
        }
        insertHours("practitioner_shift", "starts", "ends", clinic.id(), id, checked.shifts());
        insertHours("practitioner_break", "starts", "ends", clinic.id(), id, checked.breaks());
        return practitioner(clinic, id.toString());
    }

    /** Replaces the practitioner's details, shifts and breaks; {@code active: false} takes them off bookings. */
    @Transactional
    public PractitionerDetails changePractitioner(Clinic clinic, String practitionerId, PractitionerChange command) {
        UUID id = practitioner(clinic, practitionerId).id();
        Checked checked = check(clinic, command, id);
        bump(clinic.id());
        try {
            jdbc.sql("""
                    update practitioner set user_id = :user, display_name = :name, qualification = :qualification,
                           active = :active
                    where clinic_id = :clinic and id = :id""")
                    .param("user", checked.userId()).param("name", command.displayName().strip())
                    .param("qualification", command.qualification())
                    .param("active", command.active() == null || command.active())
                    .param("clinic", clinic.id()).param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("That account was just linked to another practitioner; reload and try again.");
        }
        for (String table : List.of("practitioner_break", "practitioner_shift")) {
            jdbc.sql("delete from " + table + " where clinic_id = :clinic and practitioner_id = :id")
                    .param("clinic", clinic.id()).param("id", id).update();
        }
        insertHours("practitioner_shift", "starts", "ends", clinic.id(), id, checked.shifts());
        insertHours("practitioner_break", "starts", "ends", clinic.id(), id, checked.breaks());
        return practitioner(clinic, id.toString());
    }

    private record Checked(UUID userId, List<WeeklyInterval> shifts, List<WeeklyInterval> breaks) {
    }

    private Checked check(Clinic clinic, PractitionerChange command, UUID self) {
        if (command == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<Violation> out = new ArrayList<>();
        out.addAll(ResourceRules.nameIsGiven("displayName", command.displayName()));
        out.addAll(ResourceRules.qualificationIsKnown(command.qualification()));
        Optional<UUID> user = ResourceInput.optionalId("userId", command.userId(), out);
        user.ifPresent(u -> out.addAll(linkableAccount(clinic, u, self)));
        List<WeeklyInterval> shifts = ResourceInput.weeklyIntervals("shifts", command.shifts(), out);
        List<WeeklyInterval> breaks = ResourceInput.weeklyIntervals("breaks", command.breaks(), out);
        out.addAll(ResourceRules.intervalsDoNotOverlap("shifts", shifts));
        out.addAll(ResourceRules.intervalsDoNotOverlap("breaks", breaks));
        if (out.isEmpty()) {
            out.addAll(ResourceRules.breaksLieInsideShifts(shifts, breaks));
        }
        refuse(out);
        return new Checked(user.orElse(null), shifts, breaks);
    }

    /** A linked account is a staff member of this clinic and not linked to another practitioner. */
    private List<Violation> linkableAccount(Clinic clinic, UUID userId, UUID self) {
        Optional<Membership> membership = accounts.membership(userId, clinic);
        if (membership.isEmpty() || !membership.get().isStaff()) {
            return List.of(new Violation("userId", "must be the account of a staff member of " + clinic.name()));
        }
        Optional<UUID> linked = jdbc.sql("select id from practitioner where clinic_id = :clinic and user_id = :user")
                .param("clinic", clinic.id()).param("user", userId).query(UUID.class).optional();
        if (linked.isPresent() && !linked.get().equals(self)) {
            return List.of(new Violation("userId", "is already linked to another practitioner"));
        }
        return List.of();
    }

    // ------------------------------------------------------------------ time off

    public List<TimeOff> timeOff(Clinic clinic, String practitionerId) {
        UUID id = practitioner(clinic, practitionerId).id();
        return jdbc.sql("""
                select * from practitioner_time_off where clinic_id = :clinic and practitioner_id = :id
                order by starts_at""")
                .param("clinic", clinic.id()).param("id", id)
                .query((rs, n) -> timeOffRow(rs, clinic.timeZone())).list();
    }

    @Transactional
    public TimeOff addTimeOff(Clinic clinic, String practitionerId, NewTimeOff command) {
        UUID id = practitioner(clinic, practitionerId).id();
        if (command == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<Violation> out = new ArrayList<>();
        Optional<OffsetDateTime> starts = ResourceInput.instantInZone("startsAt", command.startsAt(),
                clinic.timeZone(), out);
        Optional<OffsetDateTime> ends = ResourceInput.instantInZone("endsAt", command.endsAt(), clinic.timeZone(), out);
        if (starts.isPresent() && ends.isPresent()) {
            out.addAll(ResourceRules.timeOffIsOrdered(starts.get().toInstant(), ends.get().toInstant()));
        }
        out.addAll(ResourceRules.reasonIsShort("reason", command.reason(), false));
        refuse(out);
        bump(clinic.id());
        TimeOff timeOff = new TimeOff(UUID.randomUUID(), id, starts.get(), ends.get(),
                command.reason() == null ? "" : command.reason().strip());
        jdbc.sql("""
                insert into practitioner_time_off (clinic_id, id, practitioner_id, starts_at, ends_at, reason)
                values (:clinic, :id, :practitioner, :starts, :ends, :reason)""")
                .param("clinic", clinic.id()).param("id", timeOff.id()).param("practitioner", id)
                .param("starts", Timestamp.from(timeOff.startsAt().toInstant()))
                .param("ends", Timestamp.from(timeOff.endsAt().toInstant())).param("reason", timeOff.reason())
                .update();
        return timeOff;
    }

    @Transactional
    public void removeTimeOff(Clinic clinic, String practitionerId, String timeOffId) {
        UUID practitioner = practitioner(clinic, practitionerId).id();
        UUID id = idOrNotFound(timeOffId, "time off");
        bump(clinic.id());
        int removed = jdbc.sql("""
                delete from practitioner_time_off where clinic_id = :clinic and practitioner_id = :practitioner
                and id = :id""")
                .param("clinic", clinic.id()).param("practitioner", practitioner).param("id", id).update();
        if (removed == 0) {
            throw new NotFoundException("No time off " + timeOffId + " for this practitioner.");
        }
    }

    // ------------------------------------------------------------------ rooms

    public List<RoomDetails> rooms(Clinic clinic) {
        return jdbc.sql("select * from room where clinic_id = :clinic order by not active, lower(name), created_at")
                .param("clinic", clinic.id()).query(ClinicResources::roomRow).list();
    }

    public RoomDetails room(Clinic clinic, String roomId) {
        UUID id = idOrNotFound(roomId, "room");
        return jdbc.sql("select * from room where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query(ClinicResources::roomRow).optional()
                .orElseThrow(() -> new NotFoundException("No room " + roomId + " in " + clinic.name() + "."));
    }

    @Transactional
    public RoomDetails addRoom(Clinic clinic, RoomChange command) {
        checkRoom(command);
        bump(clinic.id());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into room (clinic_id, id, name, capabilities, active, created_at)
                values (:clinic, :id, :name, cast(:caps as text[]), :active, :now)""")
                .param("clinic", clinic.id()).param("id", id).param("name", command.name().strip())
                .param("caps", array(command.capabilities())).param("active", command.active() == null || command.active())
                .param("now", now())
                .update();
        return room(clinic, id.toString());
    }

    /** Replaces the room's name, capabilities and whether it is in use ({@code active: false} retires it). */
    @Transactional
    public RoomDetails changeRoom(Clinic clinic, String roomId, RoomChange command) {
        UUID id = room(clinic, roomId).id();
        checkRoom(command);
        bump(clinic.id());
        jdbc.sql("""
                update room set name = :name, capabilities = cast(:caps as text[]), active = :active
                where clinic_id = :clinic and id = :id""")
                .param("name", command.name().strip()).param("caps", array(command.capabilities()))
                .param("active", command.active() == null || command.active())
                .param("clinic", clinic.id()).param("id", id)
                .update();
        return room(clinic, roomId);
    }

    private void checkRoom(RoomChange command) {
        if (command == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<Violation> out = new ArrayList<>();
        out.addAll(ResourceRules.nameIsGiven("name", command.name()));
        out.addAll(ResourceRules.codesAreKnown("capabilities", command.capabilities(), defaults.capabilityCodes()));
        refuse(out);
    }

    // ------------------------------------------------------------------ devices

    public List<DeviceDetails> devices(Clinic clinic) {
        return jdbc.sql("""
                select * from device where clinic_id = :clinic order by not active, device_type, lower(name), created_at""")
                .param("clinic", clinic.id()).query(ClinicResources::deviceRow).list();
    }

    public DeviceDetails device(Clinic clinic, String deviceId) {
        UUID id = idOrNotFound(deviceId, "device");
        return jdbc.sql("select * from device where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query(ClinicResources::deviceRow).optional()
                .orElseThrow(() -> new NotFoundException("No device " + deviceId + " in " + clinic.name() + "."));
    }

    @Transactional
    public DeviceDetails addDevice(Clinic clinic, DeviceChange command) {
        checkDevice(command);
        bump(clinic.id());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into device (clinic_id, id, name, device_type, active, created_at)
                values (:clinic, :id, :name, :type, :active, :now)""")
                .param("clinic", clinic.id()).param("id", id).param("name", command.name().strip())
                .param("type", command.type()).param("active", command.active() == null || command.active())
                .param("now", now())
                .update();
        return device(clinic, id.toString());
    }

    /** Replaces the unit's name, type and whether it is in use ({@code active: false} retires it). */
    @Transactional
    public DeviceDetails changeDevice(Clinic clinic, String deviceId, DeviceChange command) {
        UUID id = device(clinic, deviceId).id();
        checkDevice(command);
        bump(clinic.id());
        jdbc.sql("update device set name = :name, device_type = :type, active = :active where clinic_id = :clinic and id = :id")
                .param("name", command.name().strip()).param("type", command.type())
                .param("active", command.active() == null || command.active())
                .param("clinic", clinic.id()).param("id", id)
                .update();
        return device(clinic, deviceId);
    }

    private void checkDevice(DeviceChange command) {
        if (command == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<Violation> out = new ArrayList<>();
        out.addAll(ResourceRules.nameIsGiven("name", command.name()));
        out.addAll(ResourceRules.deviceTypeIsKnown(command.type(), defaults.deviceTypeCodes()));
        refuse(out);
    }

    // ------------------------------------------------------------------ treatment requirements

    /** What each treatment of the clinic's catalog needs, in catalog order; one not set up yet is not bookable. */
    public List<TreatmentRequirement> requirements(Clinic clinic) {
        Map<String, TreatmentRequirement> stored = new HashMap<>();
        jdbc.sql("select * from treatment_requirement where clinic_id = :clinic").param("clinic", clinic.id())
                .query(rs -> {
                    stored.put(rs.getString("treatment_code"), requirementRow(rs, null));
                });
        List<TreatmentRequirement> all = new ArrayList<>();
        for (ClinicTreatment t : catalog.list(clinic)) {
            all.add(named(stored.getOrDefault(t.code(), notSetUp(t.code())), t.treatment().name()));
        }
        return all;
    }

    public TreatmentRequirement requirement(Clinic clinic, String code) {
        ClinicTreatment t = catalog.require(clinic, code);
        return named(jdbc.sql("select * from treatment_requirement where clinic_id = :clinic and treatment_code = :code")
                .param("clinic", clinic.id()).param("code", code).query((rs, n) -> requirementRow(rs, null))
                .optional().orElseGet(() -> notSetUp(code)), t.treatment().name());
    }

    /** Replaces what the treatment needs; values that differ from before are the clinic's own (source "clinic"). */
    @Transactional
    public TreatmentRequirement changeRequirement(Clinic clinic, String code, RequirementChange command) {
        TreatmentRequirement current = requirement(clinic, code);
        if (command == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<Violation> out = new ArrayList<>();
        if (command.bookable() == null) {
            out.add(new Violation("bookable", "is required (true or false)"));
        }
        out.addAll(ResourceRules.codesAreKnown("roomCapabilities", command.roomCapabilities(),
                defaults.capabilityCodes()));
        out.addAll(ResourceRules.codesAreKnown("deviceTypes", command.deviceTypes(), defaults.deviceTypeCodes()));
        out.addAll(ResourceRules.buffersAreWithinFourHours(command.bufferBeforeMinutes(),
                command.bufferAfterMinutes()));
        refuse(out);
        List<String> caps = command.roomCapabilities() == null ? List.of() : command.roomCapabilities();
        List<String> devices = command.deviceTypes() == null ? List.of() : command.deviceTypes();
        boolean changed = current.bookable() != command.bookable()
                || !new java.util.HashSet<>(current.roomCapabilities()).equals(new java.util.HashSet<>(caps))
                || !current.deviceTypes().equals(devices)
                || current.bufferBeforeMinutes() != command.bufferBeforeMinutes()
                || current.bufferAfterMinutes() != command.bufferAfterMinutes();
        List<String> sources = changed ? List.of("clinic") : current.sources();
        bump(clinic.id());
        jdbc.sql("""
                insert into treatment_requirement (clinic_id, treatment_code, bookable, room_capabilities, device_types,
                       buffer_before_minutes, buffer_after_minutes, sources)
                values (:clinic, :code, :bookable, cast(:caps as text[]), cast(:devices as text[]), :before, :after,
                        cast(:sources as text[]))
                on conflict (clinic_id, treatment_code) do update set bookable = excluded.bookable,
                       room_capabilities = excluded.room_capabilities, device_types = excluded.device_types,
                       buffer_before_minutes = excluded.buffer_before_minutes,
                       buffer_after_minutes = excluded.buffer_after_minutes, sources = excluded.sources,
                       revision = treatment_requirement.revision + 1""")
                .param("clinic", clinic.id()).param("code", code).param("bookable", command.bookable())
                .param("caps", array(caps)).param("devices", array(devices))
                .param("before", command.bufferBeforeMinutes()).param("after", command.bufferAfterMinutes())
                .param("sources", array(sources))
                .update();
        return requirement(clinic, code);
    }

    private TreatmentRequirement notSetUp(String code) {
        return new TreatmentRequirement(code, null, false, List.of(), List.of(), 0, 0, List.of(),
                "Not set up for booking yet: say what it needs and make it bookable.", 0);
    }

    private TreatmentRequirement named(TreatmentRequirement r, String name) {
        String note = r.note() != null ? r.note() : defaults.need(r.treatment()).map(BookingDefaults.Need::note)
                .orElse(null);
        return new TreatmentRequirement(r.treatment(), name, r.bookable(), r.roomCapabilities(), r.deviceTypes(),
                r.bufferBeforeMinutes(), r.bufferAfterMinutes(), r.sources(), note, r.revision());
    }

    // ------------------------------------------------------------------ helpers

    /** Raises the clinic's schedule revision; the first statement of every write, so it also locks the row. */
    private void bump(UUID clinicId) {
        int updated = jdbc.sql("update clinic_schedule set revision = revision + 1, updated_at = :now where clinic_id = :clinic")
                .param("now", now()).param("clinic", clinicId).update();
        if (updated == 0) {
            setUpDefaults(clinicId);
            jdbc.sql("update clinic_schedule set revision = revision + 1, updated_at = :now where clinic_id = :clinic")
                    .param("now", now()).param("clinic", clinicId).update();
        }
    }

    private void ensureSetUp(UUID clinicId) {
        boolean present = jdbc.sql("select exists (select 1 from clinic_schedule where clinic_id = :clinic)")
                .param("clinic", clinicId).query(Boolean.class).single();
        if (!present) {
            transactions.executeWithoutResult(tx -> setUpDefaults(clinicId));
        }
    }

    private static void refuse(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static UUID idOrNotFound(String id, String what) {
        return Ids.orNotFound(id, "No " + what + " " + id + ".");
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private void insertHours(String table, String startColumn, String endColumn, UUID clinicId, UUID practitionerId,
            List<WeeklyInterval> intervals) {
        for (WeeklyInterval i : intervals) {
            String sql = practitionerId == null
                    ? "insert into " + table + " (clinic_id, weekday, " + startColumn + ", " + endColumn
                            + ") values (:clinic, :weekday, :start, :end)"
                    : "insert into " + table + " (clinic_id, practitioner_id, weekday, " + startColumn + ", " + endColumn
                            + ") values (:clinic, :practitioner, :weekday, :start, :end)";
            var spec = jdbc.sql(sql).param("clinic", clinicId).param("weekday", i.weekday().getValue())
                    .param("start", Time.valueOf(i.start())).param("end", Time.valueOf(i.end()));
            if (practitionerId != null) {
                spec = spec.param("practitioner", practitionerId);
            }
            spec.update();
        }
    }

    private List<WeeklyInterval> hours(String table, String startColumn, String endColumn, UUID clinicId,
            UUID practitionerId) {
        String sql = "select weekday, " + startColumn + " as s, " + endColumn + " as e from " + table
                + " where clinic_id = :clinic" + (practitionerId == null ? "" : " and practitioner_id = :practitioner")
                + " order by weekday, " + startColumn;
        var spec = jdbc.sql(sql).param("clinic", clinicId);
        if (practitionerId != null) {
            spec = spec.param("practitioner", practitionerId);
        }
        return spec.query((rs, n) -> interval(rs)).list();
    }

    private Map<UUID, List<WeeklyInterval>> hoursByPractitioner(String table, UUID clinicId) {
        Map<UUID, List<WeeklyInterval>> byPractitioner = new LinkedHashMap<>();
        jdbc.sql("select practitioner_id, weekday, starts as s, ends as e from " + table
                        + " where clinic_id = :clinic order by weekday, starts")
                .param("clinic", clinicId)
                .query(rs -> {
                    byPractitioner.computeIfAbsent(rs.getObject("practitioner_id", UUID.class), k -> new ArrayList<>())
                            .add(interval(rs));
                });
        return byPractitioner;
    }

    private static WeeklyInterval interval(ResultSet rs) throws SQLException {
        return new WeeklyInterval(DayOfWeek.of(rs.getInt("weekday")), rs.getTime("s").toLocalTime(),
                rs.getTime("e").toLocalTime());
    }

    private record Row(UUID id, UUID userId, String displayName, String qualification, boolean active,
            Instant createdAt) {

        PractitionerDetails view(Map<UUID, String> names, List<WeeklyInterval> shifts, List<WeeklyInterval> breaks) {
            return new PractitionerDetails(id, displayName, qualification, userId,
                    userId == null ? null : names.get(userId), active, shifts.stream().map(WeeklyHours::of).toList(),
                    breaks.stream().map(WeeklyHours::of).toList(), createdAt);
        }
    }

    private static Row practitionerRow(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("display_name"),
                rs.getString("qualification"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }

    private static TimeOff timeOffRow(ResultSet rs, ZoneId zone) throws SQLException {
        return new TimeOff(rs.getObject("id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                rs.getTimestamp("starts_at").toInstant().atZone(zone).toOffsetDateTime(),
                rs.getTimestamp("ends_at").toInstant().atZone(zone).toOffsetDateTime(), rs.getString("reason"));
    }

    private static RoomDetails roomRow(ResultSet rs, int n) throws SQLException {
        return new RoomDetails(rs.getObject("id", UUID.class), rs.getString("name"), list(rs.getArray("capabilities")),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }

    private static DeviceDetails deviceRow(ResultSet rs, int n) throws SQLException {
        return new DeviceDetails(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("device_type"),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }

    private static TreatmentRequirement requirementRow(ResultSet rs, String name) throws SQLException {
        return new TreatmentRequirement(rs.getString("treatment_code"), name, rs.getBoolean("bookable"),
                list(rs.getArray("room_capabilities")), list(rs.getArray("device_types")),
                rs.getInt("buffer_before_minutes"), rs.getInt("buffer_after_minutes"), list(rs.getArray("sources")),
                null, rs.getInt("revision"));
    }

}

package com.clearskin.booking;

import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.ClientAccess;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.resources.BookingTerms;
import com.clearskin.resources.ClinicHours;
import com.clearskin.resources.PractitionerCalendar;
import com.clearskin.resources.Requirement;
import com.clearskin.resources.Requirements;
import com.clearskin.resources.ResourceNames;
import com.clearskin.resources.ScheduleSettings;
import com.clearskin.resources.ScheduleSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books appointments and moves them through their statuses. A booking takes the practitioner, room
 * and devices that the availability engine finds free on a fresh snapshot, passes the treatment
 * rules, and is written with its device units and its first event in one transaction. The database
 * has the last word: its exclusion constraints refuse an overlap that a concurrent booking (on this
 * or another app instance) made since the snapshot; that booking is tried once more with another
 * free assignment, then refused (409). Nothing is ever half-written.
 */
@Service
public class Appointments {

    static final String SELECT = """
            select a.*, lower(a.blocked) as blocked_from, upper(a.blocked) as blocked_until,
                   array(select d.device_id from appointment_device d
                         where d.clinic_id = a.clinic_id and d.appointment_id = a.id order by d.device_id) as device_ids
            from appointment a""";
    private static final int MAX_TEXT = 500;

    private final JdbcClient jdbc;
    private final Requirements requirements;
    private final ScheduleLoader loader;
    private final BookingRules rules;
    private final ClientAccounts clientAccounts;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<CompletionCheck> completionChecks;
    private final Counter booked;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ClientAccess clientAccess;
    private final AuditLog audit;
    private final ResourceNames names;
    private EligiblePractitioners eligible;

    /** Who may be booked ({@link PractitionerEligibility}); set once at start-up. */
    @org.springframework.beans.factory.annotation.Autowired
    void useEligiblePractitioners(EligiblePractitioners eligible) {
        this.eligible = eligible;
    }

    Appointments(JdbcClient jdbc, Requirements requirements, ScheduleLoader loader, BookingRules rules,
            ClientAccounts clientAccounts, ApplicationEventPublisher events, ObjectProvider<CompletionCheck> completionChecks,
            PlatformTransactionManager transactions, Clock clock, MeterRegistry metrics, ClientAccess clientAccess,
            AuditLog audit, ResourceNames names) {
        this.names = names;
        this.completionChecks = completionChecks;
        this.booked = Counter.builder("clearskin.bookings").description("Appointments booked").register(metrics);
        this.clientAccess = clientAccess;
        this.audit = audit;
        this.jdbc = jdbc;
        this.requirements = requirements;
        this.loader = loader;
        this.rules = rules;
        this.clientAccounts = clientAccounts;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        // Inside a caller's transaction a savepoint: a refused attempt leaves the caller's work usable.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    // ---------------------------------------------------------------- booking

    /** Books one appointment (see the class comment). 400 bad input, 403 not the client's own, 409 taken, 422 rule. */
    public Appointment book(Clinic clinic, BookAppointment command, Booker booker) {
        validate(command);
        return withOneRetry(() -> insert(clinic, command, booker));
    }

    /** Books every appointment or none (a course): one transaction; the first refusal refuses all. */
    public List<Appointment> bookAll(Clinic clinic, List<BookAppointment> commands, Booker booker) {
        if (commands == null || commands.isEmpty()) {
            throw new InvalidInputException("appointments", "at least one is required");
        }
        commands.forEach(Appointments::validate);
        return withOneRetry(() -> {
            List<Appointment> booked = new ArrayList<>();
            for (BookAppointment command : commands) {
                booked.add(insert(clinic, command, booker));
            }
            return booked;
        });
    }

    /**
     * Holds a time for a client who books on the clinic's public page and has not confirmed yet
     * (status held until {@code holdExpiresAt}). Everything a client's booking passes applies (the
     * slot grid, notice, horizon, opening hours, free resources, the treatment rules); an excluded
     * rule refuses it (422), a caution does not: it is returned, and noted on the appointment's
     * first event, for the practitioner to review. The hold takes its practitioner, room and devices
     * in the database like a booking, so two holds racing for one time give one (409 to the other).
     * A hold that ends unconfirmed no longer counts anywhere from {@code holdExpiresAt} on: every
     * availability search and booking reads the instant, and {@link #releaseExpiredHolds} marks it
     * expired.
     */
    public HeldAppointment hold(Clinic clinic, BookAppointment command, Instant holdExpiresAt) {
        validate(command);
        if (holdExpiresAt == null) {
            throw new IllegalArgumentException("a hold needs its end");
        }
        return withOneRetry(() -> {
            List<RuleFinding> cautions = new ArrayList<>();
            Appointment held = insert(clinic, command, new Booker(null, com.clearskin.accounts.Role.CLIENT),
                    holdExpiresAt, cautions);
            return new HeldAppointment(held, holdExpiresAt, cautions);
        });
    }

    /**
     * The client confirmed a hold: booked, when the hold has not ended (an ended one is marked
     * expired and refused, 409). Confirming a booked appointment again changes nothing.
     */
    public Appointment confirmHold(Clinic clinic, UUID id) {
        return inTransaction(() -> {
            Appointment current = lock(clinic, id);
            if (current.status() == AppointmentStatus.BOOKED) {
                return current;
            }
            if (current.status() != AppointmentStatus.HELD) {
                throw new ConflictException("This time is no longer held for you (" + current.status().label()
                        .toLowerCase(java.util.Locale.ROOT) + ").");
            }
            Instant now = now();
            Instant ends = jdbc.sql("select hold_expires_at from appointment where clinic_id = :clinic and id = :id")
                    .param("clinic", clinic.id()).param("id", id).query(Timestamp.class).single().toInstant();
            if (!ends.isAfter(now)) {
                throw new ConflictException("The time held for you has passed unconfirmed and was given back. "
                        + "Please choose a time again.");
            }
            Appointment booked = write(clinic, current, current.confirmHold(), SYSTEM, "confirmed by the client");
            events.publishEvent(new AppointmentBooked(booked));
            return booked;
        });
    }

    /**
     * Marks every hold that ended unconfirmed as expired and gives its time back (at most
     * {@code limit} at once, the earliest first). Safe on any number of instances at once: each
     * claims its rows with {@code for update skip locked}. Returns how many it released.
     */
    public int releaseExpiredHolds(int limit) {
        return inTransaction(() -> {
            List<Appointment> due = jdbc.sql(SELECT + """
                     where a.status = 'held' and a.hold_expires_at <= :now
                    order by a.hold_expires_at limit :limit for update of a skip locked""")
                    .param("now", Timestamp.from(now())).param("limit", Math.max(1, limit))
                    .query(Appointments::map).list();
            for (Appointment held : due) {
                expire(held);
            }
            return due.size();
        });
    }

    /** In the caller's transaction: the clinic's ended holds that overlap [from, until) give their time back. */
    private void releaseExpiredHolds(Clinic clinic, Instant from, Instant until) {
        List<Appointment> due = jdbc.sql(SELECT + """
                 where a.clinic_id = :clinic and a.status = 'held' and a.hold_expires_at <= :now
                  and a.blocked && tstzrange(cast(:from as timestamptz), cast(:until as timestamptz))
                for update of a""")
                .param("clinic", clinic.id()).param("now", Timestamp.from(now()))
                .param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query(Appointments::map).list();
        for (Appointment held : due) {
            expire(held);
        }
    }

    private void expire(Appointment held) {
        Clinic clinic = new Clinic(held.clinicId(), null, "the clinic", java.time.ZoneOffset.UTC, null, null, null);
        write(clinic, held, held.expireHold(), SYSTEM, "the hold ended unconfirmed");
    }

    private static final Booker SYSTEM = new Booker(null, com.clearskin.accounts.Role.OWNER);

    private static void validate(BookAppointment command) {
        if (command == null) {
            throw new InvalidInputException("body", "is required");
        }
        if (command.clientId() == null) {
            throw new InvalidInputException("clientId", "is required");
        }
        if (command.treatment() == null || command.treatment().isBlank()) {
            throw new InvalidInputException("treatment", "is required");
        }
        if (command.start() == null) {
            throw new InvalidInputException("start", "is required");
        }
        checkText("overrideReason", command.overrideReason());
    }

    private Appointment insert(Clinic clinic, BookAppointment command, Booker booker) {
        return insert(clinic, command, booker, null, null);
    }

    private Appointment insert(Clinic clinic, BookAppointment command, Booker booker, Instant holdUntil,
            List<RuleFinding> cautions) {
        BookingTerms terms = requirements.terms(clinic, command.treatment());
        Requirement requirement = terms.requirement();
        ScheduleSettings settings = terms.settings();
        Instant now = now();
        Instant start = command.start();
        ScheduleSnapshot resources = loader.resources(clinic, settings);
        checkStart(clinic, resources.hours(), settings, start, now, booker);
        if (!booker.isStaff()) {
            BookingGuards.startIsWithinOpeningHours(resources.hours(), start, requirement.durationMinutes());
        }
        if (!clientExists(clinic, command.clientId())) {
            throw new InvalidInputException("clientId", "'" + command.clientId() + "' is not a client of " + clinic.name());
        }
        if (holdUntil == null) {
            BookingGuards.bookerMayActFor(booker, ownClient(clinic, booker), command.clientId());
        }
        if (command.practitionerId() != null) {
            checkPractitioner(resources, requirement, command.practitionerId());
        }
        Slot slot = freeSlot(clinic, settings, requirement, start, command.practitionerId(), null);
        lockClient(clinic, command.clientId());
        List<RuleFinding> findings = rules.check(clinic, command.clientId(), requirement.treatment(), start, null);
        String override;
        if (holdUntil == null) {
            override = BookingGuards.rulesAllow(findings, booker, command.overrideReason(),
                    readsHealthReasons(clinic, booker, command.clientId()));
        } else {
            cautions.addAll(BookingGuards.holdAllows(findings));
            override = null;
        }

        UUID id = UUID.randomUUID();
        Instant end = start.plus(Duration.ofMinutes(requirement.durationMinutes()));
        Instant blockedFrom = start.minus(Duration.ofMinutes(requirement.bufferBeforeMinutes()));
        Instant blockedUntil = end.plus(Duration.ofMinutes(requirement.bufferAfterMinutes()));
        jdbc.sql("""
                insert into appointment (clinic_id, id, client_id, treatment_code, practitioner_id, room_id, starts_at,
                                         ends_at, blocked, status, course_id, override_reason, overridden_by,
                                         created_at, created_by, updated_at, hold_expires_at)
                values (:clinic, :id, :client, :treatment, :practitioner, :room, :start, :end,
                        tstzrange(cast(:blockedFrom as timestamptz), cast(:blockedUntil as timestamptz)), :status,
                        :course, :override, :overriddenBy, :now, :by, :now, :holdUntil)""")
                .param("clinic", clinic.id()).param("id", id).param("client", command.clientId())
                .param("treatment", requirement.treatment()).param("practitioner", slot.practitionerId())
                .param("room", slot.roomId()).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .param("blockedFrom", Timestamp.from(blockedFrom)).param("blockedUntil", Timestamp.from(blockedUntil))
                .param("course", command.courseId()).param("override", override)
                .param("overriddenBy", override == null ? null : booker.userId())
                .param("now", Timestamp.from(now)).param("by", booker.userId())
                .param("status", holdUntil == null ? AppointmentStatus.BOOKED.code() : AppointmentStatus.HELD.code())
                .param("holdUntil", holdUntil == null ? null : Timestamp.from(holdUntil))
                .update();
        insertDevices(clinic, id, slot.deviceIds(), blockedFrom, blockedUntil);
        AppointmentStatus status = holdUntil == null ? AppointmentStatus.BOOKED : AppointmentStatus.HELD;
        recordEvent(clinic, id, booker, null, status, start, holdUntil != null ? holdNote(holdUntil, cautions)
                : override == null ? null : "caution overridden: " + override);
        Appointment appointment = new Appointment(id, clinic.id(), command.clientId(), requirement.treatment(),
                slot.practitionerId(), slot.roomId(), slot.deviceIds(), start, end, blockedFrom, blockedUntil,
                status, command.courseId(), override, 1, now);
        events.publishEvent(new AppointmentBooked(appointment));
        booked.increment();
        return appointment;
    }

    private static String holdNote(Instant until, List<RuleFinding> cautions) {
        String note = "held online until " + until;
        if (!cautions.isEmpty()) {
            note += "; for the practitioner to review: " + String.join(" ", cautions.stream()
                    .map(RuleFinding::message).toList());
        }
        return note.length() > 2000 ? note.substring(0, 2000) : note;
    }

    /** Moves a booked appointment to another start, keeping its practitioner when they are free then. */
    public Appointment reschedule(Clinic clinic, UUID id, Instant start, Booker booker, String overrideReason) {
        return reschedule(clinic, id, start, booker, overrideReason, null);
    }

    /**
     * The client moves their appointment from a link the clinic mailed them (the link stands for the
     * client, who need not sign in): everything a client's own move passes applies, the
     * cancellation notice included.
     */
    public Appointment rescheduleFromClientLink(Clinic clinic, UUID id, UUID clientId, Instant start) {
        return reschedule(clinic, id, start, new Booker(null, com.clearskin.accounts.Role.CLIENT), null, clientId);
    }

    /** The client cancels from a link the clinic mailed them: as their own cancellation (the notice applies). */
    public Appointment cancelFromClientLink(Clinic clinic, UUID id, UUID clientId, String reason) {
        return cancel(clinic, id, reason, new Booker(null, com.clearskin.accounts.Role.CLIENT), clientId);
    }

    private Appointment reschedule(Clinic clinic, UUID id, Instant start, Booker booker, String overrideReason,
            UUID linkClient) {
        if (start == null) {
            throw new InvalidInputException("start", "is required");
        }
        checkText("overrideReason", overrideReason);
        return withOneRetry(() -> {
            Appointment current = lock(clinic, id);
            BookingGuards.bookerMayActFor(booker, linkClient != null ? linkClient : ownClient(clinic, booker),
                    current.clientId());
            current.requireReschedulable();
            BookingTerms terms = requirements.terms(clinic, current.treatment());
            ScheduleSettings settings = terms.settings();
            Requirement requirement = terms.requirement();
            Instant now = now();
            BookingGuards.clientCancelsInTime(booker, current.start(), now, settings.clientCancelHours());
            checkStart(clinic, loader.resources(clinic, settings).hours(), settings, start, now, booker);
            Slot slot;
            try {
                slot = freeSlot(clinic, settings, requirement, start, current.practitionerId(), id);
            } catch (ConflictException | RuleRefusedException withThisPractitioner) {
                slot = freeSlot(clinic, settings, requirement, start, null, id);
            }
            lockClient(clinic, current.clientId());
            String override = BookingGuards.rulesAllow(
                    rules.check(clinic, current.clientId(), current.treatment(), start, id), booker, overrideReason,
                    readsHealthReasons(clinic, booker, current.clientId()));
            Instant end = start.plus(Duration.ofMinutes(requirement.durationMinutes()));
            Instant blockedFrom = start.minus(Duration.ofMinutes(requirement.bufferBeforeMinutes()));
            Instant blockedUntil = end.plus(Duration.ofMinutes(requirement.bufferAfterMinutes()));
            Appointment moved = current.moveTo(slot.practitionerId(), slot.roomId(), slot.deviceIds(), start, end,
                    blockedFrom, blockedUntil);
            jdbc.sql("""
                    update appointment set practitioner_id = :practitioner, room_id = :room, starts_at = :start,
                           ends_at = :end,
                           blocked = tstzrange(cast(:blockedFrom as timestamptz), cast(:blockedUntil as timestamptz)),
                           override_reason = coalesce(:override, override_reason),
                           overridden_by = case when cast(:override as text) is null then overridden_by
                                           else cast(:by as uuid) end,
                           revision = :revision, updated_at = :now
                    where clinic_id = :clinic and id = :id""")
                    .param("practitioner", moved.practitionerId()).param("room", moved.roomId())
                    .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                    .param("blockedFrom", Timestamp.from(blockedFrom))
                    .param("blockedUntil", Timestamp.from(blockedUntil))
                    .param("override", override).param("by", booker.userId())
                    .param("revision", moved.revision()).param("now", Timestamp.from(now))
                    .param("clinic", clinic.id()).param("id", id)
                    .update();
            jdbc.sql("delete from appointment_device where clinic_id = :clinic and appointment_id = :id")
                    .param("clinic", clinic.id()).param("id", id).update();
            insertDevices(clinic, id, moved.deviceIds(), blockedFrom, blockedUntil);
            recordEvent(clinic, id, booker, current.status(), moved.status(), start,
                    "moved from " + current.start());
            events.publishEvent(released(current));
            events.publishEvent(new AppointmentBooked(moved));
            return moved;
        });
    }

    // ---------------------------------------------------------------- transitions

    /** Cancels a booked appointment; a client only their own, and only until the cancellation notice. */
    public Appointment cancel(Clinic clinic, UUID id, String reason, Booker booker) {
        return cancel(clinic, id, reason, booker, null);
    }

    private Appointment cancel(Clinic clinic, UUID id, String reason, Booker booker, UUID linkClient) {
        checkText("reason", reason);
        return inTransaction(() -> {
            Appointment current = lock(clinic, id);
            BookingGuards.bookerMayActFor(booker, linkClient != null ? linkClient : ownClient(clinic, booker),
                    current.clientId());
            Appointment cancelled = current.cancel();
            BookingGuards.clientCancelsInTime(booker, current.start(), now(),
                    loader.settings(clinic).clientCancelHours());
            return write(clinic, current, cancelled, booker, reason == null || reason.isBlank() ? null : reason.strip());
        });
    }

    /**
     * The client has arrived (staff). From now on the appointment's practitioner treats the client
     * and reads their health record: that access is written to the audit log with the check-in.
     * Publishes {@link AppointmentCheckedIn}.
     */
    public Appointment checkIn(Clinic clinic, UUID id, Booker booker) {
        return staffTransition(clinic, id, booker, a -> {
            Appointment checkedIn = a.checkIn();
            String practitioner = names.practitionerName(clinic, a.practitionerId()).orElse("the practitioner");
            audit.record(clinic, a.clientId(), AuditAction.CREATE, AuditResource.CARE_RELATIONSHIP,
                    "checked in with " + practitioner + " (reads the health record)");
            return checkedIn;
        }, checkedIn -> events.publishEvent(new AppointmentCheckedIn(checkedIn, booker.userId())));
    }

    /**
     * Whether the booker may read the reasons a treatment rule draws from the client's medical
     * answers: a client booking for themself (checked before), the clinic itself, or a member with
     * READ_MEDICAL_ANSWERS for the client. Anybody else is told only that there is a medical reason.
     */
    public boolean readsHealthReasons(Clinic clinic, Booker booker, UUID client) {
        if (booker.role() == com.clearskin.accounts.Role.CLIENT || booker.userId() == null) {
            return true;
        }
        return clientAccess.readsMedicalAnswers(clinic, booker.role(), booker.userId(), client);
    }

    /**
     * The treatment is done (staff): every {@link CompletionCheck} is asked first, then
     * {@link AppointmentCompleted} is published.
     */
    public Appointment complete(Clinic clinic, UUID id, Booker booker) {
        return staffTransition(clinic, id, booker, current -> {
            Appointment completed = current.complete();
            completionChecks.orderedStream().forEach(check -> check.beforeCompleting(clinic, current));
            return completed;
        }, completed -> events.publishEvent(new AppointmentCompleted(completed, booker.userId())));
    }

    /** The client did not come (staff, once the start has passed). */
    public Appointment noShow(Clinic clinic, UUID id, Booker booker) {
        Instant now = now();
        return staffTransition(clinic, id, booker, a -> a.markNoShow(now), a -> {
        });
    }

    private Appointment staffTransition(Clinic clinic, UUID id, Booker booker,
            java.util.function.UnaryOperator<Appointment> move, java.util.function.Consumer<Appointment> announce) {
        if (!booker.isStaff()) {
            throw new ForbiddenException("Only the clinic's staff may change an appointment's status this way.");
        }
        return inTransaction(() -> {
            Appointment current = lock(clinic, id);
            Appointment next = write(clinic, current, move.apply(current), booker, null);
            announce.accept(next);
            return next;
        });
    }

    private Appointment write(Clinic clinic, Appointment current, Appointment next, Booker booker, String reason) {
        jdbc.sql("""
                update appointment set status = :status, cancel_reason = coalesce(:reason, cancel_reason),
                       revision = :revision, updated_at = :now
                where clinic_id = :clinic and id = :id""")
                .param("status", next.status().code()).param("reason", reason).param("revision", next.revision())
                .param("now", Timestamp.from(now())).param("clinic", clinic.id()).param("id", current.id())
                .update();
        if (current.active() != next.active()) {
            jdbc.sql("update appointment_device set active = :active where clinic_id = :clinic and appointment_id = :id")
                    .param("active", next.active()).param("clinic", clinic.id()).param("id", current.id()).update();
        }
        recordEvent(clinic, current.id(), booker, current.status(), next.status(), current.start(), reason);
        if (current.active() && !next.active()) {
            events.publishEvent(released(current));
        }
        return next;
    }

    // ---------------------------------------------------------------- reading

    /** The appointment with this id at the clinic; 404 otherwise (another clinic's id included). */
    public Appointment require(Clinic clinic, UUID id) {
        return find(clinic, id).orElseThrow(() -> notFound(clinic, id));
    }

    public Optional<Appointment> find(Clinic clinic, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where a.clinic_id = :clinic and a.id = :id")
                .param("clinic", clinic.id()).param("id", id).query(Appointments::map).optional();
    }

    /** When the appointment was completed (its move to completed), if it was. */
    public Optional<Instant> completedAt(Clinic clinic, UUID id) {
        return jdbc.sql("""
                select at from appointment_event
                where clinic_id = :clinic and appointment_id = :id and to_status = 'completed'
                order by at desc limit 1""")
                .param("clinic", clinic.id()).param("id", id).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** Appointments starting on the local dates from..to (inclusive, at most 92 days), in start order. */
    public List<Appointment> between(Clinic clinic, LocalDate from, LocalDate to) {
        Availability.checkRange(from, to);
        return jdbc.sql(SELECT + """
                 where a.clinic_id = :clinic and a.starts_at >= :from and a.starts_at < :to
                order by a.starts_at, a.id""")
                .param("clinic", clinic.id()).param("from", Timestamp.from(startOf(clinic, from)))
                .param("to", Timestamp.from(startOf(clinic, to.plusDays(1))))
                .query(Appointments::map).list();
    }

    /** Every appointment of a client, in start order. */
    public List<Appointment> forClient(Clinic clinic, UUID clientId) {
        return jdbc.sql(SELECT + " where a.clinic_id = :clinic and a.client_id = :client order by a.starts_at, a.id")
                .param("clinic", clinic.id()).param("client", clientId).query(Appointments::map).list();
    }

    /** A practitioner's appointments starting on the local dates from..to (inclusive, at most 92 days). */
    public List<Appointment> forPractitioner(Clinic clinic, UUID practitionerId, LocalDate from, LocalDate to) {
        Availability.checkRange(from, to);
        return jdbc.sql(SELECT + """
                 where a.clinic_id = :clinic and a.practitioner_id = :practitioner
                  and a.starts_at >= :from and a.starts_at < :to
                order by a.starts_at, a.id""")
                .param("clinic", clinic.id()).param("practitioner", practitionerId)
                .param("from", Timestamp.from(startOf(clinic, from)))
                .param("to", Timestamp.from(startOf(clinic, to.plusDays(1))))
                .query(Appointments::map).list();
    }

    // ---------------------------------------------------------------- helpers

    private void checkStart(Clinic clinic, ClinicHours hours, ScheduleSettings settings, Instant start, Instant now,
            Booker booker) {
        BookingGuards.startIsOnGrid(hours, start);
        BookingGuards.startIsNotPast(start, now);
        if (!booker.isStaff()) {
            BookingGuards.startGivesNotice(start, now, settings.minNoticeMinutes());
            BookingGuards.startIsWithinHorizon(start, LocalDate.ofInstant(now, clinic.timeZone()), hours,
                    settings.horizonDays());
        }
    }

    private Slot freeSlot(Clinic clinic, ScheduleSettings settings, Requirement requirement, Instant start,
            UUID practitioner, UUID ignoring) {
        releaseExpiredHolds(clinic, start.minus(Duration.ofMinutes(requirement.bufferBeforeMinutes())),
                start.plus(Duration.ofMinutes(requirement.durationMinutes() + requirement.bufferAfterMinutes())));
        ScheduleSnapshot snapshot = loader.snapshot(clinic, settings, start.minus(Duration.ofDays(1)),
                start.plus(Duration.ofDays(2)), ignoring);
        return eligible.at(clinic, snapshot, requirement, start, practitioner)
                .orElseThrow(() -> new ConflictException("The time " + start.atZone(clinic.timeZone())
                        .toOffsetDateTime() + " is not free for " + requirement.treatment()
                        + (practitioner == null ? "" : " with this practitioner")
                        + ": no qualified practitioner, suitable room and device are all free then."));
    }

    private static void checkPractitioner(ScheduleSnapshot resources, Requirement requirement, UUID practitioner) {
        PractitionerCalendar found = resources.practitioners().stream().filter(p -> p.id().equals(practitioner))
                .findFirst().orElseThrow(() -> new InvalidInputException("practitionerId",
                        "'" + practitioner + "' is not an active practitioner of this clinic"));
        if (!requirement.performers().contains(found.qualification())) {
            throw new InvalidInputException("practitionerId", "'" + practitioner + "' may not perform "
                    + requirement.treatment());
        }
    }

    private UUID ownClient(Clinic clinic, Booker booker) {
        return booker.isStaff() ? null : clientAccounts.clientOf(clinic, booker.userId()).orElse(null);
    }

    private boolean clientExists(Clinic clinic, UUID client) {
        return jdbc.sql("select exists (select 1 from client where clinic_id = :clinic and id = :id)")
                .param("clinic", clinic.id()).param("id", client).query(Boolean.class).single();
    }

    private Appointment lock(Clinic clinic, UUID id) {
        return jdbc.sql(SELECT + " where a.clinic_id = :clinic and a.id = :id for update of a")
                .param("clinic", clinic.id()).param("id", id).query(Appointments::map).optional()
                .orElseThrow(() -> notFound(clinic, id));
    }

    private void insertDevices(Clinic clinic, UUID appointment, List<UUID> devices, Instant from, Instant until) {
        for (UUID device : devices) {
            jdbc.sql("""
                    insert into appointment_device (clinic_id, appointment_id, device_id, blocked, active)
                    values (:clinic, :appointment, :device,
                            tstzrange(cast(:from as timestamptz), cast(:until as timestamptz)), true)""")
                    .param("clinic", clinic.id()).param("appointment", appointment).param("device", device)
                    .param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                    .update();
        }
    }

    private void recordEvent(Clinic clinic, UUID appointment, Booker booker, AppointmentStatus from,
            AppointmentStatus to, Instant start, String note) {
        jdbc.sql("""
                insert into appointment_event (clinic_id, appointment_id, at, by_user, from_status, to_status,
                                               starts_at, note)
                values (:clinic, :appointment, :at, :by, :from, :to, :start, :note)""")
                .param("clinic", clinic.id()).param("appointment", appointment).param("at", Timestamp.from(now()))
                .param("by", booker.userId()).param("from", from == null ? null : from.code())
                .param("to", to.code()).param("start", Timestamp.from(start)).param("note", note)
                .update();
    }

    private static AppointmentReleased released(Appointment a) {
        return new AppointmentReleased(a.clinicId(), a.id(), a.treatment(), a.practitionerId(), a.start(), a.end());
    }

    /**
     * Holds the client until the transaction ends, so that two bookings for one client at once run
     * the treatment rules one after the other: the second sees the first (intervals, cadence and
     * recovery are about the client's other sessions, which no exclusion constraint can express).
     */
    private void lockClient(Clinic clinic, UUID clientId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "appointment-client:" + clinic.id() + ":" + clientId).query().singleRow();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    /**
     * Runs the work in a transaction (a savepoint inside a caller's); when the database refuses an
     * overlap that appeared since the snapshot, tries once more on a fresh one, then answers 409.
     */
    private <T> T withOneRetry(Supplier<T> work) {
        try {
            return inTransaction(work);
        } catch (RuntimeException first) {
            if (exclusion(first) == null) {
                throw first;
            }
        }
        try {
            return inTransaction(work);
        } catch (RuntimeException second) {
            String constraint = exclusion(second);
            if (constraint == null) {
                throw second;
            }
            throw new ConflictException(constraint.contains("client")
                    ? "The client already has an appointment at that time."
                    : "That time was just taken by another booking; choose another time.");
        }
    }

    /**
     * The message of a PostgreSQL exclusion violation (SQLState 23P01) in the cause chain, or null. A
     * deadlock (40P01) counts as one: two bookings inserted at once for the same time can each wait on
     * the other's uncommitted row while the exclusion constraints are checked; PostgreSQL aborts one,
     * and its retry sees the other's committed row.
     */
    static String exclusion(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("23P01".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return String.valueOf(sql.getMessage());
            }
        }
        return null;
    }

    private static void checkText(String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters");
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant startOf(Clinic clinic, LocalDate day) {
        return day.atStartOfDay(clinic.timeZone()).toInstant();
    }

    private static NotFoundException notFound(Clinic clinic, UUID id) {
        return new NotFoundException("No appointment '" + id + "' at " + clinic.name() + ".");
    }

    static Appointment map(ResultSet rs, int row) throws SQLException {
        Array devices = rs.getArray("device_ids");
        List<UUID> deviceIds = new ArrayList<>();
        if (devices != null) {
            for (Object o : (Object[]) devices.getArray()) {
                deviceIds.add((UUID) o);
            }
        }
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getString("treatment_code"),
                rs.getObject("practitioner_id", UUID.class), rs.getObject("room_id", UUID.class), deviceIds,
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getTimestamp("blocked_from").toInstant(), rs.getTimestamp("blocked_until").toInstant(),
                AppointmentStatus.fromCode(rs.getString("status")).orElseThrow(),
                rs.getObject("course_id", UUID.class), rs.getString("override_reason"), rs.getInt("revision"),
                rs.getTimestamp("created_at").toInstant());
    }
}

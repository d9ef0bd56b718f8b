package com.clearskin.waitlist;

import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentReleased;
import com.clearskin.booking.Appointments;
import com.clearskin.booking.Availability;
import com.clearskin.booking.BookAppointment;
import com.clearskin.booking.Slot;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.resources.DateSpan;
import com.clearskin.resources.Requirements;
import com.clearskin.resources.ResourceSnapshots;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waitlist: clients wait for a treatment in a window of dates; when an appointment gives its
 * time back, the first in line for whom a slot on that time is free is offered it for the clinic's
 * offer time. Declined, lapsed or taken offers pass to the next in line; each client has an opening
 * at most once. Locks: an opening row while its offer moves, the candidate entries with
 * {@code for update skip locked}, so any number of app instances can work the same line.
 */
@Service
public class Waitlist {

    private static final Logger log = LoggerFactory.getLogger(Waitlist.class);
    static final String OPEN = "open";
    static final String FILLED = "filled";
    static final String UNCLAIMED = "unclaimed";

    private final JdbcClient jdbc;
    private final Clinics clinics;
    private final Appointments appointments;
    private final Requirements requirements;
    private final ResourceSnapshots schedules;
    private final Availability availability;
    private final TransactionTemplate transaction;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    Waitlist(JdbcClient jdbc, Clinics clinics, Appointments appointments,
            Requirements requirements, ResourceSnapshots schedules, Availability availability,
            PlatformTransactionManager transactions, Clock clock) {
        this.availability = availability;
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.appointments = appointments;
        this.requirements = requirements;
        this.schedules = schedules;
        this.transaction = new TransactionTemplate(transactions);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    // ---------------------------------------------------------------- joining and reading

    /** Puts a client in line. 400 names a wrong field; 403 a client for someone else; 409 already waiting. */
    @Transactional
    public WaitlistEntry join(Clinic clinic, NewWaitlistEntry request, WaitlistCaller caller) {
        NewWaitlistEntry body = request == null ? new NewWaitlistEntry(null, null, null, null, null) : request;
        if (!caller.isStaff() && (body.clientId() == null || body.clientId().isBlank()) && caller.ownClient() != null) {
            body = new NewWaitlistEntry(caller.ownClient().toString(), body.treatment(), body.from(), body.to(),
                    body.practitionerId());
        }
        Instant now = now();
        NewWaitlistEntry.Checked c = body.check(LocalDate.ofInstant(now, clinic.timeZone()));
        if (!caller.mayManage(c.clientId())) {
            throw new ForbiddenException("A client may put only themself on the waitlist.");
        }
        if (!exists("select exists (select 1 from client where clinic_id = :clinic and id = :id)", clinic, c.clientId())) {
            throw new InvalidInputException("clientId", "'" + c.clientId() + "' is not a client of " + clinic.name());
        }
        requirements.terms(clinic, c.treatment()); // 400 on treatment when it cannot be booked here
        if (c.practitionerId() != null && !exists(
                "select exists (select 1 from practitioner where clinic_id = :clinic and id = :id and active)",
                clinic, c.practitionerId())) {
            throw new InvalidInputException("practitionerId",
                    "'" + c.practitionerId() + "' is not an active practitioner of " + clinic.name());
        }
        boolean already = jdbc.sql("""
                select exists (select 1 from waitlist_entry where clinic_id = :clinic and client_id = :client
                               and treatment_code = :treatment and status in ('waiting', 'offered'))""")
                .param("clinic", clinic.id()).param("client", c.clientId()).param("treatment", c.treatment())
                .query(Boolean.class).single();
        if (already) {
            throw new ConflictException("The client is already waiting for " + c.treatment()
                    + "; cancel that entry to change its dates.");
        }
        WaitlistEntry entry = new WaitlistEntry(UUID.randomUUID(), c.clientId(), c.treatment(), c.practitionerId(),
                c.window(), WaitlistStatus.WAITING, null, null, now, now);
        jdbc.sql("""
                insert into waitlist_entry (clinic_id, id, client_id, treatment_code, practitioner_id, first_day,
                                            last_day, status, created_at, updated_at, created_by)
                values (:clinic, :id, :client, :treatment, :practitioner, :first, :last, 'waiting', :now, :now, :by)""")
                .param("clinic", clinic.id()).param("id", entry.id()).param("client", entry.clientId())
                .param("treatment", entry.treatment()).param("practitioner", entry.practitionerId())
                .param("first", Date.valueOf(entry.window().first())).param("last", Date.valueOf(entry.window().last()))
                .param("now", Timestamp.from(now)).param("by", caller.userId())
                .update();
        return entry;
    }

    /** Staff: every entry still in line, then the rest, newest first; a client: their own. */
    public List<WaitlistEntry> list(Clinic clinic, WaitlistCaller caller) {
        if (!caller.isStaff() && caller.ownClient() == null) {
            return List.of();
        }
        return jdbc.sql("""
                select * from waitlist_entry
                where clinic_id = :clinic and (:all or client_id = :client)
                order by (status in ('waiting', 'offered')) desc,
                         case when status in ('waiting', 'offered') then created_at end asc,
                         updated_at desc, id""")
                .param("clinic", clinic.id()).param("all", caller.isStaff()).param("client", caller.ownClient())
                .query(Waitlist::map).list();
    }

    /** One entry the caller may see; 404 for another clinic's, another client's or an unknown id. */
    public WaitlistEntry require(Clinic clinic, UUID id, WaitlistCaller caller) {
        return find(clinic, id).filter(e -> caller.mayManage(e.clientId())).orElseThrow(() -> notFound(clinic, id));
    }

    public Optional<WaitlistEntry> find(Clinic clinic, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from waitlist_entry where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query(Waitlist::map).optional();
    }

    /** The live offers a client holds (for the client portal), earliest slot first. */
    public List<WaitlistEntry> offersFor(Clinic clinic, UUID clientId) {
        return jdbc.sql("""
                select * from waitlist_entry
                where clinic_id = :clinic and client_id = :client and status = 'offered' and offer_expires_at > :now
                order by offered_start, id""")
                .param("clinic", clinic.id()).param("client", clientId).param("now", Timestamp.from(now()))
                .query(Waitlist::map).list();
    }

    /** The clinic's active practitioners, id to display name, by name (for choosing and showing). */
    public Map<UUID, String> practitionerNames(Clinic clinic) {
        Map<UUID, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, display_name from practitioner where clinic_id = :clinic order by display_name, id")
                .param("clinic", clinic.id())
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
                });
        return names;
    }

    // ---------------------------------------------------------------- the client's answers

    /**
     * Books the offered time through {@link Appointments#book} (every booking rule applies) and marks
     * the entry booked. When the time is gone, 409, and the offer passes to the next in line.
     */
    public BookedOffer accept(Clinic clinic, UUID id, WaitlistCaller caller) {
        Accepted result = transaction.execute(status -> {
            WaitlistEntry entry = lock(clinic, id, caller);
            Instant now = now();
            Offer offer = entry.requireLiveOffer(now);
            Appointment appointment;
            try {
                appointment = appointments.book(clinic, new BookAppointment(entry.clientId(), entry.treatment(),
                        offer.start(), offer.practitionerId(), null, null), caller.booker());
            } catch (ConflictException gone) {
                save(clinic, entry.backInLine(now));
                decide(clinic, offer.openingId(), entry.id(), "taken", now);
                passOn(clinic, offer.openingId(), now);
                return new Accepted(null, null, gone.getMessage());
            }
            WaitlistEntry booked = entry.booked(appointment.id(), now);
            save(clinic, booked);
            decide(clinic, offer.openingId(), entry.id(), "accepted", now);
            setOpening(clinic, offer.openingId(), FILLED);
            return new Accepted(booked, appointment, null);
        });
        if (result.refusal() != null) {
            throw new ConflictException("The offered time is no longer free (" + result.refusal()
                    + "); the offer has passed to the next in line, and this entry waits for another time.");
        }
        return new BookedOffer(result.entry(), result.appointment());
    }

    /** The booked entry with its appointment. */
    public record BookedOffer(WaitlistEntry entry, Appointment appointment) {
    }

    private record Accepted(WaitlistEntry entry, Appointment appointment, String refusal) {
    }

    /** The client does not want the offered time: back in line, and the time passes on. */
    @Transactional
    public WaitlistEntry decline(Clinic clinic, UUID id, WaitlistCaller caller) {
        WaitlistEntry entry = lock(clinic, id, caller);
        if (entry.status() != WaitlistStatus.OFFERED) {
            throw new ConflictException("This waitlist entry has no offer to decline (it is "
                    + entry.status().label().toLowerCase() + ").");
        }
        Instant now = now();
        WaitlistEntry back = entry.backInLine(now);
        save(clinic, back);
        decide(clinic, entry.offer().openingId(), entry.id(), "declined", now);
        passOn(clinic, entry.offer().openingId(), now);
        return back;
    }

    /** Leaves the line; an offer it held passes on. */
    @Transactional
    public WaitlistEntry cancel(Clinic clinic, UUID id, WaitlistCaller caller) {
        WaitlistEntry entry = lock(clinic, id, caller);
        Instant now = now();
        WaitlistEntry cancelled = entry.cancelled(now);
        save(clinic, cancelled);
        if (entry.offer() != null) {
            decide(clinic, entry.offer().openingId(), entry.id(), "withdrawn", now);
            passOn(clinic, entry.offer().openingId(), now);
        }
        return cancelled;
    }

    // ---------------------------------------------------------------- openings

    /**
     * An appointment gave its time back: once that is committed, offer it to the first in line. A
     * failure here never undoes the cancellation; it is logged, and the time simply is not offered.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onReleased(AppointmentReleased released) {
        try {
            newTransaction.executeWithoutResult(status -> opened(released, now()));
        } catch (RuntimeException e) {
            log.warn("Could not offer the time of appointment {} to the waitlist: {}", released.appointmentId(),
                    e.toString());
        }
    }

    private void opened(AppointmentReleased released, Instant now) {
        if (!released.start().isAfter(now)) {
            return;
        }
        boolean anyoneWaiting = jdbc.sql("""
                select exists (select 1 from waitlist_entry
                               where clinic_id = :clinic and treatment_code = :treatment and status = 'waiting')""")
                .param("clinic", released.clinicId()).param("treatment", released.treatment())
                .query(Boolean.class).single();
        Optional<Clinic> clinic = clinics.byId(released.clinicId());
        if (!anyoneWaiting || clinic.isEmpty()) {
            return;
        }
        UUID opening = UUID.randomUUID();
        jdbc.sql("""
                insert into waitlist_opening (clinic_id, id, appointment_id, treatment_code, practitioner_id,
                                              starts_at, ends_at, status, created_at)
                values (:clinic, :id, :appointment, :treatment, :practitioner, :start, :end, 'open', :now)""")
                .param("clinic", released.clinicId()).param("id", opening)
                .param("appointment", released.appointmentId()).param("treatment", released.treatment())
                .param("practitioner", released.practitionerId()).param("start", Timestamp.from(released.start()))
                .param("end", Timestamp.from(released.end())).param("now", Timestamp.from(now))
                .update();
        passOn(clinic.get(), opening, now);
    }

    /**
     * Offers an opening to the first in line who has not had it and for whom a slot on it is free;
     * marks it unclaimed when there is nobody. Does nothing while someone holds it.
     */
    void passOn(Clinic clinic, UUID openingId, Instant now) {
        Optional<Opening> found = jdbc.sql("""
                select * from waitlist_opening where clinic_id = :clinic and id = :id and status = 'open' for update""")
                .param("clinic", clinic.id()).param("id", openingId).query(Waitlist::mapOpening).optional();
        if (found.isEmpty()) {
            return;
        }
        Opening opening = found.get();
        boolean held = jdbc.sql("""
                select exists (select 1 from waitlist_entry
                               where clinic_id = :clinic and opening_id = :opening and status = 'offered')""")
                .param("clinic", clinic.id()).param("opening", openingId).query(Boolean.class).single();
        if (held) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(opening.start(), clinic.timeZone());
        List<WaitlistEntry> candidates = opening.start().isAfter(now) ? jdbc.sql("""
                select * from waitlist_entry
                where clinic_id = :clinic and treatment_code = :treatment and status = 'waiting'
                  and first_day <= :day and last_day >= :day
                  and not exists (select 1 from waitlist_offer o where o.clinic_id = waitlist_entry.clinic_id
                                  and o.opening_id = :opening and o.entry_id = waitlist_entry.id)
                order by created_at, id
                for update skip locked""")
                .param("clinic", clinic.id()).param("treatment", opening.treatment()).param("day", Date.valueOf(day))
                .param("opening", openingId).query(Waitlist::map).list() : List.of();
        Optional<WaitlistLine.Pick> pick = candidates.isEmpty() ? Optional.empty()
                : WaitlistLine.firstInLine(opening, candidates, Set.of(), freeSlots(clinic, opening, day, now),
                        clinic.timeZone());
        if (pick.isEmpty()) {
            // Entries locked by another transaction were skipped: leave the opening open for the job to retry.
            if (!opening.start().isAfter(now) || waitingFor(clinic, opening, day) <= candidates.size()) {
                setOpening(clinic, openingId, UNCLAIMED);
            }
            return;
        }
        Slot slot = pick.get().slot();
        Instant start = slot.start().toInstant();
        Instant expires = WaitlistRules.offerExpiry(now, schedules.settings(clinic).waitlistOfferMinutes(), start);
        Offer offer = new Offer(openingId, start, slot.practitionerId(), expires);
        save(clinic, pick.get().entry().offered(offer, now));
        jdbc.sql("""
                insert into waitlist_offer (clinic_id, opening_id, entry_id, slot_start, practitioner_id, offered_at,
                                            expires_at)
                values (:clinic, :opening, :entry, :start, :practitioner, :now, :expires)""")
                .param("clinic", clinic.id()).param("opening", openingId).param("entry", pick.get().entry().id())
                .param("start", Timestamp.from(start)).param("practitioner", slot.practitionerId())
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                .update();
    }


    /** How many entries could have the opening, locked by others or not. */
    private int waitingFor(Clinic clinic, Opening opening, LocalDate day) {
        return jdbc.sql("""
                select count(*) from waitlist_entry
                where clinic_id = :clinic and treatment_code = :treatment and status = 'waiting'
                  and first_day <= :day and last_day >= :day
                  and not exists (select 1 from waitlist_offer o where o.clinic_id = waitlist_entry.clinic_id
                                  and o.opening_id = :opening and o.entry_id = waitlist_entry.id)""")
                .param("clinic", clinic.id()).param("treatment", opening.treatment()).param("day", Date.valueOf(day))
                .param("opening", opening.id()).query(Integer.class).single();
    }

    /** The free slots of the opening's treatment on its day, fresh (the time was just freed). */
    private Function<UUID, List<Slot>> freeSlots(Clinic clinic, Opening opening, LocalDate day, Instant now) {
        return availability.freshDay(clinic, opening.treatment(), day, now);
    }

    // ---------------------------------------------------------------- the expiry job

    /**
     * Lapses the offers due at {@code now} and passes each opening on, a batch at a time; offers again
     * the openings left open while their candidates were busy; closes the entries whose window has
     * passed. Safe on any number of instances at once: each due offer is
     * taken by one of them ({@code for update skip locked}). Returns how many offers lapsed.
     */
    public int expireDue(Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS); // as timestamptz keeps it
        int lapsed = 0;
        while (true) {
            Integer batch = transaction.execute(status -> lapseBatch(now, 20));
            lapsed += batch == null ? 0 : batch;
            if (batch == null || batch < 20) {
                break;
            }
        }
        transaction.executeWithoutResult(status -> retryOpenings(now));
        transaction.executeWithoutResult(status -> jdbc.sql("""
                update waitlist_entry e set status = 'expired', updated_at = :now
                from clinic c
                where c.id = e.clinic_id and e.status = 'waiting'
                  and e.last_day < cast(cast(:now as timestamptz) at time zone c.time_zone as date)""")
                .param("now", Timestamp.from(now)).update());
        return lapsed;
    }

    private int lapseBatch(Instant now, int size) {
        List<Due> due = jdbc.sql("""
                select clinic_id, id from waitlist_entry
                where status = 'offered' and offer_expires_at <= :now
                order by offer_expires_at, id
                limit :size
                for update skip locked""")
                .param("now", Timestamp.from(now)).param("size", size)
                .query((rs, n) -> new Due(rs.getObject("clinic_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
        Map<UUID, Clinic> byId = new HashMap<>();
        for (Due d : due) {
            Clinic clinic = byId.computeIfAbsent(d.clinic(), c -> clinics.byId(c).orElseThrow());
            WaitlistEntry entry = find(clinic, d.entry()).orElseThrow();
            UUID opening = entry.offer().openingId();
            save(clinic, entry.backInLine(now));
            decide(clinic, opening, entry.id(), "lapsed", now);
            passOn(clinic, opening, now);
        }
        return due.size();
    }

    private record Due(UUID clinic, UUID entry) {
    }

    /** Openings left open while their candidates were busy elsewhere (none holds them): offered again. */
    private void retryOpenings(Instant now) {
        List<Due> open = jdbc.sql("""
                select o.clinic_id, o.id from waitlist_opening o
                where o.status = 'open' and o.starts_at > :now
                  and not exists (select 1 from waitlist_entry e where e.clinic_id = o.clinic_id
                                  and e.opening_id = o.id and e.status = 'offered')
                order by o.starts_at
                limit 50
                for update skip locked""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getObject("clinic_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
        Map<UUID, Clinic> byId = new HashMap<>();
        for (Due d : open) {
            passOn(byId.computeIfAbsent(d.clinic(), c -> clinics.byId(c).orElseThrow()), d.entry(), now);
        }
    }

    // ---------------------------------------------------------------- helpers

    private WaitlistEntry lock(Clinic clinic, UUID id, WaitlistCaller caller) {
        if (id == null) {
            throw notFound(clinic, null);
        }
        return jdbc.sql("select * from waitlist_entry where clinic_id = :clinic and id = :id for update")
                .param("clinic", clinic.id()).param("id", id).query(Waitlist::map).optional()
                .filter(e -> caller.mayManage(e.clientId()))
                .orElseThrow(() -> notFound(clinic, id));
    }

    private void save(Clinic clinic, WaitlistEntry e) {
        Offer o = e.offer();
        jdbc.sql("""
                update waitlist_entry set status = :status, offered_start = :start, offered_practitioner = :practitioner,
                       offer_expires_at = :expires, opening_id = :opening, appointment_id = :appointment,
                       updated_at = :now
                where clinic_id = :clinic and id = :id""")
                .param("status", e.status().code())
                .param("start", o == null ? null : Timestamp.from(o.start()))
                .param("practitioner", o == null ? null : o.practitionerId())
                .param("expires", o == null ? null : Timestamp.from(o.expiresAt()))
                .param("opening", o == null ? null : o.openingId())
                .param("appointment", e.appointmentId()).param("now", Timestamp.from(e.updatedAt()))
                .param("clinic", clinic.id()).param("id", e.id())
                .update();
    }

    private void decide(Clinic clinic, UUID opening, UUID entry, String outcome, Instant now) {
        jdbc.sql("""
                update waitlist_offer set outcome = :outcome, decided_at = :now
                where clinic_id = :clinic and opening_id = :opening and entry_id = :entry and outcome is null""")
                .param("outcome", outcome).param("now", Timestamp.from(now)).param("clinic", clinic.id())
                .param("opening", opening).param("entry", entry).update();
    }

    private void setOpening(Clinic clinic, UUID opening, String status) {
        jdbc.sql("update waitlist_opening set status = :status where clinic_id = :clinic and id = :id")
                .param("status", status).param("clinic", clinic.id()).param("id", opening).update();
    }

    private boolean exists(String sql, Clinic clinic, UUID id) {
        return jdbc.sql(sql).param("clinic", clinic.id()).param("id", id).query(Boolean.class).single();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static NotFoundException notFound(Clinic clinic, UUID id) {
        return new NotFoundException("No waitlist entry '" + id + "' at " + clinic.name() + ".");
    }

    static WaitlistEntry map(ResultSet rs, int row) throws SQLException {
        WaitlistStatus status = WaitlistStatus.fromCode(rs.getString("status")).orElseThrow();
        Timestamp offered = rs.getTimestamp("offered_start");
        Offer offer = status == WaitlistStatus.OFFERED && offered != null
                ? new Offer(rs.getObject("opening_id", UUID.class), offered.toInstant(),
                        rs.getObject("offered_practitioner", UUID.class), rs.getTimestamp("offer_expires_at").toInstant())
                : null;
        return new WaitlistEntry(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getString("treatment_code"), rs.getObject("practitioner_id", UUID.class),
                new DateSpan(rs.getDate("first_day").toLocalDate(), rs.getDate("last_day").toLocalDate()), status,
                offer, rs.getObject("appointment_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Opening mapOpening(ResultSet rs, int row) throws SQLException {
        return new Opening(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
                rs.getString("treatment_code"), rs.getObject("practitioner_id", UUID.class),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant());
    }
}

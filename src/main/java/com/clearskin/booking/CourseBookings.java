package com.clearskin.booking;

import com.clearskin.catalog.Treatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.RuleRefusedException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses: proposes the dates of a whole course (each a free time, spaced by the course interval,
 * passing the treatment rules) and books every session of a course in one transaction, or none.
 */
@Service
public class CourseBookings {

    /** The most sessions one course may hold. */
    public static final int MAX_SESSIONS = 12;
    /** How many days after the first date the first session may fall. */
    static final int FIRST_SESSION_DAYS = 30;
    /** How far past the interval's minimum a later session may fall when the course gives no maximum. */
    static final int OPEN_INTERVAL_DAYS = 14;

    /** The command to propose a course; {@code practitionerId} optional. */
    public record ProposeCourse(UUID clientId, String treatment, Integer sessions, LocalDate firstDate,
            UUID practitionerId) {
    }

    /** The command to book a course at the given starts; {@code overrideReason} as for one booking. */
    public record BookCourse(UUID clientId, String treatment, List<Instant> starts, UUID practitionerId,
            String overrideReason) {
    }

    /**
     * A proposed course: the spacing used, where it comes from, and each session's free time with any
     * caution a staff member must override when booking it.
     */
    public record Proposal(String treatment, int sessions, int intervalDaysMin, int intervalDaysMax, String spacing,
            List<ProposedSession> proposed) {
    }

    public record ProposedSession(int session, Slot slot, List<RuleFinding> cautions) {
    }

    /** A booked course and its appointments, earliest first. */
    public record BookedCourse(UUID id, UUID clientId, String treatment, List<Appointment> appointments) {
    }

    private final JdbcClient jdbc;
    private final BookingRules rules;
    private final Availability availability;
    private final Appointments appointments;
    private final Clock clock;

    CourseBookings(JdbcClient jdbc, BookingRules rules, Availability availability, Appointments appointments,
            Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.availability = availability;
        this.appointments = appointments;
        this.clock = clock;
    }

    /**
     * The first free time of each session: the first on or after {@code firstDate} (within
     * {@value #FIRST_SESSION_DAYS} days), each later one the interval after the one before. A date
     * a rule excludes is skipped; a caution is shown with the session, in neutral words to a
     * {@code viewer} who may not read the client's medical answers. Nothing is written.
     */
    public Proposal propose(Clinic clinic, ProposeCourse command, Booker viewer) {
        List<Violation> violations = new ArrayList<>();
        if (command.clientId() == null) {
            violations.add(new Violation("clientId", "is required"));
        }
        if (command.treatment() == null || command.treatment().isBlank()) {
            violations.add(new Violation("treatment", "is required"));
        }
        if (command.sessions() == null || command.sessions() < 1 || command.sessions() > MAX_SESSIONS) {
            violations.add(new Violation("sessions", "must be 1-" + MAX_SESSIONS));
        }
        LocalDate today = LocalDate.now(clock.withZone(clinic.timeZone()));
        if (command.firstDate() == null) {
            violations.add(new Violation("firstDate", "is required"));
        } else if (command.firstDate().isBefore(today)) {
            violations.add(new Violation("firstDate", "is in the past (today is " + today + ")"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String code = command.treatment().strip();
        requireClient(clinic, command.clientId());
        BookingRules.ClientFacts facts = rules.load(clinic, command.clientId(), command.firstDate(), null);
        Treatment treatment = facts.treatment(code);
        if (treatment == null) {
            throw new InvalidInputException("treatment", "'" + code + "' is not a treatment of " + clinic.name());
        }
        boolean readsMedical = appointments.readsHealthReasons(clinic, viewer, command.clientId());
        Spacing spacing = spacing(treatment, facts, readsMedical);
        List<ProposedSession> proposed = new ArrayList<>();
        List<TreatmentHistory.Session> planned = new ArrayList<>();
        LocalDate from = command.firstDate();
        LocalDate to = from.plusDays(FIRST_SESSION_DAYS);
        for (int n = 1; n <= command.sessions(); n++) {
            ProposedSession found = firstPassing(clinic, facts, code, from, to, command.practitionerId(), planned, n)
                    .orElseThrow(noTime(n, from, to));
            ProposedSession session = new ProposedSession(found.session(), found.slot(),
                    found.cautions().stream().map(f -> f.shownTo(readsMedical)).toList());
            proposed.add(session);
            LocalDate day = LocalDate.ofInstant(session.slot().start().toInstant(), clinic.timeZone());
            planned.add(new TreatmentHistory.Session(null, code, day));
            from = day.plusDays(spacing.min());
            to = day.plusDays(spacing.max());
        }
        return new Proposal(code, command.sessions(), spacing.min(), spacing.max(), spacing.why(), proposed);
    }

    private static java.util.function.Supplier<ConflictException> noTime(int n, LocalDate from, LocalDate to) {
        return () -> new ConflictException("Session " + n + ": no free time between " + from + " and " + to
                + " passes the treatment rules (or it lies beyond the clinic's booking horizon). Try another first date.");
    }

    private Optional<ProposedSession> firstPassing(Clinic clinic, BookingRules.ClientFacts facts, String code,
            LocalDate from, LocalDate to, UUID practitioner, List<TreatmentHistory.Session> planned, int n) {
        LocalDate last = to.isAfter(from.plusDays(Availability.MAX_DAYS - 1)) ? from.plusDays(Availability.MAX_DAYS - 1) : to;
        LocalDate judged = null;
        List<RuleFinding> findings = List.of();
        for (Slot slot : availability.search(clinic, code, from, last, practitioner)) {
            LocalDate day = LocalDate.ofInstant(slot.start().toInstant(), clinic.timeZone());
            if (!day.equals(judged)) {
                judged = day;
                findings = facts.check(code, day, planned);
            }
            if (findings.stream().noneMatch(RuleFinding::excluded)) {
                return Optional.of(new ProposedSession(n, slot, findings));
            }
        }
        return Optional.empty();
    }

    /** Days between sessions: the course's interval, widened to the professional cadence for the skin type. */
    record Spacing(int min, int max, String why) {
    }

    static Spacing spacing(Treatment treatment, BookingRules.ClientFacts facts) {
        return spacing(treatment, facts, true);
    }

    /** As {@link #spacing(Treatment, BookingRules.ClientFacts)}; without {@code namesSkinType}, the skin type is not named. */
    static Spacing spacing(Treatment treatment, BookingRules.ClientFacts facts, boolean namesSkinType) {
        Treatment.Course course = treatment.course();
        int min = course == null ? 0 : course.intervalDaysMin();
        Integer courseMax = course == null ? null : course.intervalDaysMax();
        String why = course == null ? "no course interval in the catalog"
                : "the course interval of " + min + (courseMax == null ? "+" : "-" + courseMax) + " days";
        Optional<Treatment.Cadence> cadence = BookingRuleSet.professionalCadenceFor(treatment, facts.skinType());
        int max = courseMax == null ? min + OPEN_INTERVAL_DAYS : courseMax;
        if (cadence.isPresent() && cadence.get().intervalDaysMin() > min) {
            Treatment.Cadence c = cadence.get();
            min = c.intervalDaysMin();
            max = Math.max(c.intervalDaysMax(), min);
            why = "the professional cadence for " + (namesSkinType
                    ? facts.skinType().label().toLowerCase(java.util.Locale.ROOT) + " skin"
                    : "the client's skin type") + ", " + c.intervalDaysMin() + "-" + c.intervalDaysMax() + " days";
        }
        return new Spacing(Math.max(min, 1), Math.max(max, Math.max(min, 1)), why);
    }

    /**
     * Books every session, with the course's id, in one transaction; the first session refused
     * (time taken: 409; rule: 422; bad input: 400) refuses them all, naming it, and nothing is written.
     */
    @Transactional
    public BookedCourse book(Clinic clinic, BookCourse command, Booker booker) {
        List<Violation> violations = new ArrayList<>();
        if (command.clientId() == null) {
            violations.add(new Violation("clientId", "is required"));
        }
        if (command.treatment() == null || command.treatment().isBlank()) {
            violations.add(new Violation("treatment", "is required"));
        }
        List<Instant> starts = command.starts() == null ? List.of() : command.starts();
        if (starts.isEmpty() || starts.size() > MAX_SESSIONS) {
            violations.add(new Violation("starts", "must hold 1-" + MAX_SESSIONS + " start times"));
        } else if (starts.contains(null)) {
            violations.add(new Violation("starts[" + starts.indexOf(null) + "]", "is required"));
        } else if (new HashSet<>(starts).size() != starts.size()) {
            violations.add(new Violation("starts", "names one start twice"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        requireClient(clinic, command.clientId());
        String code = command.treatment().strip();
        List<Instant> ordered = starts.stream().sorted().toList();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into booked_course (clinic_id, id, client_id, treatment_code, created_at, created_by)
                values (:clinic, :id, :client, :treatment, :now, :by)""")
                .param("clinic", clinic.id()).param("id", id).param("client", command.clientId())
                .param("treatment", code).param("now", Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS)))
                .param("by", booker.userId()).update();
        List<Appointment> booked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Instant start = ordered.get(i);
            String which = "Session " + (i + 1) + " of " + ordered.size() + " ("
                    + start.atZone(clinic.timeZone()).toOffsetDateTime() + "): ";
            try {
                booked.add(appointments.book(clinic, new BookAppointment(command.clientId(), code, start,
                        command.practitionerId(), command.overrideReason(), id), booker));
            } catch (RuleRefusedException e) {
                throw new RuleRefusedException(e.rule(), which + e.getMessage() + " No session of the course was booked.",
                        e.allowedFrom());
            } catch (ConflictException e) {
                throw new ConflictException(which + e.getMessage() + " No session of the course was booked.");
            } catch (InvalidInputException e) {
                int index = starts.indexOf(start);
                throw new InvalidInputException(e.violations().stream()
                        .map(v -> new Violation(v.field().equals("start") ? "starts[" + index + "]" : v.field(),
                                which + v.reason()))
                        .toList());
            }
        }
        return new BookedCourse(id, command.clientId(), code, booked);
    }

    private void requireClient(Clinic clinic, UUID client) {
        boolean known = jdbc.sql("select exists (select 1 from client where clinic_id = :clinic and id = :id)")
                .param("clinic", clinic.id()).param("id", client).query(Boolean.class).single();
        if (!known) {
            throw new InvalidInputException("clientId", "'" + client + "' is not a client of " + clinic.name());
        }
    }
}

package com.clearskin.sessions;

import com.clearskin.assessment.Assessment;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.Performer;
import com.clearskin.catalog.Treatment;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.consent.Consents;
import com.clearskin.consent.Signature;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import com.clearskin.recommendation.Recommendations;
import com.clearskin.recommendation.TreatmentVerdict;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Treatment sessions: started for a checked-in appointment after the day's safety check and a valid
 * consent, run step by step with the times held here, charted, signed (then locked, by the database
 * too), co-signed where the treatment needs medical oversight, corrected by addenda. Callers decide
 * who may; every write is audited in its transaction.
 */
@Service
public class Sessions {

    static final int MAX_NOTES = 4000;
    private static final Set<String> START_FIELDS = Set.of("todayCheck", "acknowledgedCautions");
    private static final String SELECT = """
            select id, appointment_id, client_id, treatment, practitioner_id, started_at, started_by, safety,
                   consent_id, oversight, chart, chart_updated_at, chart_updated_by, signed_at, signed_by,
                   cosigned_at, cosigned_by
            from treatment_session where clinic_id = :clinic""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Appointments appointments;
    private final Consents consents;
    private final Clients clients;
    private final ClientAssessments assessments;
    private final Recommendations recommendations;
    private final ClinicCatalog catalog;
    private final AuditLog audit;
    private final ObjectProvider<SigningCheck> signingChecks;

    Sessions(JdbcClient jdbc, JsonMapper json, Clock clock, Appointments appointments, Consents consents,
            Clients clients, ClientAssessments assessments, Recommendations recommendations, ClinicCatalog catalog,
            AuditLog audit, ObjectProvider<SigningCheck> signingChecks) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.appointments = appointments;
        this.consents = consents;
        this.clients = clients;
        this.assessments = assessments;
        this.recommendations = recommendations;
        this.catalog = catalog;
        this.audit = audit;
        this.signingChecks = signingChecks;
    }

    public Instant now() {
        return Instant.now(clock);
    }

    /**
     * Starts the session of a checked-in appointment. 400 for a missing answer of the day's check
     * or an acknowledgement without a reason; 409 {@code consent-required}, {@code safety-excluded},
     * {@code caution-unacknowledged}, or when the appointment is not checked in or has a session.
     */
    @Transactional
    public TreatmentSession start(Clinic clinic, Appointment a, JsonNode body, UUID by) {
        if (a.status() != AppointmentStatus.CHECKED_IN) {
            throw new ConflictException("not-checked-in", "A session starts only once the client is checked in; this "
                    + "appointment is " + a.status().label().toLowerCase(Locale.ROOT) + ".", Map.of("status", a.status().code()));
        }
        forAppointment(clinic, a.id()).ifPresent(existing -> {
            throw started(existing.id());
        });
        if (body == null || !body.isObject()) {
            TodayCheck.parse(null);
        }
        List<Violation> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!START_FIELDS.contains(e.getKey())) {
                unknown.add(new Violation(e.getKey(), "is not a known field"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        TodayCheck check = TodayCheck.parse(body.get("todayCheck"));
        Map<String, String> acknowledged = acknowledgements(body.get("acknowledgedCautions"));
        Signature consent = consents.holding(clinic, a.clientId(), a.treatment()).orElseThrow(() ->
                new ConflictException("consent-required", "The client has no valid consent for this treatment: they "
                        + "sign the consent form first (a withdrawn or expired one does not count).",
                        Map.of("treatment", a.treatment())));
        Client client = clients.find(clinic, a.clientId()).orElseThrow();
        Optional<Assessment> latest = assessments.effective(clinic, client);
        LocalDate today = LocalDate.now(clock.withZone(clinic.timeZone()));
        TreatmentVerdict verdict = latest.map(x -> verdict(clinic, client, x, check, a.treatment(), today)).orElse(null);
        if (SessionRules.excluded(verdict)) {
            throw new ConflictException("safety-excluded", "The safety check excludes this treatment today: "
                    + verdict.reasons().get(0).text(), Map.of("reasons", reasons(verdict, true),
                    "reconsiderOn", verdict.reconsiderOn() == null ? "" : verdict.reconsiderOn().toString()));
        }
        Map<String, String> cautions = latest.isEmpty()
                ? Map.of(SessionRules.NO_ASSESSMENT, "The client has no assessment on file: nothing could be checked.")
                : SessionRules.cautions(verdict);
        List<String> missing = SessionRules.unacknowledged(cautions, acknowledged);
        if (!missing.isEmpty()) {
            List<Map<String, String>> list = missing.stream().map(rule -> Map.of("rule", rule, "text", cautions.get(rule)))
                    .toList();
            throw new ConflictException("caution-unacknowledged", "Each caution must be acknowledged with a reason "
                    + "before the session starts: " + String.join(", ", missing) + ".", Map.of("cautions", list));
        }
        Treatment t = catalog.require(clinic, a.treatment()).treatment();
        Optional<Performer> oversight = SessionRules.oversight(t.qualification(), clinic.jurisdiction());
        Instant now = now();
        List<TreatmentSession.Acknowledged> acks = cautions.keySet().stream()
                .map(rule -> new TreatmentSession.Acknowledged(rule, acknowledged.get(rule), by, now)).toList();
        TreatmentSession.Safety safety = new TreatmentSession.Safety(check.asMap(),
                verdict == null ? (latest.isEmpty() ? "no-assessment" : null) : verdict.verdict().code(),
                verdict == null ? List.of() : reasons(verdict, false).stream()
                        .map(r -> new TreatmentSession.SafetyReason(r.get("rule"), r.get("text"))).toList(), acks);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into treatment_session (clinic_id, id, appointment_id, client_id, treatment, practitioner_id,
                           started_at, started_by, safety, consent_id, oversight)
                    values (:clinic, :id, :appointment, :client, :treatment, :practitioner, :now, :by,
                            cast(:safety as jsonb), :consent, :oversight)""")
                    .param("clinic", clinic.id()).param("id", id).param("appointment", a.id())
                    .param("client", a.clientId()).param("treatment", a.treatment())
                    .param("practitioner", a.practitionerId()).param("now", Timestamp.from(now)).param("by", by)
                    .param("safety", json.writeValueAsString(safety)).param("consent", consent.id())
                    .param("oversight", oversight.map(Performer::code).orElse(null)).update();
        } catch (DuplicateKeyException e) {
            throw started(forAppointment(clinic, a.id()).map(TreatmentSession::id).orElse(null));
        }
        for (Treatment.ProtocolStep step : t.protocol()) {
            jdbc.sql("""
                    insert into session_step (clinic_id, session_id, step_order, name, description, min_minutes, max_minutes)
                    values (:clinic, :session, :order, :name, :description, :min, :max)""")
                    .param("clinic", clinic.id()).param("session", id).param("order", step.order())
                    .param("name", step.name()).param("description", step.description())
                    .param("min", step.minMinutes()).param("max", step.maxMinutes()).update();
        }
        audit.record(clinic, a.clientId(), AuditAction.CREATE, AuditResource.CLINICAL_RECORD,
                "session started, " + t.protocol().size() + " steps");
        for (TreatmentSession.Acknowledged ack : acks) {
            audit.record(clinic, a.clientId(), AuditAction.CREATE, AuditResource.CLINICAL_RECORD,
                    clip("caution " + ack.rule() + " acknowledged: " + ack.reason(), 200));
        }
        return require(clinic, id);
    }

    private static ConflictException started(UUID existing) {
        return new ConflictException("session-exists", "This appointment's session was started already.",
                existing == null ? Map.of("sessionId", "") : Map.of("sessionId", existing.toString()));
    }

    /** The engine on the latest assessment with the day's answers laid over it, as of today (age from the date of birth). */
    private TreatmentVerdict verdict(Clinic clinic, Client client, Assessment latest, TodayCheck check,
            String treatment, LocalDate today) {
        Assessment laid = check.layOver(latest);
        Integer age = client.ageOn(today).orElse(laid.age());
        Assessment onTheDay = new Assessment(age, laid.skinType(), laid.fitzpatrick(), laid.concerns(),
                laid.bodyAreas(), laid.causes(), laid.medical(), laid.isotretinoinLastTaken(),
                laid.topicalRetinoidLastUsed(), today, laid.budgetUsd(), laid.jurisdiction());
        return recommendations.forClinic(clinic, onTheDay).treatments().stream()
                .filter(v -> v.code().equals(treatment)).findFirst().orElse(null);
    }

    private static List<Map<String, String>> reasons(TreatmentVerdict verdict, boolean safetyOnly) {
        return verdict.reasons().stream()
                .filter(r -> !safetyOnly || !SessionRules.INFORMATION_RULES.contains(r.rule()))
                .map(r -> Map.of("rule", r.rule(), "text", r.text())).toList();
    }

    private static Map<String, String> acknowledgements(JsonNode node) {
        Map<String, String> acknowledged = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return acknowledged;
        }
        if (!node.isArray()) {
            throw new InvalidInputException("acknowledgedCautions", "must be a list of {rule, reason}");
        }
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = "acknowledgedCautions[" + i + "]";
            if (item == null || !item.isObject()) {
                v.add(new Violation(at, "must be an object with rule and reason"));
                continue;
            }
            String rule = item.has("rule") && item.get("rule").isString() ? item.get("rule").asString().strip() : "";
            String reason = item.has("reason") && item.get("reason").isString() ? item.get("reason").asString().strip() : "";
            if (rule.isEmpty()) {
                v.add(new Violation(at + ".rule", "is required: the caution's rule"));
            }
            if (reason.isEmpty()) {
                v.add(new Violation(at + ".reason", "is required: why the treatment goes ahead despite the caution"));
            } else if (reason.length() > 1000) {
                v.add(new Violation(at + ".reason", "must be at most 1000 characters"));
            }
            if (!rule.isEmpty() && !reason.isEmpty()) {
                acknowledged.put(rule, reason);
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return acknowledged;
    }

    /** Starts a step: its time is the server's. 409 when it is started already or the record is signed. */
    @Transactional
    public TreatmentSession startStep(Clinic clinic, UUID sessionId, int order, UUID by) {
        TreatmentSession s = lockOpen(clinic, sessionId);
        TreatmentSession.Step step = step(s, order);
        int changed = jdbc.sql("""
                update session_step set started_at = :now, started_by = :by
                where clinic_id = :clinic and session_id = :session and step_order = :order and started_at is null""")
                .param("now", Timestamp.from(now())).param("by", by).param("clinic", clinic.id())
                .param("session", sessionId).param("order", order).update();
        if (changed == 0) {
            throw new ConflictException("step-started", "Step " + order + " (" + step.name() + ") was started already.",
                    Map.of("order", order));
        }
        return require(clinic, sessionId);
    }

    /**
     * Completes a step with its notes (a step never started starts and ends now). Exactly one of two
     * devices completing the same step at once succeeds: the row lock and the condition on
     * {@code completed_at} let the second see it done (409).
     */
    @Transactional
    public TreatmentSession completeStep(Clinic clinic, UUID sessionId, int order, String notes, UUID by) {
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new InvalidInputException("notes", "must be at most " + MAX_NOTES + " characters");
        }
        TreatmentSession s = lockOpen(clinic, sessionId);
        TreatmentSession.Step step = step(s, order);
        int changed = jdbc.sql("""
                update session_step set started_at = coalesce(started_at, :now),
                       started_by = coalesce(started_by, :by), completed_at = :now, completed_by = :by, notes = :notes
                where clinic_id = :clinic and session_id = :session and step_order = :order and completed_at is null""")
                .param("now", Timestamp.from(now())).param("by", by)
                .param("notes", notes == null || notes.isBlank() ? null : notes.strip())
                .param("clinic", clinic.id()).param("session", sessionId).param("order", order).update();
        if (changed == 0) {
            throw new ConflictException("step-completed", "Step " + order + " (" + step.name()
                    + ") was completed already.", Map.of("order", order));
        }
        audit.record(clinic, s.clientId(), AuditAction.UPDATE, AuditResource.CLINICAL_RECORD, "step " + order + " completed");
        return require(clinic, sessionId);
    }

    /** Saves the chart (replacing the previous draft). 409 once the record is signed. */
    @Transactional
    public TreatmentSession saveChart(Clinic clinic, UUID sessionId, JsonNode body, UUID by) {
        TreatmentSession s = lockOpen(clinic, sessionId);
        Chart chart = Chart.parse(body, LocalDate.now(clock.withZone(clinic.timeZone())));
        jdbc.sql("""
                update treatment_session set chart = cast(:chart as jsonb), chart_updated_at = :now, chart_updated_by = :by
                where clinic_id = :clinic and id = :id and signed_at is null""")
                .param("chart", json.writeValueAsString(chart)).param("now", Timestamp.from(now())).param("by", by)
                .param("clinic", clinic.id()).param("id", sessionId).update();
        audit.record(clinic, s.clientId(), AuditAction.UPDATE, AuditResource.CLINICAL_RECORD, "chart saved");
        return require(clinic, sessionId);
    }

    /** The practitioner signs: every step done and a chart saved; afterwards the record is locked. */
    @Transactional
    public TreatmentSession sign(Clinic clinic, UUID sessionId, UUID by) {
        TreatmentSession s = lockOpen(clinic, sessionId);
        List<String> open = s.steps().stream().filter(st -> !st.done()).map(st -> st.order() + " " + st.name()).toList();
        if (!open.isEmpty()) {
            throw new ConflictException("steps-open", "Every step must be completed before signing; still open: "
                    + String.join(", ", open) + ".", Map.of("open", open));
        }
        if (s.chart() == null) {
            throw new ConflictException("chart-missing", "Save the chart before signing.", Map.of("chart", "missing"));
        }
        signingChecks.orderedStream().forEach(check -> check.beforeSigning(clinic, s));
        jdbc.sql("update treatment_session set signed_at = :now, signed_by = :by where clinic_id = :clinic and id = :id")
                .param("now", Timestamp.from(now())).param("by", by).param("clinic", clinic.id()).param("id", sessionId)
                .update();
        audit.record(clinic, s.clientId(), AuditAction.UPDATE, AuditResource.CLINICAL_RECORD, "record signed");
        TreatmentSession signed = require(clinic, sessionId);
        if (events != null) {
            events.publishEvent(new SessionSigned(clinic.id(), sessionId, signed.appointmentId(), signed.treatment(),
                    signed.signedAt()));
        }
        return signed;
    }

    private org.springframework.context.ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    void useEvents(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    /** The medical director's co-signature, once, of a signed record that needs it (the caller checked who). */
    @Transactional
    public TreatmentSession cosign(Clinic clinic, UUID sessionId, UUID by) {
        TreatmentSession s = lock(clinic, sessionId);
        if (!s.needsCosign()) {
            throw new ConflictException("cosign-not-needed", "This treatment needs no co-signature.", Map.of("status", s.status()));
        }
        if (!s.signed()) {
            throw new ConflictException("not-signed", "The practitioner signs the record first.", Map.of("status", s.status()));
        }
        if (s.cosignedAt() != null) {
            throw new ConflictException("cosigned", "This record was co-signed already.", Map.of("status", s.status()));
        }
        jdbc.sql("update treatment_session set cosigned_at = :now, cosigned_by = :by where clinic_id = :clinic and id = :id")
                .param("now", Timestamp.from(now())).param("by", by).param("clinic", clinic.id()).param("id", sessionId)
                .update();
        audit.record(clinic, s.clientId(), AuditAction.UPDATE, AuditResource.CLINICAL_RECORD, "record co-signed");
        return require(clinic, sessionId);
    }

    /** An addendum: a correction or a later note, with its author and time; never changed. */
    @Transactional
    public TreatmentSession addAddendum(Clinic clinic, UUID sessionId, String text, UUID by) {
        TreatmentSession s = require(clinic, sessionId);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("text", "is required");
        }
        if (body.length() > MAX_NOTES) {
            throw new InvalidInputException("text", "must be at most " + MAX_NOTES + " characters");
        }
        jdbc.sql("""
                insert into session_addendum (clinic_id, id, session_id, author, created_at, body)
                values (:clinic, :id, :session, :by, :now, :body)""")
                .param("clinic", clinic.id()).param("id", UUID.randomUUID()).param("session", sessionId)
                .param("by", by).param("now", Timestamp.from(now())).param("body", body).update();
        audit.record(clinic, s.clientId(), AuditAction.CREATE, AuditResource.CLINICAL_RECORD, "addendum");
        return require(clinic, sessionId);
    }

    public Optional<TreatmentSession> find(Clinic clinic, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " and id = :id").param("clinic", clinic.id()).param("id", id)
                .query(this::row).optional().map(r -> r.complete(clinic));
    }

    public TreatmentSession require(Clinic clinic, UUID id) {
        return find(clinic, id).orElseThrow(() -> new NotFoundException("No session " + id + "."));
    }

    public Optional<TreatmentSession> forAppointment(Clinic clinic, UUID appointmentId) {
        return jdbc.sql(SELECT + " and appointment_id = :appointment").param("clinic", clinic.id())
                .param("appointment", appointmentId).query(this::row).optional().map(r -> r.complete(clinic));
    }

    /** A client's sessions, newest first. */
    public List<TreatmentSession> forClient(Clinic clinic, UUID clientId) {
        return jdbc.sql(SELECT + " and client_id = :client order by started_at desc").param("clinic", clinic.id())
                .param("client", clientId).query(this::row).list().stream().map(r -> r.complete(clinic)).toList();
    }

    /** Signed records waiting for the medical director's co-signature, oldest first. */
    public List<TreatmentSession> awaitingCosign(Clinic clinic) {
        return jdbc.sql(SELECT + " and oversight is not null and signed_at is not null and cosigned_at is null "
                        + "order by signed_at").param("clinic", clinic.id()).query(this::row).list().stream()
                .map(r -> r.complete(clinic)).toList();
    }

    /** The preferences of the client's latest charted session other than {@code except}: shown at the next visit. */
    public Optional<Chart.Preferences> lastPreferences(Clinic clinic, UUID clientId, UUID except) {
        return forClient(clinic, clientId).stream().filter(s -> !s.id().equals(except))
                .filter(s -> s.chart() != null && s.chart().preferences() != null && s.chart().preferences().any())
                .map(s -> s.chart().preferences()).findFirst();
    }

    private TreatmentSession lockOpen(Clinic clinic, UUID sessionId) {
        TreatmentSession s = lock(clinic, sessionId);
        if (s.signed()) {
            throw new ConflictException("session-signed", "The record is signed: it cannot change. Add an addendum "
                    + "to correct it.", Map.of("status", s.status()));
        }
        return s;
    }

    private TreatmentSession lock(Clinic clinic, UUID sessionId) {
        jdbc.sql("select id from treatment_session where clinic_id = :clinic and id = :id for update")
                .param("clinic", clinic.id()).param("id", sessionId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("No session " + sessionId + "."));
        return require(clinic, sessionId);
    }

    private static TreatmentSession.Step step(TreatmentSession s, int order) {
        return s.steps().stream().filter(st -> st.order() == order).findFirst()
                .orElseThrow(() -> new NotFoundException("The session has no step " + order + "."));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A session row before its steps and addenda are read. */
    private final class Row {
        final TreatmentSession head;

        Row(TreatmentSession head) {
            this.head = head;
        }

        TreatmentSession complete(Clinic clinic) {
            List<TreatmentSession.Step> steps = jdbc.sql("""
                    select step_order, name, description, min_minutes, max_minutes, started_at, completed_at, notes
                    from session_step where clinic_id = :clinic and session_id = :id order by step_order""")
                    .param("clinic", clinic.id()).param("id", head.id())
                    .query((rs, n) -> new TreatmentSession.Step(rs.getInt(1), rs.getString(2), rs.getString(3),
                            (Integer) rs.getObject(4), (Integer) rs.getObject(5), instant(rs, 6), instant(rs, 7),
                            rs.getString(8))).list();
            List<TreatmentSession.Addendum> addenda = jdbc.sql("""
                    select id, body, author, created_at from session_addendum
                    where clinic_id = :clinic and session_id = :id order by created_at, id""")
                    .param("clinic", clinic.id()).param("id", head.id())
                    .query((rs, n) -> new TreatmentSession.Addendum(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(3, UUID.class), instant(rs, 4))).list();
            TreatmentSession h = head;
            return new TreatmentSession(h.id(), h.appointmentId(), h.clientId(), h.treatment(), h.practitionerId(),
                    h.startedAt(), h.startedBy(), h.safety(), h.consentId(), h.oversight(), h.chart(), h.chartUpdatedAt(),
                    h.chartUpdatedBy(), h.signedAt(), h.signedBy(), h.cosignedAt(), h.cosignedBy(), steps, addenda);
        }
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String chart = rs.getString("chart");
        return new Row(new TreatmentSession(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getString("treatment"),
                rs.getObject("practitioner_id", UUID.class), instant(rs, "started_at"),
                rs.getObject("started_by", UUID.class),
                json.readValue(rs.getString("safety"), TreatmentSession.Safety.class),
                rs.getObject("consent_id", UUID.class), rs.getString("oversight"),
                chart == null ? null : json.readValue(chart, Chart.class), instant(rs, "chart_updated_at"),
                rs.getObject("chart_updated_by", UUID.class), instant(rs, "signed_at"),
                rs.getObject("signed_by", UUID.class), instant(rs, "cosigned_at"),
                rs.getObject("cosigned_by", UUID.class), List.of(), List.of()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

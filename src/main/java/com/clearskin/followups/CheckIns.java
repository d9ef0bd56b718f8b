package com.clearskin.followups;

import com.clearskin.accounts.Membership;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.clinics.Clinic;
import com.clearskin.followups.EscalationRule.WarningSign;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.photos.Photos;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's check-ins after a visit and the escalations they open: the answers are kept as given
 * (append-only); when {@link EscalationRule} finds a reason, an open escalation is created in the
 * same transaction, for the practitioner to resolve with what they did.
 */
@Service
public class CheckIns {

    /** The answers of one check-in (or problem report), already validated. */
    public record Answers(int redness, boolean peeling, int pain, boolean swelling, Set<WarningSign> warningSigns,
            String note) {
    }

    /** A photo the client sends with the answers: the file as uploaded and where on the body it was taken. */
    public record Photo(byte[] file, String area) {

        /** The photo of a form or multipart request, or none when no file was chosen. */
        public static Photo of(byte[] file, String area) {
            return file == null || file.length == 0 ? null : new Photo(file, area);
        }
    }

    /** A recorded check-in: its id and whether it opened an escalation. */
    public record Recorded(UUID id, boolean escalated) {
    }

    /** One escalation with the answers that opened it. */
    public record Escalation(UUID id, UUID checkInId, UUID appointmentId, UUID clientId, String reasons, String status,
            Instant openedAt, Instant resolvedAt, UUID resolvedBy, String action, int redness, boolean peeling, int pain,
            boolean swelling, List<String> warningSigns, String note, UUID photoId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final EscalationAlerts alerts;

    private final Photos photos;

    CheckIns(JdbcClient jdbc, Clock clock, AuditLog audit, EscalationAlerts alerts, Photos photos) {
        this.alerts = alerts;
        this.photos = photos;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    private org.springframework.context.ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    void useEvents(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Records the client's answers about their own completed appointment; escalates when the rule says so. */
    @Transactional
    public Recorded record(Clinic clinic, UUID clientId, Appointment appointment, Answers answers) {
        return record(clinic, clientId, appointment, answers, null, null);
    }

    /**
     * As {@link #record(Clinic, UUID, Appointment, Answers)}, with a photo of the skin kept among the
     * client's photos in the same transaction ({@code by}: the client's account, or null from an emailed link).
     */
    @Transactional
    public Recorded record(Clinic clinic, UUID clientId, Appointment appointment, Answers answers, Photo photo, UUID by) {
        if (!appointment.clientId().equals(clientId)) {
            throw new NotFoundException("No such visit of yours.");
        }
        if (appointment.status() != AppointmentStatus.COMPLETED) {
            throw new RuleRefusedException("visit-completed", "You can tell us how your skin is once your visit is done.", null);
        }
        Instant now = Instant.now(clock);
        UUID id = UUID.randomUUID();
        List<String> reasons = EscalationRule.reasons(answers.redness(), answers.pain(), answers.warningSigns());
        String[] signs = answers.warningSigns().stream().sorted().map(WarningSign::code).toArray(String[]::new);
        UUID photoId = photo == null ? null : photos.fromClient(clinic, clientId, photo.file(), photo.area(), by).id();
        jdbc.sql("""
                insert into check_in (clinic_id, id, appointment_id, client_id, redness, peeling, pain, swelling,
                                      warning_signs, note, escalated, created_at, photo_id)
                values (:clinic, :id, :appointment, :client, :redness, :peeling, :pain, :swelling,
                        cast(:signs as text[]), :note, :escalated, :now, :photo)""")
                .param("photo", photoId)
                .param("clinic", clinic.id()).param("id", id).param("appointment", appointment.id())
                .param("client", clientId).param("redness", answers.redness()).param("peeling", answers.peeling())
                .param("pain", answers.pain()).param("swelling", answers.swelling())
                .param("signs", "{" + String.join(",", signs) + "}").param("note", answers.note())
                .param("escalated", !reasons.isEmpty()).param("now", Timestamp.from(now)).update();
        jdbc.sql("""
                update follow_up set status = 'answered'
                where clinic_id = :clinic and id = (
                    select id from follow_up where clinic_id = :clinic and appointment_id = :appointment
                      and kind = 'check-in' and status = 'sent' order by due_at limit 1)""")
                .param("clinic", clinic.id()).param("appointment", appointment.id()).update();
        if (!reasons.isEmpty()) {
            UUID escalation = UUID.randomUUID();
            jdbc.sql("""
                    insert into escalation (clinic_id, id, check_in_id, appointment_id, client_id, reasons, status, opened_at)
                    values (:clinic, :id, :checkIn, :appointment, :client, :reasons, 'open', :now)""")
                    .param("clinic", clinic.id()).param("id", escalation).param("checkIn", id)
                    .param("appointment", appointment.id()).param("client", clientId)
                    .param("reasons", String.join("; ", reasons)).param("now", Timestamp.from(now)).update();
            alerts.tell(clinic, appointment, escalation, reasons, answers, photoId != null);
            if (events != null) {
                events.publishEvent(new CheckInEscalated(clinic.id(), escalation, appointment.id(), String.join("; ", reasons)));
            }
        }
        audit.record(clinic, clientId, AuditAction.CREATE, AuditResource.CLINICAL_RECORD, "check-in after a visit");
        return new Recorded(id, !reasons.isEmpty());
    }

    /** The clinic's escalations, open first then newest; only open ones when {@code openOnly}. */
    public List<Escalation> escalations(Clinic clinic, boolean openOnly) {
        return jdbc.sql("""
                select e.*, c.redness, c.peeling, c.pain, c.swelling, c.warning_signs, c.note, c.photo_id
                from escalation e join check_in c on c.clinic_id = e.clinic_id and c.id = e.check_in_id
                where e.clinic_id = :clinic and (not :openOnly or e.status = 'open')
                order by e.status = 'open' desc, e.opened_at desc limit 500""")
                .param("clinic", clinic.id()).param("openOnly", openOnly).query((rs, n) -> map(rs)).list();
    }

    public Escalation escalation(Clinic clinic, UUID id) {
        return jdbc.sql("""
                select e.*, c.redness, c.peeling, c.pain, c.swelling, c.warning_signs, c.note, c.photo_id
                from escalation e join check_in c on c.clinic_id = e.clinic_id and c.id = e.check_in_id
                where e.clinic_id = :clinic and e.id = :id""")
                .param("clinic", clinic.id()).param("id", id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("No such escalation."));
    }

    /** Records what the practitioner did; an escalation is resolved once (409 escalation-resolved after). */
    @Transactional
    public Escalation resolve(Membership by, UUID userId, UUID id, String action) {
        Clinic clinic = by.clinic();
        Escalation e = escalation(clinic, id);
        int changed = jdbc.sql("""
                update escalation set status = 'resolved', resolved_at = :now, resolved_by = :by, action = :action
                where clinic_id = :clinic and id = :id and status = 'open'""")
                .param("now", Timestamp.from(Instant.now(clock))).param("by", userId).param("action", action)
                .param("clinic", clinic.id()).param("id", id).update();
        if (changed == 0) {
            throw new ConflictException("escalation-resolved", "This escalation is already resolved.", java.util.Map.of());
        }
        audit.record(by, e.clientId(), AuditAction.UPDATE, AuditResource.CLINICAL_RECORD, "check-in escalation resolved");
        return escalation(clinic, id);
    }

    private static Escalation map(ResultSet rs) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        Array signs = rs.getArray("warning_signs");
        return new Escalation(rs.getObject("id", UUID.class), rs.getObject("check_in_id", UUID.class),
                rs.getObject("appointment_id", UUID.class), rs.getObject("client_id", UUID.class), rs.getString("reasons"),
                rs.getString("status"), rs.getTimestamp("opened_at").toInstant(), resolved == null ? null : resolved.toInstant(),
                rs.getObject("resolved_by", UUID.class), rs.getString("action"), rs.getInt("redness"), rs.getBoolean("peeling"),
                rs.getInt("pain"), rs.getBoolean("swelling"), List.of((String[]) signs.getArray()), rs.getString("note"),
                rs.getObject("photo_id", UUID.class));
    }
}

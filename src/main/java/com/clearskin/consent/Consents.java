package com.clearskin.consent;

import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signatures of consent forms: signing (with the full evidence), reading, withdrawing (a recorded
 * withdrawal; nothing is deleted), and whether a client's consent to a treatment holds now. The
 * callers decide who may; every write is audited in its transaction.
 */
@Service
public class Consents {

    static final int MAX_NAME = 200;
    static final int MAX_USER_AGENT = 500;
    private static final String SELECT = """
            select s.id, s.form_id, s.form_version, v.title, s.client_id, s.appointment_id, s.signer_name,
                   s.typed_signature, s.signature_png is not null as drawn, s.signed_at, s.valid_until, s.ip,
                   s.user_agent, s.document_sha256, s.signed_by, s.witness_id, s.photos_record, s.photos_marketing,
                   w.withdrawn_at, w.withdrawn_by, w.reason
            from consent_signature s
            join consent_form_version v on v.clinic_id = s.clinic_id and v.form_id = s.form_id
                 and v.version = s.form_version
            left join consent_withdrawal w on w.clinic_id = s.clinic_id and w.signature_id = s.id
            where s.clinic_id = :clinic""";

    /** Where a signature came from: the request's address and browser. */
    public record Evidence(String ip, String userAgent) {
    }

    private final JdbcClient jdbc;
    private final ConsentForms forms;
    private final AuditLog audit;
    private final Clock clock;
    private final Clients clients;

    Consents(JdbcClient jdbc, ConsentForms forms, AuditLog audit, Clock clock, Clients clients) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.forms = forms;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The client of {@code appointment} signs {@code request.formId()}'s latest version. {@code by}
     * is the account that submitted it; {@code witnessed} when that is a staff member at the clinic's
     * tablet (then recorded as witness). 400 names every wrong field; 409 when the visit is over.
     */
    @Transactional
    public Signature sign(Clinic clinic, Appointment appointment, SignatureRequest request, UUID by, boolean witnessed,
            Evidence evidence) {
        if (request == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<Violation> violations = new ArrayList<>();
        ConsentForm form = form(clinic, request.formId(), appointment.treatment(), violations);
        String signer = text("signerName", request.signerName(), violations);
        String typed = text("typedSignature", request.typedSignature(), violations);
        if (request.agreed() == null) {
            violations.add(new Violation("agreed", "is required: the client must tick \"I agree\""));
        } else if (!request.agreed()) {
            violations.add(new Violation("agreed", "must be true: the client must tick \"I agree\" to sign"));
        }
        byte[] png = image(request.signatureImage(), violations);
        PhotoConsent photos = photos(request.photos(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (appointment.status() == AppointmentStatus.CANCELLED || appointment.status() == AppointmentStatus.NO_SHOW) {
            throw new ConflictException("A " + appointment.status().label().toLowerCase(java.util.Locale.ROOT)
                    + " appointment takes no consent.");
        }
        Instant now = Instant.now(clock);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into consent_signature (clinic_id, id, form_id, form_version, client_id, appointment_id,
                       signer_name, typed_signature, signature_png, agreed, signed_at, valid_until, ip, user_agent,
                       document_sha256, signed_by, witness_id, photos_record, photos_marketing)
                values (:clinic, :id, :form, :version, :client, :appointment, :signer, :typed, :png, true, :now,
                        :until, :ip, :agent, :sha, :by, :witness, :photosRecord, :photosMarketing)""")
                .param("clinic", clinic.id()).param("id", id).param("form", form.id()).param("version", form.version())
                .param("client", appointment.clientId()).param("appointment", appointment.id())
                .param("signer", signer).param("typed", typed).param("png", png)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(ConsentRules.validUntil(now, form.validMonths(), clinic.timeZone())))
                .param("ip", clip(evidence.ip(), 100)).param("agent", clip(evidence.userAgent(), MAX_USER_AGENT))
                .param("sha", form.sha256()).param("by", by).param("witness", witnessed ? by : null)
                .param("photosRecord", photos == null ? null : photos.record())
                .param("photosMarketing", photos == null ? null : photos.marketing())
                .update();
        audit.record(clinic, appointment.clientId(), AuditAction.CREATE, AuditResource.CONSENT,
                "consent signed" + (witnessed ? " at the clinic, witnessed" : " by the client"));
        return require(clinic, id);
    }

    public Optional<Signature> find(Clinic clinic, UUID id) {
        return jdbc.sql(SELECT + " and s.id = :id").param("clinic", clinic.id()).param("id", id)
                .query(Consents::signature).optional();
    }

    public Signature require(Clinic clinic, UUID id) {
        return find(clinic, id).orElseThrow(() -> new NotFoundException("No consent " + id + "."));
    }

    /** The drawn signature of a consent, if one was drawn. */
    public Optional<byte[]> drawing(Clinic clinic, UUID id) {
        return jdbc.sql("select signature_png from consent_signature where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query((rs, n) -> rs.getBytes(1)).optional()
                .filter(java.util.Objects::nonNull);
    }

    /** A client's signatures, newest first. */
    public List<Signature> forClient(Clinic clinic, UUID clientId) {
        return jdbc.sql(SELECT + " and s.client_id = :client order by s.signed_at desc")
                .param("clinic", clinic.id()).param("client", clientId).query(Consents::signature).list();
    }

    /** The consent that holds now for the client and treatment (the newest), if any. */
    public Optional<Signature> holding(Clinic clinic, UUID clientId, String treatment) {
        Instant now = Instant.now(clock);
        return jdbc.sql(SELECT + " and s.client_id = :client and :treatment = any(v.treatments) "
                        + "and w.signature_id is null and s.valid_until > :now order by s.signed_at desc limit 1")
                .param("clinic", clinic.id()).param("client", clientId).param("treatment", treatment)
                .param("now", Timestamp.from(now)).query(Consents::signature).optional();
    }

    /**
     * What the client's consents allow for photos now: the newest signature that holds and answered
     * the photo question decides; a withdrawn or expired one no longer counts. An erased client's
     * photos are never marketing material, whatever they once chose.
     */
    public PhotoPermission photoPermission(Clinic clinic, UUID clientId) {
        PhotoPermission answered = jdbc.sql(SELECT + " and s.client_id = :client and s.photos_record is not null "
                        + "and w.signature_id is null and s.valid_until > :now order by s.signed_at desc limit 1")
                .param("clinic", clinic.id()).param("client", clientId).param("now", Timestamp.from(Instant.now(clock)))
                .query(Consents::signature).optional().map(Signature::photoPermission).orElse(PhotoPermission.NOT_ASKED);
        return answered == PhotoPermission.MARKETING && clients.isErased(clinic, clientId) ? PhotoPermission.RECORD
                : answered;
    }

    /** The clinic's clients whose photos it may use in marketing now ({@link PhotoPermission#MARKETING}). */
    public List<UUID> marketingClients(Clinic clinic) {
        List<UUID> answered = jdbc.sql("""
                select client_id from (
                    select distinct on (s.client_id) s.client_id, s.photos_marketing
                    from consent_signature s
                    left join consent_withdrawal w on w.clinic_id = s.clinic_id and w.signature_id = s.id
                    where s.clinic_id = :clinic and s.photos_record is not null and w.signature_id is null
                      and s.valid_until > :now
                    order by s.client_id, s.signed_at desc, s.id) newest
                where photos_marketing""").param("clinic", clinic.id()).param("now", Timestamp.from(Instant.now(clock)))
                .query(UUID.class).list();
        return answered.stream().filter(client -> !clients.isErased(clinic, client)).toList();
    }

    /** Withdraws a signature: recorded with who, when and why; the signature itself stays. 409 when already withdrawn. */
    @Transactional
    public Signature withdraw(Clinic clinic, UUID id, UUID by, String reason) {
        Signature s = require(clinic, id);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 1000) {
            throw new InvalidInputException("reason", "must be at most 1000 characters");
        }
        int inserted = jdbc.sql("""
                insert into consent_withdrawal (clinic_id, signature_id, withdrawn_at, withdrawn_by, reason)
                values (:clinic, :id, :now, :by, :reason) on conflict do nothing""")
                .param("clinic", clinic.id()).param("id", id).param("now", Timestamp.from(Instant.now(clock)))
                .param("by", by).param("reason", why).update();
        if (inserted == 0) {
            throw new ConflictException("This consent was already withdrawn on " + s.withdrawal().at() + ".");
        }
        audit.record(clinic, s.clientId(), AuditAction.UPDATE, AuditResource.CONSENT, "consent withdrawn");
        return require(clinic, id);
    }

    public Instant now() {
        return Instant.now(clock);
    }

    private ConsentForm form(Clinic clinic, String formId, String treatment, List<Violation> violations) {
        if (formId == null || formId.isBlank()) {
            violations.add(new Violation("formId", "is required"));
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(formId.strip());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("formId", "must be the id of a consent form"));
            return null;
        }
        Optional<ConsentForm> form = forms.find(clinic, id);
        if (form.isEmpty()) {
            violations.add(new Violation("formId", "is not a consent form of the clinic"));
            return null;
        }
        if (!ConsentRules.covers(form.get().treatments(), treatment)) {
            violations.add(new Violation("formId", "does not cover this appointment's treatment (" + treatment + ")"));
            return null;
        }
        return form.get();
    }

    private static String text(String field, String value, List<Violation> violations) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            violations.add(new Violation(field, "is required"));
        } else if (v.length() > MAX_NAME) {
            violations.add(new Violation(field, "must be at most " + MAX_NAME + " characters"));
        }
        return v;
    }

    private static byte[] image(String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        byte[] bytes = ConsentRules.decodeSignature(value);
        if (bytes == null) {
            violations.add(new Violation("signatureImage", "must be a PNG image, base64-encoded"));
        } else if (!ConsentRules.signatureIsSmallEnough(bytes)) {
            violations.add(new Violation("signatureImage", "must be at most 200 KB (it is "
                    + (bytes.length + 1023) / 1024 + " KB)"));
        } else if (!ConsentRules.isPng(bytes)) {
            violations.add(new Violation("signatureImage", "must be a PNG image"));
        } else {
            return bytes;
        }
        return null;
    }

    /** The photo choices: both answered, and marketing only with the record. Null: the form did not ask. */
    static PhotoConsent photos(PhotoConsent given, List<Violation> violations) {
        if (given == null) {
            return null;
        }
        if (given.record() == null) {
            violations.add(new Violation("photos.record", "is required with the photo choices: true or false"));
            return null;
        }
        boolean marketing = Boolean.TRUE.equals(given.marketing());
        if (marketing && !given.record()) {
            violations.add(new Violation("photos.marketing",
                    "needs photos.record: a photo used in marketing is first a photo in the record"));
            return null;
        }
        return new PhotoConsent(given.record(), marketing);
    }

    private static String clip(String text, int max) {
        return text == null ? null : text.length() <= max ? text : text.substring(0, max);
    }

    private static PhotoConsent photos(ResultSet rs) throws SQLException {
        boolean record = rs.getBoolean("photos_record");
        return rs.wasNull() ? null : new PhotoConsent(record, rs.getBoolean("photos_marketing"));
    }

    private static Signature signature(ResultSet rs, int row) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Signature(rs.getObject("id", UUID.class), rs.getObject("form_id", UUID.class),
                rs.getInt("form_version"), rs.getString("title"), rs.getObject("client_id", UUID.class),
                rs.getObject("appointment_id", UUID.class), rs.getString("signer_name"),
                rs.getString("typed_signature"), rs.getBoolean("drawn"), rs.getTimestamp("signed_at").toInstant(),
                rs.getTimestamp("valid_until").toInstant(), rs.getString("ip"), rs.getString("user_agent"),
                rs.getString("document_sha256"), rs.getObject("signed_by", UUID.class),
                rs.getObject("witness_id", UUID.class), photos(rs),
                withdrawn == null ? null : new Signature.Withdrawal(withdrawn.toInstant(),
                        rs.getObject("withdrawn_by", UUID.class), rs.getString("reason")));
    }
}

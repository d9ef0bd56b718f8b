package com.clearskin.licences;

import com.clearskin.accounts.Membership;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.Coded;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practitioners' licences: the clinic adds them with their document (append-only), a Clearskin
 * licence reviewer verifies or rejects each with a note (a new decision row each time; the latest
 * counts), and every decision and every read of a document is in the clinic's audit log.
 */
@Service
public class Licences {

    /** The statuses a licence can show, and the queue can be filtered by. */
    public static final List<String> STATUSES = List.of("pending", "verified", "rejected", "expired");
    private static final int MAX_QUEUE = 200;
    private static final int MAX_NOTE = 1000;
    private static final String SELECT = """
            select l.clinic_id, l.id, l.practitioner_id, l.type, l.number, l.jurisdiction, l.expires_on, l.document_type,
                   octet_length(l.document) as document_bytes, l.created_at, l.created_by,
                   d.id as decision_id, d.decision, d.note, d.decided_at, d.decided_by
            from licence l
            left join lateral (select v.id, v.decision, v.note, v.decided_at, v.decided_by from licence_verification v
                               where v.clinic_id = l.clinic_id and v.licence_id = l.id
                               order by v.decided_at desc, v.id desc limit 1) d on true
            """;

    /** A licence of the reviewer's queue, with where it is from. */
    public record QueueEntry(Licence licence, String clinicSlug, String clinicName, String practitionerName,
            String status) {
    }

    /** A licence document: its bytes and media type (told by its magic bytes when it was added). */
    public record Document(byte[] bytes, String mediaType) {
    }

    private final JdbcClient jdbc;
    private final ClinicResources resources;
    private final Clinics clinics;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Licences(JdbcClient jdbc, ClinicResources resources, Clinics clinics, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.clinics = clinics;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Today in the clinic's time zone: the day licences are judged on. */
    public LocalDate today(Clinic clinic) {
        return LocalDate.ofInstant(Instant.now(clock), clinic.timeZone());
    }

    // ---------------------------------------------------------------- the clinic's side

    /** The practitioner's licences, newest first; 404 for a practitioner not of this clinic. */
    public List<Licence> forPractitioner(Clinic clinic, String practitionerId) {
        PractitionerDetails p = resources.practitioner(clinic, practitionerId);
        return jdbc.sql(SELECT + " where l.clinic_id = :clinic and l.practitioner_id = :p order by l.created_at desc, l.id")
                .param("clinic", clinic.id()).param("p", p.id()).query(Licences::map).list();
    }

    /** Every licence of the clinic, oldest first. */
    public List<Licence> forClinic(Clinic clinic) {
        return jdbc.sql(SELECT + " where l.clinic_id = :clinic order by l.created_at, l.id")
                .param("clinic", clinic.id()).query(Licences::map).list();
    }

    /** The licences of the clinic's practitioners, by practitioner, as the rules read them. */
    public Map<UUID, List<LicenceRules.Fact>> factsOfClinic(Clinic clinic) {
        Map<UUID, List<LicenceRules.Fact>> facts = new HashMap<>();
        jdbc.sql("""
                select l.practitioner_id, l.type, l.expires_on,
                       (select v.decision from licence_verification v where v.clinic_id = l.clinic_id and v.licence_id = l.id
                        order by v.decided_at desc, v.id desc limit 1) as decision
                from licence l where l.clinic_id = :clinic""")
                .param("clinic", clinic.id())
                .query(rs -> {
                    String decision = rs.getString("decision");
                    facts.computeIfAbsent(rs.getObject("practitioner_id", UUID.class), k -> new ArrayList<>())
                            .add(new LicenceRules.Fact(LicenceType.fromCode(rs.getString("type")).orElseThrow(),
                                    rs.getObject("expires_on", LocalDate.class),
                                    decision == null ? Review.PENDING : Review.fromCode(decision).orElseThrow()));
                });
        return facts;
    }

    /** One licence of the clinic's practitioner; 404 when it is not theirs. */
    public Licence require(Clinic clinic, String practitionerId, String licenceId) {
        UUID practitioner = resources.practitioner(clinic, practitionerId).id();
        UUID id = Ids.orNotFound(licenceId, "No licence " + licenceId + " of this practitioner.");
        return jdbc.sql(SELECT + " where l.clinic_id = :clinic and l.id = :id and l.practitioner_id = :p")
                .param("clinic", clinic.id()).param("id", id).param("p", practitioner).query(Licences::map).optional()
                .orElseThrow(() -> new NotFoundException("No licence " + licenceId + " of this practitioner."));
    }

    /**
     * Adds a licence with its document (owners and admins; 400 naming the field for bad input). It
     * waits for a platform reviewer; until then it does not count.
     */
    @Transactional
    public Licence add(Membership who, String practitionerId, NewLicence in, UUID by) {
        Clinic clinic = who.clinic();
        PractitionerDetails p = resources.practitioner(clinic, practitionerId);
        List<Violation> violations = new ArrayList<>();
        LicenceType type = null;
        if (in.type() == null || in.type().isBlank()) {
            violations.add(new Violation("type", "is required: one of " + Coded.codes(LicenceType.class)));
        } else {
            type = LicenceType.fromCode(in.type().strip()).orElse(null);
            if (type == null) {
                violations.add(new Violation("type", "must be one of " + Coded.codes(LicenceType.class)));
            }
        }
        String number = text(in.number(), "number", 1, 50, violations);
        String jurisdiction = text(in.jurisdiction(), "jurisdiction", 2, 60, violations);
        LocalDate expiresOn = expiry(in.expiresOn(), today(clinic), violations);
        String mediaType = null;
        if (in.document() == null || in.document().length == 0) {
            violations.add(new Violation("document", "is required: the licence as a PDF, JPEG or PNG"));
        } else if (!LicenceDocuments.withinSize(in.document())) {
            violations.add(new Violation("document", "must be at most " + LicenceDocuments.MAX_BYTES / (1024 * 1024)
                    + " MB"));
        } else {
            mediaType = LicenceDocuments.mediaType(in.document()).orElse(null);
            if (mediaType == null) {
                violations.add(new Violation("document", "must be a PDF, JPEG or PNG file"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into licence (clinic_id, id, practitioner_id, type, number, jurisdiction, expires_on, document,
                                     document_type, created_at, created_by)
                values (:clinic, :id, :p, :type, :number, :jurisdiction, :expires, :document, :mediaType, :now, :by)""")
                .param("clinic", clinic.id()).param("id", id).param("p", p.id()).param("type", type.code())
                .param("number", number).param("jurisdiction", jurisdiction).param("expires", expiresOn)
                .param("document", in.document()).param("mediaType", mediaType).param("now", Timestamp.from(now))
                .param("by", by).update();
        audit.record(who, null, AuditAction.CREATE, AuditResource.LICENCE,
                type.label() + " licence added for practitioner " + p.id());
        events.publishEvent(new LicencesChanged(clinic.id()));
        return new Licence(id, clinic.id(), p.id(), type, number, jurisdiction, expiresOn, mediaType,
                in.document().length, now, by, null);
    }

    /** The licence's document, the read audited in the clinic's log. */
    @Transactional
    public Document document(Membership who, Licence licence) {
        audit.record(who, null, AuditAction.READ, AuditResource.LICENCE, "licence document " + licence.id());
        return read(licence);
    }

    // ---------------------------------------------------------------- the platform reviewer's side

    /**
     * The reviewer's queue across clinics: pending first, then by when they were added (oldest
     * first); {@code status} (one of {@link #STATUSES}, or null for every one) filters it. At most 200.
     */
    public List<QueueEntry> queue(String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of " + STATUSES);
        }
        List<Licence> found = jdbc.sql(SELECT + """
                 where :status = 'all'
                    or (:status = 'expired' and l.expires_on < :today)
                    or (:status = 'pending' and d.decision is null and l.expires_on >= :today)
                    or (d.decision = :status and l.expires_on >= :today)
                order by (d.decision is null) desc, l.created_at, l.id limit :limit""")
                .param("status", status == null ? "all" : status).param("today", LocalDate.now(clock))
                .param("limit", MAX_QUEUE).query(Licences::map).list();
        Map<UUID, Clinic> byId = new HashMap<>();
        Map<UUID, Map<UUID, String>> names = new HashMap<>();
        List<QueueEntry> entries = new ArrayList<>();
        for (Licence l : found) {
            Clinic clinic = byId.computeIfAbsent(l.clinicId(), id -> clinics.byId(id).orElseThrow());
            String name = names.computeIfAbsent(l.clinicId(), id -> practitionerNames(clinic)).get(l.practitionerId());
            entries.add(new QueueEntry(l, clinic.slug(), clinic.name(), name, l.status(today(clinic))));
        }
        return entries;
    }

    /** One licence for the reviewer, with where it is from; 404 for no such licence. */
    public QueueEntry forReview(String licenceId) {
        UUID id = Ids.orNotFound(licenceId, "No licence " + licenceId + ".");
        Licence l = jdbc.sql(SELECT + " where l.id = :id").param("id", id).query(Licences::map).optional()
                .orElseThrow(() -> new NotFoundException("No licence " + licenceId + "."));
        Clinic clinic = clinics.byId(l.clinicId()).orElseThrow();
        return new QueueEntry(l, clinic.slug(), clinic.name(), practitionerNames(clinic).get(l.practitionerId()),
                l.status(today(clinic)));
    }

    /** The document for the reviewer, the read audited in the licence's clinic's log. */
    @Transactional
    public Document documentForReview(Licence licence, SignedInUser reviewer) {
        Clinic clinic = clinics.byId(licence.clinicId()).orElseThrow();
        audit.recordByPlatform(clinic, reviewer.id(), AuditAction.READ, AuditResource.LICENCE, "licence document " + licence.id()
                + " read by the platform reviewer");
        return read(licence);
    }

    /**
     * The reviewer's decision ({@code verified} or {@code rejected}) with a note (required to reject),
     * recorded with who and when, and audited in the clinic's log. A later decision replaces the
     * earlier in force; both stay.
     */
    @Transactional
    public QueueEntry decide(String licenceId, String decision, String note, SignedInUser reviewer) {
        QueueEntry entry = forReview(licenceId);
        Review review = decision == null ? null : switch (decision.strip()) {
            case "verified" -> Review.VERIFIED;
            case "rejected" -> Review.REJECTED;
            default -> null;
        };
        if (review == null) {
            throw new InvalidInputException("decision", "must be verified or rejected");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "must be at most " + MAX_NOTE + " characters");
        }
        if (review == Review.REJECTED && text.isEmpty()) {
            throw new InvalidInputException("note", "is required to reject: say what is wrong, for the clinic");
        }
        Licence l = entry.licence();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into licence_verification (clinic_id, id, licence_id, decision, note, decided_at, decided_by)
                values (:clinic, :id, :licence, :decision, :note, :now, :by)""")
                .param("clinic", l.clinicId()).param("id", id).param("licence", l.id()).param("decision", review.code())
                .param("note", text).param("now", Timestamp.from(now)).param("by", reviewer.id()).update();
        Clinic clinic = clinics.byId(l.clinicId()).orElseThrow();
        audit.recordByPlatform(clinic, reviewer.id(), AuditAction.UPDATE, AuditResource.LICENCE, "licence " + l.id() + " "
                + review.code() + " by the platform reviewer " + reviewer.email());
        events.publishEvent(new LicencesChanged(l.clinicId()));
        Licence decided = new Licence(l.id(), l.clinicId(), l.practitionerId(), l.type(), l.number(), l.jurisdiction(),
                l.expiresOn(), l.documentType(), l.documentBytes(), l.createdAt(), l.createdBy(),
                new Licence.Decision(id, review, text, now, reviewer.id()));
        return new QueueEntry(decided, entry.clinicSlug(), entry.clinicName(), entry.practitionerName(),
                decided.status(today(clinic)));
    }

    /** Every decision on the licence, oldest first: the record of who decided what, when and why. */
    public List<Licence.Decision> decisions(Licence licence) {
        return jdbc.sql("""
                select id, decision, note, decided_at, decided_by from licence_verification
                where clinic_id = :clinic and licence_id = :id order by decided_at, id""")
                .param("clinic", licence.clinicId()).param("id", licence.id())
                .query((rs, n) -> new Licence.Decision(rs.getObject("id", UUID.class),
                        Review.fromCode(rs.getString("decision")).orElseThrow(), rs.getString("note"),
                        rs.getTimestamp("decided_at").toInstant(), rs.getObject("decided_by", UUID.class)))
                .list();
    }

    // ---------------------------------------------------------------- helpers

    private Document read(Licence licence) {
        byte[] bytes = jdbc.sql("select document from licence where clinic_id = :clinic and id = :id")
                .param("clinic", licence.clinicId()).param("id", licence.id()).query(byte[].class).single();
        return new Document(bytes, licence.documentType());
    }

    private Map<UUID, String> practitionerNames(Clinic clinic) {
        Map<UUID, String> names = new HashMap<>();
        resources.practitioners(clinic).forEach(p -> names.put(p.id(), p.displayName()));
        return names;
    }

    private static String text(String value, String field, int min, int max, List<Violation> violations) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            violations.add(new Violation(field, "is required"));
        } else if (text.length() < min || text.length() > max) {
            violations.add(new Violation(field, "must be " + min + " to " + max + " characters"));
        } else if (text.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(field, "must be one line of text"));
        }
        return text;
    }

    private static LocalDate expiry(String value, LocalDate today, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation("expiresOn", "is required: a date such as " + today.plusYears(2)));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!InputRules.isSaneDate(date)) {
                violations.add(new Violation("expiresOn", InputRules.DATE_REASON));
            } else if (date.isBefore(today)) {
                violations.add(new Violation("expiresOn", "must not be in the past: an expired licence does not count"));
            }
            return date;
        } catch (DateTimeParseException e) {
            violations.add(new Violation("expiresOn", "must be a date such as " + today.plusYears(2)));
            return null;
        }
    }

    private static Licence map(ResultSet rs, int n) throws SQLException {
        UUID decisionId = rs.getObject("decision_id", UUID.class);
        Licence.Decision decision = decisionId == null ? null : new Licence.Decision(decisionId,
                Review.fromCode(rs.getString("decision")).orElseThrow(), rs.getString("note"),
                rs.getTimestamp("decided_at").toInstant(), rs.getObject("decided_by", UUID.class));
        return new Licence(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
                rs.getObject("practitioner_id", UUID.class), LicenceType.fromCode(rs.getString("type")).orElseThrow(),
                rs.getString("number"), rs.getString("jurisdiction"), rs.getObject("expires_on", LocalDate.class),
                rs.getString("document_type"), rs.getInt("document_bytes"), rs.getTimestamp("created_at").toInstant(),
                rs.getObject("created_by", UUID.class), decision);
    }
}

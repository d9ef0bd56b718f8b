package com.clearskin.consent;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClientRelation;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.ClientAccess;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.NotFoundException;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.Appointments;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Who may do what with consents, for the API and the pages alike: the clinic first (404 for
 * strangers), then the record in that clinic (404 for an unknown id), then what the caller is to the
 * client and what the permission table allows (a client: only their own, 404 otherwise). Reads are
 * audited here, after the data is loaded and before it is shown.
 */
@Service
public class ConsentDesk {

    /** A caller let in to one client's consent business. */
    public record Granted(Membership membership, UUID userId, UUID clientId, ClientRelation relation) {
        public Clinic clinic() {
            return membership.clinic();
        }

        public boolean staff() {
            return membership.isStaff();
        }
    }

    private final ClinicAccess access;
    private final ClientAccess clients;
    private final Appointments appointments;
    private final Consents consents;
    private final ConsentForms forms;
    private final ConsentPdf pdf;
    private final Accounts accounts;
    private final AuditLog audit;
    private final com.clearskin.clients.Clients clientRecords;

    ConsentDesk(ClinicAccess access, ClientAccess clients, Appointments appointments, Consents consents,
            ConsentForms forms, ConsentPdf pdf, Accounts accounts, AuditLog audit,
            com.clearskin.clients.Clients clientRecords) {
        this.clientRecords = clientRecords;
        this.access = access;
        this.clients = clients;
        this.appointments = appointments;
        this.consents = consents;
        this.forms = forms;
        this.pdf = pdf;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The caller and the appointment, when they may use {@code capability} on its client. */
    public Appointment appointment(String slug, String appointmentId, Capability capability) {
        Membership m = access.member(slug);
        Appointment a = appointments.find(m.clinic(), uuid(appointmentId))
                .orElseThrow(() -> new NotFoundException("No appointment " + appointmentId + "."));
        grant(m, a.clientId(), capability);
        return a;
    }

    public Granted forAppointment(String slug, Appointment a, Capability capability) {
        return grant(access.member(slug), a.clientId(), capability);
    }

    /** A signature the caller may read (or withdraw, with {@link Capability#SIGN_CONSENT}). */
    public Signature signature(String slug, String id, Capability capability) {
        Membership m = access.member(slug);
        Signature s = consents.find(m.clinic(), uuid(id))
                .orElseThrow(() -> new NotFoundException("No consent " + id + "."));
        grant(m, s.clientId(), capability);
        return s;
    }

    public Granted forClient(String slug, UUID clientId, Capability capability) {
        return grant(access.member(slug), clientId, capability);
    }

    public boolean clientExists(Clinic clinic, UUID clientId) {
        return clientRecords.find(clinic, clientId).isPresent();
    }

    /** The signed-in person's own client record in the clinic, if they are a client there. */
    public Optional<UUID> ownClient(Clinic clinic) {
        return clientRecords.ownedBy(clinic, userId()).map(com.clearskin.clients.Client::id);
    }

    public Membership member(String slug) {
        return access.member(slug);
    }

    public Membership require(String slug, Capability capability) {
        return access.require(slug, capability);
    }

    public UUID userId() {
        return access.currentUser().orElseThrow().id();
    }

    private Granted grant(Membership m, UUID clientId, Capability capability) {
        UUID user = userId();
        ClientRelation relation = clients.relationOf(m.clinic(), user, clientId);
        access.check(m, capability, relation);
        return new Granted(m, user, clientId, relation);
    }

    /** Records the read of one signed consent (the API, the page, the PDF). */
    public void audited(Membership m, Signature s, String what) {
        audit.record(m, s.clientId(), AuditAction.READ, AuditResource.CONSENT, what);
    }

    /** The client's consents, audited as one read when any is shown. */
    public List<Signature> forClientAudited(Granted g) {
        List<Signature> list = consents.forClient(g.clinic(), g.clientId());
        if (!list.isEmpty()) {
            audit.record(g.membership(), g.clientId(), AuditAction.READ, AuditResource.CONSENT,
                    list.size() + " consent(s)");
        }
        return list;
    }

    /** The PDF of a signed consent (the caller let in already); audited as an export. */
    public byte[] pdf(Membership m, Signature s) {
        Clinic clinic = m.clinic();
        ConsentForm version = forms.version(clinic, s.formId(), s.formVersion()).orElseThrow();
        Map<UUID, String> names = accounts.displayNames(Stream.of(s.signedBy(), s.witnessId(),
                s.withdrawn() ? s.withdrawal().by() : null).filter(Objects::nonNull).toList());
        String client = clientRecords.find(clinic, s.clientId()).map(com.clearskin.clients.Client::fullName)
                .orElse(s.signerName());
        byte[] out = pdf.render(clinic, version, s, consents.drawing(clinic, s.id()).orElse(null),
                new ConsentPdf.Names(client, names.get(s.signedBy()),
                        s.witnessId() == null ? null : names.get(s.witnessId()),
                        s.withdrawn() ? names.get(s.withdrawal().by()) : null), consents.now());
        audit.record(m, s.clientId(), AuditAction.EXPORT, AuditResource.CONSENT, "consent PDF");
        return out;
    }

    /** A malformed id is simply not found (null finds nothing). */
    public static UUID uuid(String id) {
        return com.clearskin.platform.Ids.parse(id).orElse(null);
    }
}

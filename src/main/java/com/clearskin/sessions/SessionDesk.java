package com.clearskin.sessions;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClientRelation;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Permissions;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.ClientAccess;
import com.clearskin.clients.Clients;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.Appointments;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who may do what with sessions, for the API and the pages alike: the clinic first (404 for
 * strangers), then the record in that clinic (404 for an unknown id), then the permission table for
 * the caller's relation to the client: practitioners treating the client, admins and owners read
 * and write records; the front desk sees only that a session exists and its status (403 on
 * content); a client is told nothing exists (404). Reads are audited here.
 */
@Service
public class SessionDesk {

    /** A caller let in to one session. */
    public record Granted(Membership membership, UUID userId, TreatmentSession session) {
        public com.clearskin.clinics.Clinic clinic() {
            return membership.clinic();
        }
    }

    private final ClinicAccess access;
    private final ClientAccess clientAccess;
    private final Clients clients;
    private final Appointments appointments;
    private final Sessions sessions;
    private final SessionSettings settings;
    private final AuditLog audit;

    SessionDesk(ClinicAccess access, ClientAccess clientAccess, Clients clients, Appointments appointments,
            Sessions sessions, SessionSettings settings, AuditLog audit) {
        this.access = access;
        this.clientAccess = clientAccess;
        this.clients = clients;
        this.appointments = appointments;
        this.sessions = sessions;
        this.settings = settings;
        this.audit = audit;
    }

    public Membership member(String slug) {
        return access.member(slug);
    }

    public UUID userId() {
        return access.currentUser().orElseThrow().id();
    }

    /** The appointment, when the caller may use {@code capability} on its client. */
    public Appointment appointment(String slug, String appointmentId, Capability capability) {
        Membership m = access.member(slug);
        Appointment a = appointments.find(m.clinic(), uuid(appointmentId))
                .orElseThrow(() -> new NotFoundException("No appointment " + appointmentId + "."));
        check(m, a.clientId(), capability);
        return a;
    }

    /** The session, when the caller may use {@code capability} on its client. */
    public Granted session(String slug, String sessionId, Capability capability) {
        Membership m = access.member(slug);
        TreatmentSession s = sessions.find(m.clinic(), uuid(sessionId))
                .orElseThrow(() -> new NotFoundException("No session " + sessionId + "."));
        check(m, s.clientId(), capability);
        return new Granted(m, userId(), s);
    }

    /** The session, when the caller is the clinic's medical director (403 for other staff, 404 for a client). */
    public Granted forCosign(String slug, String sessionId) {
        Membership m = access.member(slug);
        TreatmentSession s = sessions.find(m.clinic(), uuid(sessionId))
                .orElseThrow(() -> new NotFoundException("No session " + sessionId + "."));
        UUID user = userId();
        switch (Permissions.cosign(m.role(), settings.isMedicalDirector(m.clinic(), user))) {
            case ALLOW -> {
            }
            case HIDE -> throw new NotFoundException("Nothing of yours is here.");
            case FORBID -> throw new ForbiddenException("Only the clinic's medical director, a physician, co-signs "
                    + "a record.");
        }
        return new Granted(m, user, s);
    }

    /** Who may see the co-sign queue: owners, admins and the medical director. */
    public Membership forQueue(String slug) {
        Membership m = access.member(slug);
        if (!m.isAdmin() && !settings.isMedicalDirector(m.clinic(), userId())) {
            access.require(slug, Capability.EDIT_RECORD_SETTINGS);
        }
        return m;
    }

    /** The client (404 when not in the clinic), when the caller may use {@code capability} on them. */
    public Membership client(String slug, String clientId, Capability capability) {
        Membership m = access.member(slug);
        UUID id = uuid(clientId);
        if (id == null || clients.find(m.clinic(), id).isEmpty()) {
            throw new NotFoundException("No client " + clientId + ".");
        }
        check(m, id, capability);
        return m;
    }

    public Membership require(String slug, Capability capability) {
        return access.require(slug, capability);
    }

    /** Whether the member may use {@code capability} on the client (to show or hide part of a page). */
    public boolean may(Membership m, UUID clientId, Capability capability) {
        return Permissions.decide(m.role(), capability, relation(m, clientId)).allowed();
    }

    public boolean isMedicalDirector(Membership m) {
        return settings.isMedicalDirector(m.clinic(), userId());
    }

    /** The signed-in person's own client record in the clinic. */
    public Optional<UUID> ownClient(Membership m) {
        return clients.ownedBy(m.clinic(), userId()).map(com.clearskin.clients.Client::id);
    }

    public void audited(Membership m, UUID clientId, String what) {
        audit.record(m, clientId, AuditAction.READ, AuditResource.CLINICAL_RECORD, what);
    }

    public void exported(Membership m, UUID clientId, String what) {
        audit.record(m, clientId, AuditAction.EXPORT, AuditResource.CLINICAL_RECORD, what);
    }

    private void check(Membership m, UUID clientId, Capability capability) {
        access.check(m, capability, relation(m, clientId));
    }

    private ClientRelation relation(Membership m, UUID clientId) {
        return clientAccess.relationOf(m.clinic(), userId(), clientId);
    }

    /** A malformed id is simply not found (null finds nothing). */
    public static UUID uuid(String id) {
        return com.clearskin.platform.Ids.parse(id).orElse(null);
    }
}

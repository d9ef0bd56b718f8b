package com.clearskin.audit;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClientRelation;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Permissions;
import com.clearskin.platform.ForbiddenException;
import org.springframework.stereotype.Service;

/**
 * Who may read the audit log, and the record that they did. Only the clinic's owners: admins,
 * practitioners and the front desk are the people whose access the log records, so none of them
 * reads it (separation of duties). A member who tries gets 403 and the attempt is logged as
 * refused; a stranger to the clinic gets 404 like any other clinic data.
 */
@Service
public class AuditViewing {

    /** The roles that may browse and export the audit log. */

    private final ClinicAccess access;
    private final AuditLog log;

    AuditViewing(ClinicAccess access, AuditLog log) {
        this.access = access;
        this.log = log;
    }

    /** The owner's membership; a member of another role is refused (403), and that refusal is itself logged. */
    public Membership requireReader(String slug) {
        Membership m = access.member(slug);
        if (!Permissions.decide(m.role(), Capability.READ_AUDIT_LOG, ClientRelation.NONE).allowed()) {
            log.recordRefused(m, null, AuditAction.READ, AuditResource.AUDIT_LOG, "audit log: role may not read it");
            throw new ForbiddenException("Only the clinic's owners read its audit log.");
        }
        return m;
    }

    /** One page of the log, recording that the owner viewed it (with the filter, never the events' content). */
    public AuditPage view(Membership owner, AuditFilter filter) {
        AuditPage page = log.search(owner.clinic(), filter);
        log.record(owner, filter.clientId(), AuditAction.READ, AuditResource.AUDIT_LOG,
                "viewed " + page.events().size() + " events" + describe(filter));
        return page;
    }

    /** Up to {@code filter.limit()} matching events for an export, recording the export and how many it held. */
    public AuditPage export(Membership owner, AuditFilter filter) {
        AuditPage page = log.search(owner.clinic(), filter);
        log.record(owner, filter.clientId(), AuditAction.EXPORT, AuditResource.AUDIT_LOG,
                "exported " + page.events().size() + " events as CSV" + describe(filter));
        return page;
    }

    /** Verifies the log's hash chain for the owner, recording the check and its outcome. */
    public AuditChain.Verification verify(Membership owner) {
        AuditChain.Verification result = log.verifyChain(owner.clinic());
        log.record(owner, null, AuditAction.READ, AuditResource.AUDIT_LOG, "verified the chain of " + result.events()
                + " events: " + (result.valid() ? "intact" : "broken at event " + result.firstBroken()));
        return result;
    }

    static String describe(AuditFilter f) {
        StringBuilder s = new StringBuilder();
        if (f.from() != null) {
            s.append(" from ").append(f.from());
        }
        if (f.to() != null) {
            s.append(" to ").append(f.to());
        }
        if (f.actorId() != null) {
            s.append(" actor ").append(f.actorId());
        }
        if (f.action() != null) {
            s.append(" action ").append(f.action().code());
        }
        if (f.cursor() != null) {
            s.append(" before #").append(f.cursor());
        }
        return s.toString();
    }
}

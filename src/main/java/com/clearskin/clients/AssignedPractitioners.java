package com.clearskin.clients;

import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practitioner the clinic assigned to a client: the care relationship an owner or admin grants,
 * which gives that practitioner the client's medical answers ({@link ClientAccess}). Assigning and
 * removing are written to the audit log in the same transaction. (Practitioners are the resources
 * module's table, read here by SQL only.)
 */
@Service
public class AssignedPractitioners {

    /** The client's assigned practitioner. */
    public record Assignment(UUID clientId, UUID practitionerId, String practitionerName, Instant assignedAt,
            UUID assignedBy) {
    }

    /** A practitioner of the clinic that may be assigned. */
    public record Choice(UUID id, String name) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    AssignedPractitioners(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Whether the clinic has assigned any practitioner to any client. */
    public boolean anyIn(Clinic clinic) {
        return jdbc.sql("select exists (select 1 from client_practitioner where clinic_id = :clinic)")
                .param("clinic", clinic.id()).query(Boolean.class).single();
    }

    /** The client's assigned practitioner, if the clinic assigned one. */
    public Optional<Assignment> of(Clinic clinic, UUID clientId) {
        return jdbc.sql("""
                select cp.client_id, cp.practitioner_id, p.display_name, cp.assigned_at, cp.assigned_by
                from client_practitioner cp
                join practitioner p on p.clinic_id = cp.clinic_id and p.id = cp.practitioner_id
                where cp.clinic_id = :clinic and cp.client_id = :client""")
                .param("clinic", clinic.id()).param("client", clientId)
                .query((rs, n) -> new Assignment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class)))
                .optional();
    }

    /** The clinic's active practitioners with an account (only they can use the access), by name. */
    public List<Choice> choices(Clinic clinic) {
        return jdbc.sql("""
                select id, display_name from practitioner
                where clinic_id = :clinic and active and user_id is not null
                order by display_name, id""")
                .param("clinic", clinic.id())
                .query((rs, n) -> new Choice(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /**
     * Assigns the practitioner to the client (replacing another one), audited. 400 unless the
     * practitioner is an active practitioner of the clinic with an account.
     */
    @Transactional
    public Assignment assign(Clinic clinic, Client client, UUID practitionerId, UUID by) {
        if (practitionerId == null) {
            throw new InvalidInputException("practitionerId", "is required");
        }
        Choice chosen = choices(clinic).stream().filter(c -> c.id().equals(practitionerId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("practitionerId", "'" + practitionerId
                        + "' is not an active practitioner of " + clinic.name() + " with an account"));
        Optional<Assignment> before = of(clinic, client.id());
        if (before.isPresent() && before.get().practitionerId().equals(practitionerId)) {
            return before.get();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into client_practitioner (clinic_id, client_id, practitioner_id, assigned_at, assigned_by)
                values (:clinic, :client, :practitioner, :now, :by)
                on conflict (clinic_id, client_id) do update
                  set practitioner_id = excluded.practitioner_id, assigned_at = excluded.assigned_at,
                      assigned_by = excluded.assigned_by""")
                .param("clinic", clinic.id()).param("client", client.id()).param("practitioner", practitionerId)
                .param("now", Timestamp.from(now)).param("by", by).update();
        before.ifPresent(b -> audit.record(clinic, client.id(), AuditAction.DELETE, AuditResource.CARE_RELATIONSHIP,
                "practitioner unassigned: " + b.practitionerName()));
        audit.record(clinic, client.id(), AuditAction.CREATE, AuditResource.CARE_RELATIONSHIP,
                "practitioner assigned: " + chosen.name() + " (reads the health record)");
        return new Assignment(client.id(), practitionerId, chosen.name(), now, by);
    }

    /** Removes the client's assigned practitioner, audited; false when there was none. */
    @Transactional
    public boolean unassign(Clinic clinic, Client client) {
        Optional<Assignment> before = of(clinic, client.id());
        if (before.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from client_practitioner where clinic_id = :clinic and client_id = :client")
                .param("clinic", clinic.id()).param("client", client.id()).update();
        audit.record(clinic, client.id(), AuditAction.DELETE, AuditResource.CARE_RELATIONSHIP,
                "practitioner unassigned: " + before.get().practitionerName() + " (no longer reads the health record)");
        return true;
    }
}

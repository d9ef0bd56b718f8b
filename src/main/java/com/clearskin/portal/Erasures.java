package com.clearskin.portal;

import com.clearskin.accounts.Members;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests to erase a client's data: the client asks, the clinic confirms (erasing what the law
 * lets it erase and saying what it keeps) or declines with a reason.
 */
@Service
public class Erasures {

    private final JdbcClient jdbc;
    private final Clients clients;
    private final Members members;
    private final RetentionSettings retention;
    private final Clock clock;

    Erasures(JdbcClient jdbc, Clients clients, Members members, RetentionSettings retention, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.members = members;
        this.retention = retention;
        this.clock = clock;
    }

    @Transactional
    public ErasureRequest request(Clinic clinic, UUID clientId, UUID requestedBy, String note) {
        if (note != null && note.length() > 2000) {
            throw new InvalidInputException("note", "must be at most 2000 characters");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into erasure_request (clinic_id, id, client_id, requested_at, requested_by, note, status)
                    values (:clinic, :id, :client, :at, :by, :note, 'requested')""")
                    .param("clinic", clinic.id()).param("id", id).param("client", clientId)
                    .param("at", Timestamp.from(Instant.now(clock))).param("by", requestedBy)
                    .param("note", note == null || note.isBlank() ? null : note.strip())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("You have already asked for your data to be erased; the clinic will confirm it.");
        }
        return require(clinic, id);
    }

    public List<ErasureRequest> list(Clinic clinic) {
        return jdbc.sql("select * from erasure_request where clinic_id = :clinic order by requested_at desc")
                .param("clinic", clinic.id()).query(Erasures::map).list();
    }

    public List<ErasureRequest> forClient(Clinic clinic, UUID clientId) {
        return jdbc.sql("""
                select * from erasure_request where clinic_id = :clinic and client_id = :client
                order by requested_at desc""")
                .param("clinic", clinic.id()).param("client", clientId).query(Erasures::map).list();
    }

    public Optional<ErasureRequest> find(Clinic clinic, UUID id) {
        return jdbc.sql("select * from erasure_request where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query(Erasures::map).optional();
    }

    public ErasureRequest require(Clinic clinic, UUID id) {
        return find(clinic, id).orElseThrow(() -> new NotFoundException("No erasure request '" + id + "'."));
    }

    /** Erases the client's personal data and records what was erased and what was kept. */
    @Transactional
    public ErasureRequest confirm(Clinic clinic, UUID id, UUID decidedBy) {
        ErasureRequest request = lock(clinic, id);
        request.requireOpen();
        clients.erase(clinic, request.clientId()).ifPresent(user -> members.endClientMembership(clinic, user));
        decide(clinic, id, ErasureStatus.CONFIRMED, decidedBy, ErasurePolicy.confirmation(retention));
        return require(clinic, id);
    }

    /** Declines the request with a reason the client reads. */
    @Transactional
    public ErasureRequest decline(Clinic clinic, UUID id, UUID decidedBy, String reason) {
        ErasureRequest request = lock(clinic, id);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInputException("reason", "say why, in 1-2000 characters");
        }
        request.requireOpen();
        decide(clinic, id, ErasureStatus.DECLINED, decidedBy, reason.strip());
        return require(clinic, id);
    }

    public RetentionSettings retention() {
        return retention;
    }

    private ErasureRequest lock(Clinic clinic, UUID id) {
        return jdbc.sql("select * from erasure_request where clinic_id = :clinic and id = :id for update")
                .param("clinic", clinic.id()).param("id", id).query(Erasures::map).optional()
                .orElseThrow(() -> new NotFoundException("No erasure request '" + id + "'."));
    }

    private void decide(Clinic clinic, UUID id, ErasureStatus status, UUID by, String decision) {
        jdbc.sql("""
                update erasure_request set status = :status, decided_at = :at, decided_by = :by, decision = :decision
                where clinic_id = :clinic and id = :id""")
                .param("status", status.code()).param("at", Timestamp.from(Instant.now(clock))).param("by", by)
                .param("decision", decision).param("clinic", clinic.id()).param("id", id)
                .update();
    }

    private static ErasureRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ErasureRequest(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("note"),
                ErasureStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                decided == null ? null : decided.toInstant(), rs.getString("decision"));
    }
}

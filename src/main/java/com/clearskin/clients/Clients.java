package com.clearskin.clients;

import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.Ids;
import com.clearskin.platform.NotFoundException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A clinic's clients: add one, find one, list them by name. Every query names the clinic. */
@Service
public class Clients {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Clients(JdbcClient jdbc, Clock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Adds a client after checking every field; a date of birth may not lie after today in the clinic.
     * The audit event is written in the same transaction: no client without it.
     */
    @Transactional
    public Client create(Clinic clinic, NewClient command) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // as timestamptz keeps it
        Client client = command.toClient(UUID.randomUUID(), LocalDate.ofInstant(now, clinic.timeZone()), now);
        jdbc.sql("""
                insert into client (clinic_id, id, first_name, last_name, email, phone, date_of_birth, created_at)
                values (:clinic, :id, :first, :last, :email, :phone, :born, :created)""")
                .param("clinic", clinic.id()).param("id", client.id())
                .param("first", client.firstName()).param("last", client.lastName())
                .param("email", client.email()).param("phone", client.phone())
                .param("born", client.dateOfBirth() == null ? null : Date.valueOf(client.dateOfBirth()))
                .param("created", Timestamp.from(client.createdAt()))
                .update();
        audit.record(clinic, client.id(), AuditAction.CREATE, AuditResource.CLIENT_RECORD, "client added");
        return client;
    }

    /**
     * Links a person's account to their client record, so that they sign in and see it: one account
     * per record and one record per account in a clinic (a second link is refused by the database).
     */
    @Transactional
    public void linkAccount(Clinic clinic, UUID clientId, UUID userId) {
        int linked = jdbc.sql("update client set user_id = :user where clinic_id = :clinic and id = :client")
                .param("clinic", clinic.id()).param("client", clientId).param("user", userId).update();
        if (linked == 0) {
            throw new NotFoundException("No client '" + clientId + "' at " + clinic.name() + ".");
        }
    }

    /** The clinic's clients by last name, then first name; with {@code search}, only those whose name contains it. */
    public List<Client> list(Clinic clinic, String search) {
        String words = search == null ? "" : search.strip();
        // The backslash is PostgreSQL's default LIKE escape, so a % or _ typed in the search matches itself.
        return jdbc.sql("""
                select * from client
                where clinic_id = :clinic
                  and (:all or first_name || ' ' || last_name ilike :pattern
                       or last_name || ' ' || first_name ilike :pattern
                       or last_name || ', ' || first_name ilike :pattern)
                order by lower(last_name), lower(first_name), created_at, id""")
                .param("clinic", clinic.id()).param("all", words.isEmpty())
                .param("pattern", "%" + likeEscaped(words) + "%")
                .query(Clients::map).list();
    }

    /**
     * The clinic's client with this email (whatever its case), the earliest when there are several;
     * erased records are never found. Public booking and sign-up find an existing client this way
     * instead of adding a second record.
     */
    public Optional<Client> findByEmail(Clinic clinic, String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select * from client where clinic_id = :clinic and lower(email) = lower(:email) and erased_at is null
                order by created_at, id limit 1""")
                .param("clinic", clinic.id()).param("email", email.strip()).query(Clients::map).optional();
    }

    /** The account linked to the client record, if any. */
    public Optional<UUID> accountOf(Clinic clinic, UUID clientId) {
        return jdbc.sql("select user_id from client where clinic_id = :clinic and id = :id and user_id is not null")
                .param("clinic", clinic.id()).param("id", clientId).query(UUID.class).optional();
    }

    /** The client record of the clinic that belongs to the signed-in person, if any. */
    public Optional<Client> ownedBy(Clinic clinic, UUID userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from client where clinic_id = :clinic and user_id = :user and erased_at is null")
                .param("clinic", clinic.id()).param("user", userId).query(Clients::map).optional();
    }

    /**
     * Erases the client's personal data: the name becomes a placeholder, contact details and date
     * of birth are removed, the sign-in link is cut. Assessments and the treatment history stay (the
     * health record the law requires a clinic to keep); other modules drop the rest on
     * {@link ClientErased}. Returns the id of the person whose sign-in was linked, if any.
     */
    @Transactional
    public Optional<UUID> erase(Clinic clinic, UUID clientId) {
        Optional<UUID> user = jdbc.sql("select user_id from client where clinic_id = :clinic and id = :id for update")
                .param("clinic", clinic.id()).param("id", clientId).query(UUID.class).optional();
        int updated = jdbc.sql("""
                update client set first_name = 'Erased', last_name = 'client ' || left(id::text, 8), email = null,
                       phone = null, date_of_birth = null, user_id = null, erased_at = :now
                where clinic_id = :clinic and id = :id and erased_at is null""")
                .param("now", Timestamp.from(Instant.now(clock))).param("clinic", clinic.id()).param("id", clientId)
                .update();
        if (updated == 0) {
            throw new NotFoundException("No client '" + clientId + "' to erase at " + clinic.name() + ".");
        }
        audit.record(clinic, clientId, AuditAction.ERASE, AuditResource.CLIENT_RECORD, "personal data erased");
        events.publishEvent(new ClientErased(clinic.id(), clientId, user.orElse(null)));
        return user;
    }

    /** Full names ("first last") of the clinic's clients with these ids, in one statement. */
    public Map<UUID, String> names(Clinic clinic, Collection<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, first_name || ' ' || last_name as name from client where clinic_id = :clinic and id in (:ids)")
                .param("clinic", clinic.id()).param("ids", List.copyOf(ids))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    /** Whether the clinic erased this client's personal data. */
    public boolean isErased(Clinic clinic, UUID id) {
        return jdbc.sql("select erased_at is not null from client where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query(Boolean.class).optional().orElse(false);
    }

    public Optional<Client> find(Clinic clinic, UUID id) {
        return jdbc.sql("select * from client where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query(Clients::map).optional();
    }

    /** The client with this id in the clinic; an unknown or malformed id is not found (404), never an error. */
    public Client require(Clinic clinic, String id) {
        return parse(id).flatMap(uuid -> find(clinic, uuid))
                .orElseThrow(() -> new NotFoundException("No client '" + id + "' at " + clinic.name() + "."));
    }

    private static Optional<UUID> parse(String id) {
        return Ids.parse(id);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Client map(ResultSet rs, int row) throws SQLException {
        Date born = rs.getDate("date_of_birth");
        return new Client(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), rs.getString("phone"), born == null ? null : born.toLocalDate(),
                rs.getTimestamp("created_at").toInstant());
    }
}

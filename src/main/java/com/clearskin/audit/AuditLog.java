package com.clearskin.audit;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Role;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.clinics.Clinic;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only log of every read and write of a client's health data. Call {@code record} where
 * the data is read or written:
 * <ul>
 * <li>a write (create, update, delete, erase) must be recorded inside the transaction of the write,
 * so that the write cannot commit without its event; recording one outside a transaction throws
 * {@link IllegalStateException};</li>
 * <li>a read (and an export) is recorded when the data is read, in the caller's transaction if
 * there is one, else on its own.</li>
 * </ul>
 * Who is the signed-in person and their role in the clinic (nobody: the system, e.g. demo data);
 * from where is the request's address (as the server believes it: see platform's TrustedProxies), user agent and path. The detail
 * is a short note for people (at most 200 characters) and must never hold health data itself.
 */
@Service
public class AuditLog {

    static final int MAX_DETAIL = 200;
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;
    private final ClinicAccess access;
    private final Accounts accounts;
    private final Clock clock;
    private final boolean enabled;

    AuditLog(JdbcClient jdbc, ClinicAccess access, Accounts accounts, Clock clock, AuditSettings settings,
            Environment environment) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
        this.enabled = settings.enabled();
        if (!enabled) {
            if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
                throw new IllegalStateException("clearskin.audit.enabled=false is for benchmarks only and is refused "
                        + "with the prod profile: the audit log must record every access to health data.");
            }
            log.warn("THE AUDIT LOG IS OFF (clearskin.audit.enabled=false): nothing is recorded. "
                    + "This is for measuring its cost only; never run a clinic like this.");
        }
    }

    /** Records that the signed-in member {@code who} did {@code action} to {@code resource} of the client. */
    public void record(Membership who, UUID clientId, AuditAction action, AuditResource resource, String detail) {
        recordEach(who, clientId == null ? List.of() : List.of(clientId), clientId == null, action, resource, detail,
                AuditOutcome.SUCCEEDED);
    }

    /**
     * As {@link #record(Membership, UUID, AuditAction, AuditResource, String)}, for a caller that
     * knows the clinic but not the member: the signed-in person's role there is looked up; with
     * nobody signed in the event is the system's.
     */
    public void record(Clinic clinic, UUID clientId, AuditAction action, AuditResource resource, String detail) {
        record(actingIn(clinic), clientId, action, resource, detail);
    }

    /** One event per client, in one statement: for a list that shows each client's record. */
    public void recordEach(Membership who, Collection<UUID> clientIds, AuditAction action, AuditResource resource,
            String detail) {
        if (!clientIds.isEmpty()) {
            recordEach(who, clientIds, false, action, resource, detail, AuditOutcome.SUCCEEDED);
        }
    }

    /**
     * Records in the clinic's log what a Clearskin operator (a platform role, no member of the clinic)
     * did there: {@code operator} (their account) is the actor, with no role in the clinic. In the
     * caller's transaction for a write.
     */
    public void recordByPlatform(Clinic clinic, UUID operator, AuditAction action, AuditResource resource,
            String detail) {
        java.util.Objects.requireNonNull(operator, "a platform action names its operator");
        recordEach(new Membership(clinic, null), operator, List.of(), true, action, resource, detail,
                AuditOutcome.SUCCEEDED);
    }

    /** Records an attempt that was refused (a role that may not, a policy that forbids it). */
    public void recordRefused(Membership who, UUID clientId, AuditAction action, AuditResource resource,
            String detail) {
        recordEach(who, clientId == null ? List.of() : List.of(clientId), clientId == null, action, resource, detail,
                AuditOutcome.REFUSED);
    }

    /** The clinic's events matching the filter, newest first, one page. */
    public AuditPage search(Clinic clinic, AuditFilter filter) {
        List<AuditEvent> rows = query(clinic, filter, filter.limit() + 1);
        if (rows.size() > filter.limit()) {
            List<AuditEvent> page = rows.subList(0, filter.limit());
            return new AuditPage(List.copyOf(page), page.get(page.size() - 1).id());
        }
        return new AuditPage(rows, null);
    }

    /** The people who appear in the clinic's log, by id, with their names: for the actor filter. */
    public Map<UUID, String> actors(Clinic clinic) {
        Map<UUID, String> actors = new LinkedHashMap<>();
        jdbc.sql("""
                select a.actor_id, coalesce(u.display_name, a.actor_id::text) as name
                from (select distinct actor_id from audit_event where clinic_id = :clinic and actor_id is not null) a
                left join app_user u on u.id = a.actor_id
                order by 2""")
                .param("clinic", clinic.id())
                .query(rs -> {
                    actors.put(rs.getObject("actor_id", UUID.class), rs.getString("name"));
                });
        return actors;
    }

    /** Whether events are recorded at all (off only in the benchmark that measures the log's cost). */
    public boolean enabled() {
        return enabled;
    }

    private Membership actingIn(Clinic clinic) {
        return access.currentUser().flatMap(user -> accounts.membership(user.id(), clinic))
                .orElse(new Membership(clinic, null));
    }

    private void recordEach(Membership who, Collection<UUID> clientIds, boolean withoutClient, AuditAction action,
            AuditResource resource, String detail, AuditOutcome outcome) {
        recordEach(who, null, clientIds, withoutClient, action, resource, detail, outcome);
    }

    private void recordEach(Membership who, UUID operator, Collection<UUID> clientIds, boolean withoutClient,
            AuditAction action, AuditResource resource, String detail, AuditOutcome outcome) {
        if (action.changesData() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A " + action.code() + " of " + resource.code() + " must be audited in "
                    + "the transaction that writes it (annotate the writing method @Transactional).");
        }
        if (!enabled) {
            return;
        }
        UUID actor = operator != null ? operator
                : who.role() == null ? null : access.currentUser().map(SignedInUser::id).orElse(null);
        Role role = actor == null ? null : who.role();
        RequestOrigin origin = origin();
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<UUID> clients = withoutClient ? java.util.Collections.singletonList(null) : List.copyOf(clientIds);
        jdbc.sql("""
                insert into audit_event (clinic_id, at, actor_id, actor_role, client_id, action, resource, detail,
                                         ip, user_agent, path, outcome)
                select :clinic, :at, :actor, :role, c.id, :action, :resource, :detail, :ip, :agent, :path, :outcome
                from unnest(cast(:clients as uuid[])) with ordinality as c (id, n)
                order by c.n""")
                .param("clinic", who.clinic().id()).param("at", Timestamp.from(at))
                .param("actor", actor).param("role", role == null ? null : role.code())
                .param("clients", clients.stream().map(id -> id == null ? "NULL" : id.toString())
                        .collect(Collectors.joining(",", "{", "}")))
                .param("action", action.code()).param("resource", resource.code())
                .param("detail", detail(detail))
                .param("ip", origin.ip()).param("agent", origin.userAgent()).param("path", origin.path())
                .param("outcome", outcome.code())
                .update();
    }

    static String detail(String detail) {
        String clipped = RequestOrigin.clip(detail, MAX_DETAIL);
        return clipped == null ? "" : clipped;
    }

    /**
     * Recomputes the clinic's hash chain from its first event to its last ({@link AuditChain}),
     * streaming the rows, and answers whether it holds and where it first breaks.
     */
    public AuditChain.Verification verifyChain(Clinic clinic) {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        jdbc.sql("""
                select id, clinic_id, chain_seq, at, actor_id, actor_role, client_id, action, resource, detail, ip,
                       user_agent, path, outcome, prev_hash, hash
                from audit_event where clinic_id = :clinic order by chain_seq""")
                .param("clinic", clinic.id())
                .query(rs -> {
                    verifier.accept(new AuditChain.Link(rs.getLong("id"), rs.getObject("clinic_id", UUID.class),
                            rs.getLong("chain_seq"), rs.getTimestamp("at").toInstant(),
                            rs.getObject("actor_id", UUID.class), rs.getString("actor_role"),
                            rs.getObject("client_id", UUID.class), rs.getString("action"), rs.getString("resource"),
                            rs.getString("detail"), rs.getString("ip"), rs.getString("user_agent"),
                            rs.getString("path"), rs.getString("outcome"), rs.getBytes("prev_hash"),
                            rs.getBytes("hash")));
                });
        return verifier.result();
    }

    private RequestOrigin origin() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return RequestOrigin.NONE;
        }
        HttpServletRequest request = attributes.getRequest();
        // The client's address as the server believes it: forwarded headers only from trusted proxies (ForwardedHeaders).
        String ip = request.getRemoteAddr();
        String query = request.getQueryString();
        return RequestOrigin.of(ip, request.getHeader("User-Agent"),
                request.getRequestURI() + (query == null ? "" : "?" + query));
    }

    private List<AuditEvent> query(Clinic clinic, AuditFilter f, int limit) {
        List<String> where = new ArrayList<>(List.of("e.clinic_id = :clinic"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("clinic", clinic.id());
        condition(where, params, f.from() == null ? null : Timestamp.from(f.from()), "e.at >= :from", "from");
        condition(where, params, f.to() == null ? null : Timestamp.from(f.to()), "e.at < :to", "to");
        condition(where, params, f.clientId(), "e.client_id = :client", "client");
        condition(where, params, f.actorId(), "e.actor_id = :actor", "actor");
        condition(where, params, f.action() == null ? null : f.action().code(), "e.action = :action", "action");
        condition(where, params, f.cursor(), "e.id < :cursor", "cursor");
        params.put("limit", limit);
        return jdbc.sql("""
                select e.*, u.display_name as actor_name, c.first_name || ' ' || c.last_name as client_name
                from audit_event e
                left join app_user u on u.id = e.actor_id
                left join client c on c.clinic_id = e.clinic_id and c.id = e.client_id
                where %s
                order by e.id desc
                limit :limit""".formatted(String.join(" and ", where)))
                .params(params).query(AuditLog::event).list();
    }

    private static void condition(List<String> where, Map<String, Object> params, Object value, String sql,
            String name) {
        if (value != null) {
            where.add(sql);
            params.put(name, value);
        }
    }

    private static AuditEvent event(ResultSet rs, int n) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getObject("clinic_id", UUID.class),
                rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
                rs.getString("actor_role"), rs.getObject("client_id", UUID.class), rs.getString("client_name"),
                AuditAction.fromCode(rs.getString("action")).orElseThrow(), rs.getString("resource"),
                rs.getString("detail"), rs.getString("ip"), rs.getString("user_agent"), rs.getString("path"),
                AuditOutcome.SUCCEEDED.code().equals(rs.getString("outcome")) ? AuditOutcome.SUCCEEDED
                        : AuditOutcome.REFUSED);
    }
}

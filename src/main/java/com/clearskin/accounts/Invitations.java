package com.clearskin.accounts;

import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.mail.Outbox;
import com.clearskin.mail.OutgoingMail;
import com.clearskin.platform.Coded;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to a clinic: owners and admins invite by email with a role; the mail carries a link
 * that works once, for seven days, and makes the person a member with that role, with a new account
 * or with the one they already have. The invitation and its mail are written in one transaction.
 */
@Service
public class Invitations {

    public static final Duration LIFETIME = Duration.ofDays(7);
    static final String PREFIX = "inv_";

    public enum Status implements Coded {
        PENDING("Waiting"), ACCEPTED("Accepted"), REVOKED("Withdrawn"), EXPIRED("Expired");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** An invitation as the clinic's admins see it. */
    public record Invitation(UUID id, String email, Role role, Status status, String invitedBy, Instant createdAt,
            Instant expiresAt, Instant acceptedAt) {
    }

    /** What the link leads to: its state, and, while valid, the clinic, email, role and whether the email has an account. */
    public record Lookup(LinkState state, Clinic clinic, String email, Role role, boolean accountExists) {
    }

    private record Row(UUID clinicId, UUID id, String email, Role role, Instant expiresAt, Instant acceptedAt,
            Instant revokedAt) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clinics clinics;
    private final Outbox outbox;
    private final Clock clock;

    Invitations(JdbcClient jdbc, Accounts accounts, Clinics clinics, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clinics = clinics;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Invites {@code email} with the role {@code roleCode}; a new invitation replaces a waiting one to the same email. */
    @Transactional
    public Invitation invite(Membership inviter, SignedInUser by, String email, String roleCode, String baseUrl) {
        String normalized = Accounts.normalizeEmail(email);
        Role role = parseRole(roleCode);
        if (!MembershipRules.mayInvite(inviter.role(), role)) {
            throw new ForbiddenException("Your role (" + inviter.role().label() + ") may not invite "
                    + (role == Role.OWNER ? "an owner" : "people") + ".");
        }
        Clinic clinic = inviter.clinic();
        Optional<UUID> existing = accounts.findByEmail(normalized);
        if (existing.isPresent() && accounts.membership(existing.get(), clinic).isPresent()) {
            throw new ConflictException(normalized + " is already a member of " + clinic.name()
                    + "; an owner can change their role.");
        }
        Instant now = Instant.now(clock);
        jdbc.sql("""
                update invitation set revoked_at = :now
                where clinic_id = :clinic and lower(email) = :email and accepted_at is null and revoked_at is null""")
                .param("now", Timestamp.from(now)).param("clinic", clinic.id()).param("email", normalized).update();
        UUID id = UUID.randomUUID();
        String token = Secrets.newSecret(PREFIX);
        jdbc.sql("""
                insert into invitation (clinic_id, id, email, role, token_hash, invited_by, created_at, expires_at)
                values (:clinic, :id, :email, :role, :hash, :by, :now, :expires)""")
                .param("clinic", clinic.id()).param("id", id).param("email", normalized).param("role", role.code())
                .param("hash", AccessTokens.hash(token)).param("by", by.id()).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME)))
                .update();
        String link = baseUrl + "/invitations/" + token;
        outbox.enqueue(new OutgoingMail(clinic.id(), "invitation", normalized,
                "You are invited to " + clinic.name() + " on Clearskin", """
                Hello,

                %s invites you to join %s on Clearskin as %s.

                Accept the invitation here (the link works once, for %d days):

                %s

                If you did not expect this, ignore this mail.
                """.formatted(by.displayName(), clinic.name(), role.label().toLowerCase(java.util.Locale.ROOT),
                        LIFETIME.toDays(), link), true));
        return byId(clinic, id).orElseThrow();
    }

    /** The clinic's invitations, newest first. */
    public List<Invitation> list(Clinic clinic) {
        return jdbc.sql("""
                select i.*, u.display_name as inviter from invitation i join app_user u on u.id = i.invited_by
                where i.clinic_id = :clinic order by i.created_at desc, i.id""")
                .param("clinic", clinic.id()).query((rs, n) -> view(rs)).list();
    }

    /** Withdraws a waiting invitation; its link stops working. An accepted one cannot be withdrawn (409). */
    @Transactional
    public Invitation revoke(Clinic clinic, String id) {
        Invitation invitation = byId(clinic, parseId(id))
                .orElseThrow(() -> new NotFoundException("No invitation " + id + " in " + clinic.name() + "."));
        if (invitation.status() == Status.ACCEPTED) {
            throw new ConflictException("This invitation was accepted already; remove the member instead.");
        }
        jdbc.sql("update invitation set revoked_at = :now where clinic_id = :clinic and id = :id and revoked_at is null")
                .param("now", Timestamp.from(Instant.now(clock))).param("clinic", clinic.id())
                .param("id", invitation.id()).update();
        return byId(clinic, invitation.id()).orElseThrow();
    }

    /** What the link leads to. */
    public Lookup lookup(String token) {
        Optional<Row> row = find(token);
        if (row.isEmpty()) {
            return new Lookup(LinkState.UNKNOWN, null, null, null, false);
        }
        Row r = row.get();
        Clinic clinic = clinics.byId(r.clinicId()).orElseThrow();
        return new Lookup(stateOf(r), clinic, r.email(), r.role(), accounts.findByEmail(r.email()).isPresent());
    }

    /** Accepts with a new account for the invited email; returns the clinic. */
    @Transactional
    public Clinic acceptWithNewAccount(String token, String displayName, String password) {
        Row row = live(token);
        if (accounts.findByEmail(row.email()).isPresent()) {
            throw new ConflictException("An account for " + row.email() + " exists already: sign in to accept.");
        }
        UUID user = accounts.register(row.email(), displayName, password);
        return accept(row, user);
    }

    /** Accepts as the signed-in person, whose email must be the invited one. */
    @Transactional
    public Clinic acceptAs(String token, SignedInUser user) {
        Row row = live(token);
        if (!row.email().equalsIgnoreCase(user.email())) {
            throw new ForbiddenException("This invitation is for " + row.email() + ", and you are signed in as "
                    + user.email() + ". Sign out, then open the link again.");
        }
        return accept(row, user.id());
    }

    private Clinic accept(Row row, UUID userId) {
        Clinic clinic = clinics.byId(row.clinicId()).orElseThrow();
        if (accounts.membership(userId, clinic).isPresent()) {
            throw new ConflictException("You are already a member of " + clinic.name()
                    + "; an owner can change your role.");
        }
        int accepted = jdbc.sql("""
                update invitation set accepted_at = :now, accepted_by = :user
                where clinic_id = :clinic and id = :id and accepted_at is null and revoked_at is null
                  and expires_at > :now""")
                .param("now", Timestamp.from(Instant.now(clock))).param("user", userId)
                .param("clinic", row.clinicId()).param("id", row.id()).update();
        if (accepted != 1) {
            throw new InvalidInputException("token", LinkState.USED.explanation());
        }
        accounts.addMember(clinic.id(), userId, row.role());
        return clinic;
    }

    private Row live(String token) {
        Row row = find(token).orElseThrow(() -> new InvalidInputException("token", LinkState.UNKNOWN.explanation()));
        LinkState state = stateOf(row);
        if (state != LinkState.VALID) {
            throw new InvalidInputException("token", state.explanation());
        }
        return row;
    }

    private LinkState stateOf(Row row) {
        if (row.acceptedAt() != null) {
            return LinkState.USED;
        }
        if (row.revokedAt() != null) {
            return LinkState.REVOKED;
        }
        return Instant.now(clock).isBefore(row.expiresAt()) ? LinkState.VALID : LinkState.EXPIRED;
    }

    private Optional<Row> find(String token) {
        if (!Secrets.plausible(token, PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from invitation where token_hash = :hash").param("hash", AccessTokens.hash(token))
                .query((rs, n) -> new Row(rs.getObject("clinic_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getString("email"), Role.fromCode(rs.getString("role")).orElseThrow(),
                        instant(rs, "expires_at"), instant(rs, "accepted_at"), instant(rs, "revoked_at")))
                .optional();
    }

    private Optional<Invitation> byId(Clinic clinic, UUID id) {
        return jdbc.sql("""
                select i.*, u.display_name as inviter from invitation i join app_user u on u.id = i.invited_by
                where i.clinic_id = :clinic and i.id = :id""")
                .param("clinic", clinic.id()).param("id", id).query((rs, n) -> view(rs)).optional();
    }

    private Invitation view(ResultSet rs) throws SQLException {
        Instant accepted = instant(rs, "accepted_at");
        Instant revoked = instant(rs, "revoked_at");
        Instant expires = instant(rs, "expires_at");
        Status status = accepted != null ? Status.ACCEPTED : revoked != null ? Status.REVOKED
                : Instant.now(clock).isBefore(expires) ? Status.PENDING : Status.EXPIRED;
        return new Invitation(rs.getObject("id", UUID.class), rs.getString("email"),
                Role.fromCode(rs.getString("role")).orElseThrow(), status, rs.getString("inviter"),
                instant(rs, "created_at"), expires, accepted);
    }

    static Role parseRole(String code) {
        return Role.fromCode(code == null ? "" : code.strip())
                .orElseThrow(() -> new InvalidInputException("role", "must be one of " + Coded.codes(Role.class)));
    }

    private static UUID parseId(String id) {
        return Ids.orNotFound(id, "No invitation " + id + ".");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

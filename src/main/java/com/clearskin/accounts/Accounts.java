package com.clearskin.accounts;

import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People and their memberships in clinics. */
@Service
public class Accounts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clinics clinics;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clinics clinics, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clinics = clinics;
        this.clock = clock;
    }

    /** Registers a person; refuses a second account for the same email, whatever its case. */
    @Transactional
    public UUID register(String email, String displayName, String password) {
        String normalized = normalizeEmail(email);
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidInputException("displayName", "is required");
        }
        if (displayName.strip().length() > 100) {
            throw new InvalidInputException("displayName", "must be at most 100 characters");
        }
        PasswordPolicy.check("password", normalized, password);
        if (findByEmail(normalized).isPresent()) {
            throw new ConflictException("An account for " + normalized + " already exists.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, email, display_name, password_hash, created_at)
                values (:id, :email, :name, :hash, :now)""")
                .param("id", id).param("email", normalized).param("name", displayName.strip())
                .param("hash", passwords.encode(password)).param("now", Timestamp.from(Instant.now(clock)))
                .update();
        return id;
    }

    /**
     * Registers a person whose email was just proven by a link (a public booking or a sign-up) with
     * the password they chose then, hashed at that time by this application's encoder. Refuses a
     * second account for the same email (409).
     */
    @Transactional
    public UUID registerVerified(String email, String displayName, String passwordHash) {
        String normalized = normalizeEmail(email);
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("a verified registration needs the hash of the chosen password");
        }
        if (findByEmail(normalized).isPresent()) {
            throw new ConflictException("An account for " + normalized + " already exists.");
        }
        String name = displayName == null || displayName.isBlank() ? normalized : displayName.strip();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, email, display_name, password_hash, created_at)
                values (:id, :email, :name, :hash, :now)""")
                .param("id", id).param("email", normalized).param("name", name.length() > 100 ? name.substring(0, 100) : name)
                .param("hash", passwordHash).param("now", Timestamp.from(Instant.now(clock)))
                .update();
        return id;
    }

    @Transactional
    public void addMember(UUID clinicId, UUID userId, Role role) {
        jdbc.sql("""
                insert into clinic_member (clinic_id, user_id, role, created_at) values (:clinic, :user, :role, :now)
                on conflict (clinic_id, user_id) do update set role = excluded.role""")
                .param("clinic", clinicId).param("user", userId).param("role", role.code())
                .param("now", Timestamp.from(Instant.now(clock)))
                .update();
    }

    /** Sets a new password (already checked against the {@link PasswordPolicy}). */
    void setPassword(UUID userId, String password) {
        jdbc.sql("update app_user set password_hash = :hash where id = :id")
                .param("hash", passwords.encode(password)).param("id", userId).update();
    }

    /** The person's email, display name and id. */
    public Optional<SignedInUser> byId(UUID userId) {
        return jdbc.sql("select id, email, display_name from app_user where id = :id").param("id", userId)
                .query((rs, n) -> new SignedInUser(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), null))
                .optional();
    }

    public Optional<UUID> findByEmail(String email) {
        return jdbc.sql("select id from app_user where lower(email) = lower(:email)")
                .param("email", email == null ? "" : email.strip()).query(UUID.class).optional();
    }

    /** The person's clinics, by clinic name. */
    public List<Membership> memberships(UUID userId) {
        return jdbc.sql("select clinic_id, role from clinic_member where user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new Object[] {rs.getObject("clinic_id", UUID.class), rs.getString("role")})
                .list().stream()
                .flatMap(row -> clinics.byId((UUID) row[0]).stream()
                        .map(c -> new Membership(c, Role.fromCode((String) row[1]).orElseThrow())))
                .sorted((a, b) -> a.clinic().name().compareToIgnoreCase(b.clinic().name()))
                .toList();
    }

    /** The person's membership in one clinic, if any. */
    public Optional<Membership> membership(UUID userId, Clinic clinic) {
        return jdbc.sql("select role from clinic_member where user_id = :user and clinic_id = :clinic")
                .param("user", userId).param("clinic", clinic.id())
                .query(String.class).optional()
                .map(role -> new Membership(clinic, Role.fromCode(role).orElseThrow()));
    }

    /** The clinic's members with one of these roles, by name. */
    public List<Member> members(UUID clinicId, Set<Role> roles) {
        return jdbc.sql("""
                select u.id, u.email, u.display_name, m.role from clinic_member m join app_user u on u.id = m.user_id
                where m.clinic_id = :clinic order by lower(u.display_name), u.email""")
                .param("clinic", clinicId)
                .query((rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), Role.fromCode(rs.getString("role")).orElseThrow()))
                .list().stream().filter(m -> roles.contains(m.role())).toList();
    }

    /** A person's email address (to tell a practitioner of an escalated check-in, for instance). */
    public Optional<String> emailOf(UUID id) {
        return jdbc.sql("select email from app_user where id = :id").param("id", id).query(String.class).optional();
    }

        /** The display names of these people, by id, for showing who did something. */
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, display_name from app_user where id in (:ids)").param("ids", Set.copyOf(ids))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
                });
        return names;
    }

    static String normalizeEmail(String email) {
        if (email == null || !EMAIL.matcher(email.strip()).matches() || email.length() > 254) {
            throw new InvalidInputException("email", "must be an email address such as name@example.com");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

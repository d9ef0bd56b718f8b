package com.clearskin.publicbooking;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.PasswordPolicy;
import com.clearskin.accounts.Role;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.mail.OutgoingMail;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.TooManyRequestsException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person signs up as a client of the clinic: the answer is the same whether or not the email is
 * known (no account enumeration), and so is the work behind it (the password is hashed, a request
 * stored and a mail queued either way); only the mail differs. The link proves the email: a new
 * person's account opens then; a person with an account becomes a client of the clinic with it
 * (their password unchanged). Either way the clinic's client record with that email is linked, or
 * one is added, with portal access.
 */
@Service
public class SignUps {

    static final String TOKEN_PREFIX = "su_";
    static final Duration LIFETIME = Duration.ofHours(24);

    /** What a followed link did. */
    public record Verified(Clinic clinic, String email, boolean accountOpened) {
    }

    /** A link as its page shows it, before it is followed. */
    public record Pending(Clinic clinic, String email, String state) {
    }

    private final JdbcClient jdbc;
    private final Clinics clinics;
    private final Clients clients;
    private final Accounts accounts;
    private final Outbox outbox;
    private final PasswordEncoder passwords;
    private final PublicBookingSettings settings;
    private final ClinicFace face;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SignUps(JdbcClient jdbc, Clinics clinics, Clients clients, Accounts accounts, Outbox outbox,
            PasswordEncoder passwords, PublicBookingSettings settings, ClinicFace face,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.clients = clients;
        this.accounts = accounts;
        this.outbox = outbox;
        this.passwords = passwords;
        this.settings = settings;
        this.face = face;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Takes a sign-up (400 names each wrong field, 429 past the hourly limit of this address) and
     * mails its link; the answer never says whether the email has an account.
     */
    public void signUp(Clinic clinic, SignUpRequest request, String sourceAddress, String baseUrl) {
        List<Violation> violations = new ArrayList<>();
        if (request == null) {
            throw new InvalidInputException("body", "Please fill in the sign-up form.");
        }
        String email = PublicBookingRules.emailIsAnAddress(request.email(), violations);
        violations.replaceAll(v -> v.field().equals("client.email")
                ? new Violation("email", "Please enter an email address such as name@example.com.") : v);
        String first = PublicBookingRules.nameIsGiven("firstName", request.firstName(), "your first name", violations);
        String last = PublicBookingRules.nameIsGiven("lastName", request.lastName(), "your last name", violations);
        if (request.password() == null || request.password().isEmpty()) {
            violations.add(new Violation("password", "Please choose a password of at least "
                    + PasswordPolicy.MIN_LENGTH + " characters."));
        } else {
            try {
                PasswordPolicy.check("password", email == null ? "" : email, request.password());
            } catch (InvalidInputException e) {
                violations.add(new Violation("password", PublicBookingRules.passwordSentence(e)));
            }
        }
        PublicBookingRules.honeypotIsEmpty(request.website(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String hash = passwords.encode(request.password()); // for a known email too: the same work, the same time
        String source = Tokens.sha256("source:" + (sourceAddress == null ? "" : sourceAddress));
        Instant now = now();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "client-sign-up:" + email).query().singleRow();
            Instant hourAgo = now.minus(Duration.ofHours(1));
            int fromSource = jdbc.sql("select count(*) from client_sign_up where source_hash = :key and created_at > :since")
                    .param("key", source).param("since", Timestamp.from(hourAgo)).query(Integer.class).single();
            if (!PublicBookingRules.withinHourlyLimit(fromSource, settings.signUpsPerAddressPerHour())) {
                throw new TooManyRequestsException(3600, "Too many sign-ups from this connection in the last hour. "
                        + "Please try again later.");
            }
            int forEmail = jdbc.sql("select count(*) from client_sign_up where email = :key and created_at > :since")
                    .param("key", email).param("since", Timestamp.from(hourAgo)).query(Integer.class).single();
            boolean known = accounts.findByEmail(email).isPresent();
            String token = Tokens.newToken(TOKEN_PREFIX);
            jdbc.sql("""
                    insert into client_sign_up (clinic_id, id, email, first_name, last_name, password_hash, token_hash,
                                                source_hash, created_at, expires_at)
                    values (:clinic, :id, :email, :first, :last, :hash, :token, :source, :now, :expires)""")
                    .param("clinic", clinic.id()).param("id", UUID.randomUUID()).param("email", email)
                    .param("first", first).param("last", last).param("hash", known ? null : hash)
                    .param("token", Tokens.sha256(token)).param("source", source).param("now", Timestamp.from(now))
                    .param("expires", Timestamp.from(now.plus(LIFETIME))).update();
            if (!PublicBookingRules.withinHourlyLimit(forEmail, settings.signUpsPerEmailPerHour())) {
                return; // the person's mailbox is not flooded; the answer stays the same
            }
            String name = face.displayName(clinic);
            String link = baseUrl + "/sign-up/" + token;
            String body = known
                    ? "Hello " + first + ",\n\nsomeone (we hope you) asked to sign up at " + name + " with this email. "
                            + "You already have an account with it, so no new one is needed: your password stays as it is.\n\n"
                            + "To become a client of " + name + " with your account, follow this link (it works for 24 hours):\n"
                            + link + "\n\nForgot your password? Ask for a new one at " + baseUrl + "/password-reset\n\n"
                            + "If you did not ask for this, ignore this email.\n\n" + face.mailFooter(clinic)
                    : "Hello " + first + ",\n\nplease confirm your email to open your account at " + name
                            + " (the link works for 24 hours):\n" + link
                            + "\n\nIf you did not ask for this, ignore this email: nothing is opened.\n\n"
                            + face.mailFooter(clinic);
            outbox.enqueue(new OutgoingMail(clinic.id(), "client-sign-up", email, "Your account at " + name, body, true));
        });
    }

    /** The link's sign-up as it stands: {@code pending}, {@code verified} or {@code expired}; 404 unknown. */
    public Pending find(String token) {
        Row row = locate(token);
        return new Pending(row.clinic(), row.email(), state(row));
    }

    /**
     * Follows the link: the account opens (or the known account becomes the clinic's client), the
     * clinic's client record with that email is linked to it, or added. Once only; 404 unknown,
     * 400 {@code token} when it has expired.
     */
    public Verified verify(String token) {
        Row found = locate(token);
        return transaction.execute(status -> {
            Row row = lockRow(found);
            if (row.verifiedAt() != null) {
                return new Verified(row.clinic(), row.email(), false);
            }
            if (!row.expiresAt().isAfter(now())) {
                throw new InvalidInputException("token", "This link has expired (links work for 24 hours). "
                        + "Please sign up again.");
            }
            Clinic clinic = row.clinic();
            Optional<UUID> existing = accounts.findByEmail(row.email());
            boolean opened = existing.isEmpty() && row.passwordHash() != null;
            UUID user;
            if (existing.isPresent()) {
                user = existing.get();
            } else if (row.passwordHash() != null) {
                user = accounts.registerVerified(row.email(), row.firstName() + " " + row.lastName(), row.passwordHash());
            } else {
                throw new InvalidInputException("token", "This link can no longer open an account. Please sign up again.");
            }
            if (accounts.membership(user, clinic).isEmpty()) {
                accounts.addMember(clinic.id(), user, Role.CLIENT);
            }
            if (clients.ownedBy(clinic, user).isEmpty()) {
                Client client = clients.findByEmail(clinic, row.email())
                        .filter(c -> clients.accountOf(clinic, c.id()).isEmpty())
                        .orElseGet(() -> clients.create(clinic, new NewClient(row.firstName(), row.lastName(), row.email(),
                                null, null)));
                clients.linkAccount(clinic, client.id(), user);
            }
            jdbc.sql("update client_sign_up set verified_at = :now, password_hash = null where clinic_id = :clinic and id = :id")
                    .param("now", Timestamp.from(now())).param("clinic", clinic.id()).param("id", row.id()).update();
            return new Verified(clinic, row.email(), opened);
        });
    }

    private record Row(Clinic clinic, UUID id, String email, String firstName, String lastName, String passwordHash,
            Instant expiresAt, Instant verifiedAt) {
    }

    private String state(Row row) {
        return row.verifiedAt() != null ? "verified" : row.expiresAt().isAfter(now()) ? "pending" : "expired";
    }

    private Row locate(String token) {
        if (!Tokens.plausible(token, TOKEN_PREFIX)) {
            throw unknown();
        }
        return jdbc.sql("select * from client_sign_up where token_hash = :hash").param("hash", Tokens.sha256(token))
                .query(this::row).optional().orElseThrow(SignUps::unknown);
    }

    private Row lockRow(Row found) {
        return jdbc.sql("select * from client_sign_up where clinic_id = :clinic and id = :id for update")
                .param("clinic", found.clinic().id()).param("id", found.id()).query(this::row).single();
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp verified = rs.getTimestamp("verified_at");
        Clinic clinic = clinics.byId(rs.getObject("clinic_id", UUID.class)).orElseThrow(SignUps::unknown);
        return new Row(clinic, rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("password_hash"), rs.getTimestamp("expires_at").toInstant(),
                verified == null ? null : verified.toInstant());
    }

    private static NotFoundException unknown() {
        return new NotFoundException("This sign-up link is not known. Please use the link in your email.");
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

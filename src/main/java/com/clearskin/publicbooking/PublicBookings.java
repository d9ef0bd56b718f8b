package com.clearskin.publicbooking;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.mail.OutgoingMail;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.platform.TooManyRequestsException;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.Appointments;
import com.clearskin.booking.BookAppointment;
import com.clearskin.booking.HeldAppointment;
import com.clearskin.booking.RuleFinding;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new client books on the clinic's public page: the time is held for 30 minutes and booked when
 * the client follows the link in the email (so a typo or a bot keeps no slot). The client is found
 * by email (one record per person and clinic; a person with an account is asked to sign in, and no
 * record is overwritten); the short intake is recorded as the client's assessment; every booking
 * rule applies through {@link Appointments#hold}. Limits: per address and per email an hour, and at
 * most two unconfirmed holds per email, all counted in the database (any number of instances).
 */
@Service
public class PublicBookings {

    static final String TOKEN_PREFIX = "pb_";
    private static final String BY_SOURCE_SINCE = """
            select count(*) from public_booking where source_hash = :key and created_at > :since""";
    private static final String BY_EMAIL_SINCE = """
            select count(*) from public_booking where email = :key and created_at > :since""";
    private static final String HELD_BY_EMAIL = """
            select count(*) from public_booking where email = :key and status = 'held' and hold_expires_at > :since""";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    /** What the API answers for a new hold. */
    public record Held(UUID id, String status, Instant holdExpiresAt, String email) {
    }

    /** A public booking as its link shows it. */
    public record View(UUID id, Clinic clinic, String status, String treatment, String treatmentName, Instant start,
            Instant end, Instant holdExpiresAt, String firstName, String email, UUID appointmentId,
            boolean opensAccount, boolean accountOpened) {
    }

    private final JdbcClient jdbc;
    private final Clinics clinics;
    private final Clients clients;
    private final ClientAssessments assessments;
    private final Accounts accounts;
    private final Appointments appointments;
    private final ClinicCatalog catalog;
    private final Outbox outbox;
    private final PasswordEncoder passwords;
    private final PublicBookingSettings settings;
    private final ClinicFace face;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PublicBookings(JdbcClient jdbc, Clinics clinics, Clients clients, ClientAssessments assessments, Accounts accounts,
            Appointments appointments, ClinicCatalog catalog, Outbox outbox, PasswordEncoder passwords,
            PublicBookingSettings settings, ClinicFace face, PlatformTransactionManager transactions, Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.clinics = clinics;
        this.clients = clients;
        this.assessments = assessments;
        this.accounts = accounts;
        this.appointments = appointments;
        this.catalog = catalog;
        this.outbox = outbox;
        this.passwords = passwords;
        this.settings = settings;
        this.face = face;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Holds the time for the client and mails the confirmation link ({@code baseUrl} + the link's
     * path). 400 naming each wrong field, 409 when the time is not free, 422 with the rule when a
     * treatment rule refuses it or the email belongs to an account (rule {@code sign-in-required}) or
     * already holds two unconfirmed times ({@code hold-limit}), 429 past the hourly limits.
     */
    public Held hold(Clinic clinic, PublicBookingRequest request, String sourceAddress, String baseUrl) {
        Instant now = now();
        List<Violation> violations = new ArrayList<>();
        PublicBookingRules.Checked in = PublicBookingRules.check(request, LocalDate.ofInstant(now, clinic.timeZone()),
                violations);
        String password = request == null || request.password() == null || request.password().isEmpty()
                ? null : request.password();
        if (password != null && in != null && in.email() != null) {
            try {
                com.clearskin.accounts.PasswordPolicy.check("password", in.email(), password);
            } catch (InvalidInputException e) {
                violations.add(new Violation("password", PublicBookingRules.passwordSentence(e)
                        + " Or leave it empty to book without an account."));
            }
        }
        ClinicTreatment treatment = null;
        if (in != null && in.treatment() != null) {
            treatment = catalog.find(clinic, in.treatment()).filter(ClinicTreatment::active).orElse(null);
            if (treatment == null) {
                violations.add(new Violation("treatment", "Please choose a treatment this clinic offers online."));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String passwordHash = password == null ? null : passwords.encode(password);
        ClinicTreatment chosen = treatment;
        String source = Tokens.sha256("source:" + (sourceAddress == null ? "" : sourceAddress));
        return transaction.execute(status -> {
            lock("public-booking-email:" + in.email());
            Instant hourAgo = now.minus(Duration.ofHours(1));
            int fromSource = count(jdbc.sql(BY_SOURCE_SINCE), source, hourAgo);
            if (!PublicBookingRules.withinHourlyLimit(fromSource, settings.perAddressPerHour())) {
                throw new TooManyRequestsException(3600, "Too many bookings from this connection in the last hour. "
                        + "Please try again later, or call the clinic.");
            }
            int forEmail = count(jdbc.sql(BY_EMAIL_SINCE), in.email(), hourAgo);
            if (!PublicBookingRules.withinHourlyLimit(forEmail, settings.perEmailPerHour())) {
                throw new TooManyRequestsException(3600, "Too many bookings for this email address in the last hour. "
                        + "Please try again later, or call the clinic.");
            }
            int unconfirmed = count(jdbc.sql(HELD_BY_EMAIL), in.email(), now);
            if (!PublicBookingRules.holdsBelowLimit(unconfirmed, settings.unconfirmedPerEmail())) {
                throw new RuleRefusedException("hold-limit", "You already have " + unconfirmed + " bookings waiting "
                        + "for confirmation. Please confirm them with the links in the emails we sent you, or wait "
                        + "until they lapse (" + settings.holdMinutes() + " minutes after booking).", null);
            }
            if (accounts.findByEmail(in.email()).isPresent()) {
                throw signInRequired();
            }
            Client client = clients.findByEmail(clinic, in.email()).orElse(null);
            if (client != null && clients.accountOf(clinic, client.id()).isPresent()) {
                throw signInRequired();
            }
            if (client == null) {
                client = clients.create(clinic, new NewClient(in.firstName(), in.lastName(), in.email(), in.phone(),
                        in.dateOfBirth().toString()));
            }
            if (request.assessment() != null && !request.assessment().isNull()) {
                try {
                    assessments.record(clinic, client, request.assessment(), null);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(e.violations().stream()
                            .map(v -> new Violation("assessment." + v.field(), v.reason())).toList());
                }
            }
            Instant until = now.plus(Duration.ofMinutes(settings.holdMinutes()));
            HeldAppointment held;
            try {
                held = appointments.hold(clinic, new BookAppointment(client.id(), chosen.code(), in.start(),
                        in.practitionerId(), null, null), until);
            } catch (RuleRefusedException e) {
                throw new RuleRefusedException(e.rule(), PublicBookingRules.plain(e.getMessage()), e.allowedFrom());
            } catch (ConflictException e) {
                throw new ConflictException(e.getMessage().startsWith("The client already has")
                        ? "You already have an appointment at that time."
                        : "That time is no longer free. Please choose another time.");
            }
            UUID id = UUID.randomUUID();
            String token = Tokens.newToken(TOKEN_PREFIX);
            String cautions = held.cautions().isEmpty() ? null
                    : String.join(" ", held.cautions().stream().map(RuleFinding::message).toList());
            jdbc.sql("""
                    insert into public_booking (clinic_id, id, appointment_id, client_id, email, token_hash, source_hash,
                                                status, hold_expires_at, cautions, account_name, password_hash, created_at)
                    values (:clinic, :id, :appointment, :client, :email, :token, :source, 'held', :until, :cautions,
                            :name, :hash, :now)""")
                    .param("clinic", clinic.id()).param("id", id).param("appointment", held.appointment().id())
                    .param("client", client.id()).param("email", in.email()).param("token", Tokens.sha256(token))
                    .param("source", source).param("until", Timestamp.from(until)).param("cautions", cautions)
                    .param("name", passwordHash == null ? null : in.firstName() + " " + in.lastName())
                    .param("hash", passwordHash).param("now", Timestamp.from(now))
                    .update();
            events.publishEvent(new PublicBookingHeld(clinic.id(), held.appointment().id(), client.id()));
            outbox.enqueue(new OutgoingMail(clinic.id(), "public-booking-confirm", in.email(),
                    "Please confirm your booking at " + face.displayName(clinic),
                    holdMail(clinic, in.firstName(), chosen.treatment().name(), held.appointment(), until,
                            baseUrl + "/public-bookings/" + token, passwordHash != null), true));
            return new Held(id, "held", until, in.email());
        });
    }

    /**
     * Confirms the booking of this link: booked, once (a second confirmation answers the same).
     * With a password chosen at booking, the client's account opens now (the email is proven),
     * linked to the client record with portal access. 404 for an unknown link, 409 when the hold
     * has ended.
     */
    public View confirm(String token) {
        Located found = locate(token);
        Clinic clinic = found.clinic();
        return transaction.execute(status -> {
            Row row = jdbc.sql("select * from public_booking where clinic_id = :clinic and id = :id for update")
                    .param("clinic", clinic.id()).param("id", found.id()).query(PublicBookings::row).single();
            if (row.status().equals("booked")) {
                return view(clinic, row);
            }
            Appointment booked;
            try {
                booked = appointments.confirmHold(clinic, row.appointmentId());
            } catch (ConflictException e) {
                throw new ConflictException("The " + settings.holdMinutes() + " minutes this time was held for you "
                        + "have passed, and it was given back. Please book again.");
            }
            Instant now = now();
            jdbc.sql("""
                    update public_booking set status = 'booked', confirmed_at = :now, password_hash = null
                    where clinic_id = :clinic and id = :id""")
                    .param("now", Timestamp.from(now)).param("clinic", clinic.id()).param("id", row.id()).update();
            boolean opened = false;
            if (row.passwordHash() != null && accounts.findByEmail(row.email()).isEmpty()
                    && clients.accountOf(clinic, row.clientId()).isEmpty()) {
                UUID user = accounts.registerVerified(row.email(), row.accountName(), row.passwordHash());
                accounts.addMember(clinic.id(), user, Role.CLIENT);
                clients.linkAccount(clinic, row.clientId(), user);
                opened = true;
            }
            Client client = clients.find(clinic, row.clientId()).orElseThrow();
            String name = treatmentName(clinic, booked.treatment());
            ZoneId zone = clinic.timeZone();
            outbox.enqueue(new OutgoingMail(clinic.id(), "public-booking-booked", row.email(),
                    "Your booking at " + face.displayName(clinic) + " is confirmed",
                    "Hello " + client.firstName() + ",\n\nyour " + name + " at " + face.displayName(clinic) + " on "
                            + DATE.format(booked.start().atZone(zone)) + " at " + TIME.format(booked.start().atZone(zone))
                            + " (" + zoneName(zone) + ") is booked.\n\n"
                            + (opened ? "Your account is open: sign in with your email and the password you chose "
                            + "to see your visits.\n\n" : "")
                            + face.mailFooter(clinic), false));
            Row updated = jdbc.sql("select * from public_booking where clinic_id = :clinic and id = :id")
                    .param("clinic", clinic.id()).param("id", row.id()).query(PublicBookings::row).single();
            View view = view(clinic, updated);
            return new View(view.id(), clinic, view.status(), view.treatment(), view.treatmentName(), view.start(),
                    view.end(), view.holdExpiresAt(), view.firstName(), view.email(), view.appointmentId(), false, opened);
        });
    }

    /** The booking of this link, as it stands ("held", "booked" or "expired"); 404 for an unknown link. */
    public View find(String token) {
        Located found = locate(token);
        Row row = jdbc.sql("select * from public_booking where clinic_id = :clinic and id = :id")
                .param("clinic", found.clinic().id()).param("id", found.id()).query(PublicBookings::row).single();
        return view(found.clinic(), row);
    }

    private record Located(Clinic clinic, UUID id) {
    }

    private Located locate(String token) {
        if (!Tokens.plausible(token, TOKEN_PREFIX)) {
            throw unknownLink();
        }
        return jdbc.sql("select clinic_id, id from public_booking where token_hash = :hash")
                .param("hash", Tokens.sha256(token))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional()
                .flatMap(r -> clinics.byId((UUID) r[0]).map(c -> new Located(c, (UUID) r[1])))
                .orElseThrow(PublicBookings::unknownLink);
    }

    private record Row(UUID id, UUID appointmentId, UUID clientId, String email, String status, Instant holdExpiresAt,
            String accountName, String passwordHash) {
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getString("email"), rs.getString("status"),
                rs.getTimestamp("hold_expires_at").toInstant(), rs.getString("account_name"),
                rs.getString("password_hash"));
    }

    private View view(Clinic clinic, Row row) {
        Appointment a = appointments.require(clinic, row.appointmentId());
        String status = row.status().equals("booked") ? "booked"
                : row.holdExpiresAt().isAfter(now()) && a.status() == com.clearskin.booking.AppointmentStatus.HELD
                        ? "held" : "expired";
        String first = clients.find(clinic, row.clientId()).map(Client::firstName).orElse("");
        return new View(row.id(), clinic, status, a.treatment(), treatmentName(clinic, a.treatment()), a.start(), a.end(),
                row.holdExpiresAt(), first, row.email(), a.id(), row.passwordHash() != null, false);
    }

    private String holdMail(Clinic clinic, String firstName, String treatmentName, Appointment a, Instant until,
            String link, boolean opensAccount) {
        ZoneId zone = clinic.timeZone();
        return "Hello " + firstName + ",\n\n"
                + "thank you for booking " + treatmentName + " at " + face.displayName(clinic) + " on "
                + DATE.format(a.start().atZone(zone)) + " at " + TIME.format(a.start().atZone(zone)) + " ("
                + zoneName(zone) + ").\n\n"
                + "We hold this time for you until " + TIME.format(until.atZone(zone)) + ". Please confirm it here:\n"
                + link + "\n\n"
                + (opensAccount ? "Confirming also opens your account, with the password you chose.\n\n" : "")
                + "If you did not book this, ignore this email: the time is given back by itself.\n\n"
                + face.policyForMail(clinic)
                + face.mailFooter(clinic);
    }

    private String treatmentName(Clinic clinic, String code) {
        return catalog.find(clinic, code).map(t -> t.treatment().name()).orElse(code);
    }

    static String zoneName(ZoneId zone) {
        return zone.getDisplayName(TextStyle.FULL, Locale.US);
    }

    private static int count(JdbcClient.StatementSpec statement, String key, Instant since) {
        return statement
                .param("key", key).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    private void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key).query().singleRow();
    }

    private static RuleRefusedException signInRequired() {
        return new RuleRefusedException("sign-in-required", "An account already uses this email address. Please sign "
                + "in to book: your details stay as you keep them.", null);
    }

    private static NotFoundException unknownLink() {
        return new NotFoundException("This confirmation link is not known. Please use the link in your email, "
                + "or book again.");
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    Optional<Clinic> clinic(String slug) {
        return clinics.bySlug(slug);
    }
}

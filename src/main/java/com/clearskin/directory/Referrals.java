package com.clearskin.directory;

import com.clearskin.booking.Appointment;
import com.clearskin.booking.Appointments;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.publicbooking.PublicBookingHeld;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Referral links ("recommendations from friends, family"): a client's own code, the link that
 * carries it to the clinic's public booking page (it is remembered in a cookie for 30 days, or
 * given as {@code ref} to the booking API), the public bookings made through it, and the clinic's
 * counts. A client's own booking through their own link is not a referral.
 */
@Service
public class Referrals {

    /** The cookie that remembers the referral link a visitor came through: "slug:code". */
    public static final String COOKIE = "clearskin_ref";
    public static final int COOKIE_DAYS = 30;
    static final Pattern CODE = Pattern.compile("[a-z0-9]{10}");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    /** One referrer and the bookings through their link. */
    public record Referrer(UUID clientId, String name, String code, int bookings) {
    }

    /** The clinic's referral numbers: confirmed bookings through referral links, and per referrer. */
    public record Counts(int bookings, int held, List<Referrer> referrers) {
    }

    private final JdbcClient jdbc;
    private final Clinics clinics;
    private final Clients clients;
    private final Appointments appointments;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Referrals(JdbcClient jdbc, Clinics clinics, Clients clients, Appointments appointments, Clock clock) {
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.clients = clients;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** The client's referral code, made on first asking. */
    @Transactional
    public String codeOf(Clinic clinic, UUID clientId) {
        Optional<String> existing = existing(clinic, clientId);
        if (existing.isPresent()) {
            return existing.get();
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        jdbc.sql("""
                insert into referral_code (clinic_id, id, client_id, code, created_at)
                values (:clinic, :id, :client, :code, :now) on conflict do nothing""")
                .param("clinic", clinic.id()).param("id", UUID.randomUUID()).param("client", clientId)
                .param("code", code.toString()).param("now", Timestamp.from(Instant.now(clock))).update();
        return existing(clinic, clientId).orElseThrow();
    }

    /** Whether the code is one of the clinic's. */
    public boolean known(Clinic clinic, String code) {
        return code != null && CODE.matcher(code).matches() && referrer(clinic, code).isPresent();
    }

    /** A public booking held through a referral link (the request's {@code ref}, or the cookie): attributed once. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onPublicBooking(PublicBookingHeld event) {
        Optional<Clinic> clinic = clinics.byId(event.clinicId());
        Optional<String> code = clinic.flatMap(Referrals::codeOfRequest);
        if (clinic.isEmpty() || code.isEmpty()) {
            return;
        }
        referrer(clinic.get(), code.get()).filter(r -> !r.clientId().equals(event.clientId())).ifPresent(r ->
                jdbc.sql("""
                        insert into referral_booking (clinic_id, appointment_id, referral_id, created_at)
                        values (:clinic, :appointment, :referral, :now) on conflict do nothing""")
                        .param("clinic", event.clinicId()).param("appointment", event.appointmentId())
                        .param("referral", r.id()).param("now", Timestamp.from(Instant.now(clock))).update());
    }

    /** The clinic's counts: bookings through referral links that were confirmed, and those still held. */
    public Counts counts(Clinic clinic) {
        record Row(UUID clientId, String code, UUID appointmentId) {
        }
        List<Row> rows = jdbc.sql("""
                select c.client_id, c.code, b.appointment_id from referral_code c
                left join referral_booking b on b.clinic_id = c.clinic_id and b.referral_id = c.id
                where c.clinic_id = :clinic""")
                .param("clinic", clinic.id())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
        Map<UUID, int[]> perClient = new LinkedHashMap<>();
        Map<UUID, String> codes = new LinkedHashMap<>();
        int confirmed = 0;
        int held = 0;
        for (Row row : rows) {
            int[] count = perClient.computeIfAbsent(row.clientId(), k -> new int[1]);
            codes.put(row.clientId(), row.code());
            if (row.appointmentId() == null) {
                continue;
            }
            Optional<Appointment> a = appointments.find(clinic, row.appointmentId());
            if (a.isEmpty()) {
                continue;
            }
            if (ReferralRules.counts(a.get().status())) {
                confirmed++;
                count[0]++;
            } else if (ReferralRules.pending(a.get().status())) {
                held++;
            }
        }
        List<Referrer> referrers = new ArrayList<>();
        perClient.forEach((client, count) -> referrers.add(new Referrer(client,
                clients.find(clinic, client).map(Client::fullName).orElse("A client"), codes.get(client), count[0])));
        referrers.sort(Comparator.comparingInt(Referrer::bookings).reversed().thenComparing(Referrer::name));
        return new Counts(confirmed, held, referrers);
    }

    private record Code(UUID id, UUID clientId) {
    }

    private Optional<Code> referrer(Clinic clinic, String code) {
        return jdbc.sql("select id, client_id from referral_code where clinic_id = :clinic and code = :code")
                .param("clinic", clinic.id()).param("code", code)
                .query((rs, n) -> new Code(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
    }

    private Optional<String> existing(Clinic clinic, UUID clientId) {
        return jdbc.sql("select code from referral_code where clinic_id = :clinic and client_id = :client")
                .param("clinic", clinic.id()).param("client", clientId).query(String.class).optional();
    }

    /** The referral code the current request carries for this clinic: its {@code ref}, or the cookie of its link. */
    static Optional<String> codeOfRequest(Clinic clinic) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        String ref = request.getParameter("ref");
        if (ref != null && CODE.matcher(ref).matches()) {
            return Optional.of(ref);
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return ReferralRules.codeFromCookie(cookie.getValue(), clinic.slug());
                }
            }
        }
        return Optional.empty();
    }
}

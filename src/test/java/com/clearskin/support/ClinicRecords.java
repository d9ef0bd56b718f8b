package com.clearskin.support;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.support.TestClinics.TestClinic;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of everything a clinic keeps, for tests that must reach a clinic's records by their ids: the
 * client whose account is the clinic's client user ({@code self}), another client ({@code other})
 * with an assessment, the practitioner user assigned to them and an appointment with them, a course, a waitlist entry, a
 * calendar feed; a room, a device, a closure and time off. Every name carries {@code marker}, so a
 * test can tell whether any of it leaked into an answer.
 */
@Component
public class ClinicRecords {

    public record Records(TestClinic clinic, String marker, Client self, Client other, UUID practitioner, UUID room,
            UUID device, UUID appointment, UUID course, UUID waitlistEntry, UUID feed, UUID closure, UUID timeOff) {
        public String slug() {
            return clinic.slug();
        }
    }

    public static final String TREATMENT = "microneedling";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clients clients;
    private final ClientAssessments assessments;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ClinicRecords(Clients clients, ClientAssessments assessments, Accounts accounts, JdbcClient jdbc) {
        this.clients = clients;
        this.assessments = assessments;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    public Records fill(TestClinic clinic) {
        String marker = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID owner = user(clinic, Role.OWNER);
        Client self = clients.create(clinic.clinic(), new NewClient("Self", "Client" + marker,
                "self." + marker.toLowerCase() + "@example.com", "+1 555 010 0101", "1990-01-01"));
        clients.linkAccount(clinic.clinic(), self.id(), user(clinic, Role.CLIENT));
        Client other = clients.create(clinic.clinic(), new NewClient("Other", "Client" + marker,
                "other." + marker.toLowerCase() + "@example.com", "+1 555 010 0102", "1985-05-05"));
        assessments.record(clinic.clinic(), other, json.readTree("""
                {"skinType": "oily", "fitzpatrick": 2, "concerns": ["acne"], "bodyAreas": ["face"],
                 "medical": {"pregnantOrBreastfeeding": true}, "isotretinoinLastTaken": "never"}"""), owner);

        UUID clinicId = clinic.clinic().id();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        jdbc.sql("insert into clinic_schedule (clinic_id, updated_at) values (:c, :now) on conflict do nothing")
                .param("c", clinicId).param("now", Timestamp.from(now)).update();
        UUID practitioner = insert("""
                insert into practitioner (clinic_id, id, user_id, display_name, qualification, created_at)
                values (:c, :id, :user, :name, 'nurse', :now)""", clinicId, now, "user", user(clinic, Role.PRACTITIONER),
                "name", "Practitioner " + marker);
        UUID room = insert("insert into room (clinic_id, id, name, capabilities, created_at) "
                + "values (:c, :id, :name, '{facial-bed}', :now)", clinicId, now, "name", "Room " + marker);
        UUID device = insert("insert into device (clinic_id, id, name, device_type, created_at) "
                + "values (:c, :id, :name, 'microneedling-pen', :now)", clinicId, now, "name", "Pen " + marker);
        UUID course = insert("insert into booked_course (clinic_id, id, client_id, treatment_code, created_at, created_by) "
                + "values (:c, :id, :client, :code, :now, :by)", clinicId, now, "client", other.id(), "code", TREATMENT,
                "by", owner);
        // the clinic assigned the practitioner to other: a care relationship (booking alone grants nothing)
        jdbc.sql("""
                insert into client_practitioner (clinic_id, client_id, practitioner_id, assigned_at, assigned_by)
                values (:c, :client, :p, :now, :by)""")
                .param("c", clinicId).param("client", other.id()).param("p", practitioner)
                .param("now", Timestamp.from(now)).param("by", owner).update();
        Instant start = now.plus(Duration.ofDays(7));
        UUID appointment = insert("""
                insert into appointment (clinic_id, id, client_id, treatment_code, practitioner_id, room_id, starts_at,
                    ends_at, blocked, status, course_id, created_at, created_by, updated_at)
                values (:c, :id, :client, :code, :practitioner, :room, :start, :end,
                    tstzrange(:start, :end), 'booked', :course, :now, :by, :now)""", clinicId, now,
                "client", other.id(), "code", TREATMENT, "practitioner", practitioner, "room", room,
                "start", Timestamp.from(start), "end", Timestamp.from(start.plus(Duration.ofHours(1))),
                "course", course, "by", owner);
        jdbc.sql("""
                insert into appointment_device (clinic_id, appointment_id, device_id, blocked, active)
                values (:c, :a, :d, tstzrange(:start, :end), true)""")
                .param("c", clinicId).param("a", appointment).param("d", device).param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plus(Duration.ofHours(1)))).update();
        LocalDate day = LocalDate.now().plusDays(10);
        UUID waitlist = insert("""
                insert into waitlist_entry (clinic_id, id, client_id, treatment_code, first_day, last_day, status,
                    created_at, updated_at)
                values (:c, :id, :client, :code, :first, :last, 'waiting', :now, :now)""", clinicId, now,
                "client", other.id(), "code", TREATMENT, "first", java.sql.Date.valueOf(day),
                "last", java.sql.Date.valueOf(day.plusDays(7)));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        UUID feed = insert("""
                insert into calendar_feed (clinic_id, id, subject_kind, subject_id, token_hash, created_at, created_by)
                values (:c, :id, 'client', :client, :hash, :now, :by)""", clinicId, now,
                "client", other.id(), "hash", secret, "by", owner);
        UUID closure = insert("insert into closure (clinic_id, id, first_day, last_day, reason) "
                + "values (:c, :id, :first, :last, :reason)", clinicId, now, "first", java.sql.Date.valueOf(day.plusDays(30)),
                "last", java.sql.Date.valueOf(day.plusDays(31)), "reason", "Closed " + marker);
        UUID timeOff = insert("""
                insert into practitioner_time_off (clinic_id, id, practitioner_id, starts_at, ends_at, reason)
                values (:c, :id, :p, :start, :end, :reason)""", clinicId, now, "p", practitioner,
                "start", Timestamp.from(start.plus(Duration.ofDays(20))),
                "end", Timestamp.from(start.plus(Duration.ofDays(21))), "reason", "Away " + marker);
        // a signed consent and a session of other's visit (checked in), so that their addresses are probed with real ids
        UUID visit = insert("""
                insert into appointment (clinic_id, id, client_id, treatment_code, practitioner_id, room_id, starts_at,
                    ends_at, blocked, status, created_at, created_by, updated_at)
                values (:c, :id, :client, :code, :practitioner, :room, :start, :end,
                    tstzrange(:start, :end), 'checked-in', :now, :by, :now)""", clinicId, now,
                "client", other.id(), "code", TREATMENT, "practitioner", practitioner, "room", room,
                "start", Timestamp.from(start.plus(Duration.ofDays(40))),
                "end", Timestamp.from(start.plus(Duration.ofDays(40)).plus(Duration.ofHours(1))), "by", owner);
        UUID form = jdbc.sql("select form_id from consent_form_version where clinic_id = :c and :t = any(treatments) "
                + "order by form_id limit 1").param("c", clinicId).param("t", TREATMENT).query(UUID.class).single();
        UUID consent = insert("""
                insert into consent_signature (clinic_id, id, form_id, form_version, client_id, appointment_id,
                    signer_name, typed_signature, agreed, signed_at, valid_until, document_sha256, signed_by)
                values (:c, :id, :form, 1, :client, :a, 'Other', 'Other', true, :now, :now, :sha, :by)""", clinicId, now,
                "form", form, "client", other.id(), "a", visit, "sha", "0".repeat(64), "by", owner);
        insert("""
                insert into treatment_session (clinic_id, id, appointment_id, client_id, treatment, practitioner_id,
                    started_at, started_by, safety, consent_id)
                values (:c, :id, :a, :client, :code, :practitioner, :now, :by,
                    cast('{"todayCheck": {}, "reasons": [], "acknowledgedCautions": []}' as jsonb), :consent)""",
                clinicId, now, "a", visit, "client", other.id(), "code", TREATMENT, "practitioner", practitioner,
                "by", owner, "consent", consent);
        // a licence of the practitioner with its document, so that the licence addresses are probed with a real id
        insert("""
                insert into licence (clinic_id, id, practitioner_id, type, number, jurisdiction, expires_on, document,
                    document_type, created_at, created_by)
                values (:c, :id, :p, 'esthetician', :number, 'US-CA', :expires, :document, 'application/pdf', :now, :by)""",
                clinicId, now, "p", practitioner, "number", "L-" + marker, "expires", java.sql.Date.valueOf(day.plusYears(1)),
                "document", "%PDF-1.4 licence".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "by", owner);
        return new Records(clinic, marker, self, other, practitioner, room, device, appointment, course, waitlist, feed,
                closure, timeOff);
    }

    public UUID user(TestClinic clinic, Role role) {
        return accounts.findByEmail(clinic.email(role)).orElseThrow();
    }

    private UUID insert(String sql, UUID clinic, Instant now, Object... params) {
        UUID id = UUID.randomUUID();
        var spec = jdbc.sql(sql).param("c", clinic).param("id", id);
        if (sql.contains(":now")) {
            spec = spec.param("now", Timestamp.from(now));
        }
        for (int i = 0; i < params.length; i += 2) {
            spec = spec.param((String) params[i], params[i + 1]);
        }
        spec.update();
        return id;
    }
}

package com.clearskin.calendar;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar feeds of a practitioner's or a client's appointments, each behind its own token. The
 * token is shown once, when the feed is made; only its SHA-256 hash is stored; revoking a feed
 * makes its address answer 404. A feed covers 30 days back to 365 days ahead.
 *
 * <p>Statements per feed request: the feed with its clinic (by the token's hash), then the
 * appointments of the window with their room, treatment name and client first name, in one.
 */
@Service
public class CalendarFeeds {

    static final Duration BACK = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(365);

    /** A feed as it is listed (never with its token). */
    public record Feed(UUID id, FeedSubject kind, UUID subjectId, String subjectName, Instant createdAt) {
    }

    /** A feed just made, with the token that is shown this once. */
    public record Issued(Feed feed, String token) {
    }

    /** The calendar behind a token: its text, and when its newest appointment changed. */
    public record Rendered(String text, Instant lastModified) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes a feed for a practitioner or a client of the clinic. 400 unknown subject, 403 not the caller's to make. */
    @Transactional
    public Issued create(Clinic clinic, FeedSubject kind, UUID subject, FeedCaller caller) {
        String field = kind == FeedSubject.PRACTITIONER ? "practitionerId" : "clientId";
        String name = subjectName(clinic, kind, subject)
                .orElseThrow(() -> new InvalidInputException(field, "'" + subject + "' is not "
                        + (kind == FeedSubject.PRACTITIONER ? "an active practitioner" : "a client") + " of "
                        + clinic.name()));
        if (!caller.mayManage(kind, subject)) {
            throw new ForbiddenException(kind == FeedSubject.PRACTITIONER
                    ? "Only the practitioner themself, the front desk or an admin may make this practitioner's feed."
                    : "A client may make only their own calendar feed.");
        }
        String token = FeedTokens.generate();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into calendar_feed (clinic_id, id, subject_kind, subject_id, token_hash, created_at, created_by)
                values (:clinic, :id, :kind, :subject, :hash, :now, :by)""")
                .param("clinic", clinic.id()).param("id", id).param("kind", kind.code()).param("subject", subject)
                .param("hash", FeedTokens.hash(token)).param("now", Timestamp.from(now)).param("by", caller.userId())
                .update();
        return new Issued(new Feed(id, kind, subject, name, now), token);
    }

    /** The live feeds the caller may manage, newest first. */
    public List<Feed> list(Clinic clinic, FeedCaller caller) {
        return jdbc.sql("""
                select f.id, f.subject_kind, f.subject_id, f.created_at,
                       coalesce(p.display_name, c.first_name || ' ' || c.last_name) as subject_name
                from calendar_feed f
                left join practitioner p on f.subject_kind = 'practitioner' and p.clinic_id = f.clinic_id
                                        and p.id = f.subject_id
                left join client c on f.subject_kind = 'client' and c.clinic_id = f.clinic_id and c.id = f.subject_id
                where f.clinic_id = :clinic and f.revoked_at is null
                order by f.created_at desc, f.id""")
                .param("clinic", clinic.id())
                .query(CalendarFeeds::mapFeed).list().stream()
                .filter(f -> caller.mayManage(f.kind(), f.subjectId()))
                .toList();
    }

    /** Revokes a live feed the caller may manage; 404 for any other id. */
    @Transactional
    public void revoke(Clinic clinic, UUID id, FeedCaller caller) {
        Feed feed = list(clinic, caller).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No calendar feed '" + id + "' at " + clinic.name() + "."));
        jdbc.sql("update calendar_feed set revoked_at = :now where clinic_id = :clinic and id = :id and revoked_at is null")
                .param("now", Timestamp.from(Instant.now(clock))).param("clinic", clinic.id()).param("id", feed.id())
                .update();
    }

    /** The calendar behind a live token; empty for a malformed, unknown or revoked one. */
    public Optional<Rendered> render(String token) {
        if (!FeedTokens.wellFormed(token)) {
            return Optional.empty();
        }
        Optional<Resolved> found = jdbc.sql("""
                select f.clinic_id, f.subject_kind, f.subject_id, cl.name as clinic_name, cl.time_zone,
                       p.display_name as practitioner_name
                from calendar_feed f
                join clinic cl on cl.id = f.clinic_id
                left join practitioner p on f.subject_kind = 'practitioner' and p.clinic_id = f.clinic_id
                                        and p.id = f.subject_id
                where f.token_hash = :hash and f.revoked_at is null""")
                .param("hash", FeedTokens.hash(token))
                .query((rs, n) -> new Resolved(rs.getObject("clinic_id", UUID.class),
                        FeedSubject.fromCode(rs.getString("subject_kind")).orElseThrow(),
                        rs.getObject("subject_id", UUID.class), rs.getString("clinic_name"),
                        ZoneId.of(rs.getString("time_zone")), rs.getString("practitioner_name")))
                .optional();
        return found.map(this::render);
    }

    private record Resolved(UUID clinic, FeedSubject kind, UUID subject, String clinicName, ZoneId zone,
            String practitionerName) {
    }

    private Rendered render(Resolved feed) {
        Instant now = Instant.now(clock);
        boolean practitioner = feed.kind() == FeedSubject.PRACTITIONER;
        String subjectColumn = practitioner ? "a.practitioner_id" : "a.client_id"; // a fixed name, not input
        List<FeedEvent> events = jdbc.sql("""
                select a.id, a.starts_at, a.ends_at, a.status, a.revision, a.updated_at, r.name as room,
                       c.first_name, coalesce(t.definition ->> 'name', a.treatment_code) as treatment_name
                from appointment a
                join room r on r.clinic_id = a.clinic_id and r.id = a.room_id
                join client c on c.clinic_id = a.clinic_id and c.id = a.client_id
                left join clinic_treatment t on t.clinic_id = a.clinic_id and t.code = a.treatment_code
                where a.clinic_id = :clinic and a.starts_at >= :from and a.starts_at < :to
                  and %s = :subject
                order by a.starts_at, a.id""".formatted(subjectColumn))
                .param("clinic", feed.clinic()).param("subject", feed.subject())
                .param("from", Timestamp.from(now.minus(BACK))).param("to", Timestamp.from(now.plus(AHEAD)))
                .query((rs, n) -> event(rs, practitioner)).list();
        String name = practitioner ? feed.practitionerName() + " · " + feed.clinicName()
                : "Your appointments at " + feed.clinicName();
        Instant lastModified = events.stream().map(FeedEvent::updatedAt).max(Instant::compareTo).orElse(null);
        return new Rendered(FeedCalendar.render(name, feed.zone(), events), lastModified);
    }

    /** The event of one appointment: the treatment, and for a practitioner the client's first name; nothing medical. */
    private static FeedEvent event(ResultSet rs, boolean practitioner) throws SQLException {
        String treatment = rs.getString("treatment_name");
        String summary = practitioner ? treatment + " – " + rs.getString("first_name") : treatment;
        return new FeedEvent(rs.getObject("id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), summary, rs.getString("room"),
                "cancelled".equals(rs.getString("status")), rs.getInt("revision"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private Optional<String> subjectName(Clinic clinic, FeedSubject kind, UUID subject) {
        if (subject == null) {
            return Optional.empty();
        }
        String sql = kind == FeedSubject.PRACTITIONER
                ? "select display_name from practitioner where clinic_id = :clinic and id = :id and active"
                : "select first_name || ' ' || last_name from client where clinic_id = :clinic and id = :id";
        return jdbc.sql(sql).param("clinic", clinic.id()).param("id", subject).query(String.class).optional();
    }

    /** The practitioner record a person signs in as at the clinic, if any. */
    public Optional<UUID> practitionerOf(Clinic clinic, UUID userId) {
        return jdbc.sql("select id from practitioner where clinic_id = :clinic and user_id = :user")
                .param("clinic", clinic.id()).param("user", userId).query(UUID.class).optional();
    }

    /** The clinic's active practitioners by name (for the page's choice), id to name. */
    public List<Feed> practitionerChoices(Clinic clinic) {
        return jdbc.sql("""
                select id, 'practitioner' as subject_kind, id as subject_id, display_name as subject_name, created_at
                from practitioner where clinic_id = :clinic and active order by display_name, id""")
                .param("clinic", clinic.id()).query(CalendarFeeds::mapFeed).list();
    }

    private static Feed mapFeed(ResultSet rs, int n) throws SQLException {
        return new Feed(rs.getObject("id", UUID.class), FeedSubject.fromCode(rs.getString("subject_kind")).orElseThrow(),
                rs.getObject("subject_id", UUID.class), rs.getString("subject_name"),
                rs.getTimestamp("created_at").toInstant());
    }
}

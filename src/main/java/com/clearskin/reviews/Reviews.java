package com.clearskin.reviews;

import com.clearskin.booking.Appointment;
import com.clearskin.booking.Appointments;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews from real visits: written once by the client of a completed appointment within 90 days,
 * answered once by the clinic, reported by anyone signed in. Nothing here changes, removes or
 * reorders a review (the table refuses it): they are shown newest first, except those the platform
 * reviewer hid with a recorded reason.
 */
@Service
public class Reviews {

    private static final String VISIBLE = """
            select r.id, r.rating, r.text, r.treatment_code, r.practitioner_id, r.visit_completed_at, r.created_at,
                   p.text as reply_text, p.created_at as reply_at
            from review r
            left join review_reply p on p.clinic_id = r.clinic_id and p.review_id = r.id
            where r.clinic_id = :clinic
              and not exists (select 1 from review_hide h where h.clinic_id = r.clinic_id and h.review_id = r.id)
            """;

    private final JdbcClient jdbc;
    private final Appointments appointments;
    private final Clients clients;
    private final ClinicCatalog catalog;
    private final ClinicResources resources;
    private final Clock clock;

    Reviews(JdbcClient jdbc, Appointments appointments, Clients clients, ClinicCatalog catalog,
            ClinicResources resources, Clock clock) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.clients = clients;
        this.catalog = catalog;
        this.resources = resources;
        this.clock = clock;
    }

    /**
     * The signed-in client {@code userId} reviews their visit {@code appointmentId}: 403 unless it is
     * theirs and completed, 422 after 90 days, 409 for a second review, 400 naming a wrong field.
     */
    @Transactional
    public Review write(Clinic clinic, UUID userId, UUID appointmentId, Integer rating, String text) {
        int stars = ReviewRules.rating(rating);
        String body = ReviewRules.text("text", text);
        Optional<Client> client = clients.ownedBy(clinic, userId);
        Optional<Appointment> visit = appointments.find(clinic, appointmentId);
        boolean theirs = client.isPresent() && visit.isPresent() && visit.get().clientId().equals(client.get().id());
        Instant completedAt = ReviewRules.completedVisit(theirs,
                theirs ? appointments.completedAt(clinic, appointmentId).orElse(null) : null);
        Instant now = Instant.now(clock);
        ReviewRules.withinWindow(completedAt, now);
        if (reviewOf(clinic, appointmentId).isPresent()) {
            throw alreadyReviewed();
        }
        UUID id = UUID.randomUUID();
        Appointment appointment = visit.orElseThrow();
        try {
            jdbc.sql("""
                    insert into review (clinic_id, id, appointment_id, client_id, author_user_id, rating, text,
                                        treatment_code, practitioner_id, visit_completed_at, created_at)
                    values (:clinic, :id, :appointment, :client, :author, :rating, :text, :treatment, :practitioner,
                            :completed, :now)""")
                    .param("clinic", clinic.id()).param("id", id).param("appointment", appointmentId)
                    .param("client", client.orElseThrow().id()).param("author", userId).param("rating", stars)
                    .param("text", body).param("treatment", appointment.treatment())
                    .param("practitioner", appointment.practitionerId()).param("completed", Timestamp.from(completedAt))
                    .param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw alreadyReviewed();
        }
        return require(clinic, id);
    }

    /** The clinic answers a review, once: 409 review-replied for a second answer. */
    @Transactional
    public Review reply(Clinic clinic, UUID reviewId, UUID userId, String text) {
        String body = ReviewRules.reply(text);
        require(clinic, reviewId);
        try {
            jdbc.sql("""
                    insert into review_reply (clinic_id, review_id, text, by_user, created_at)
                    values (:clinic, :review, :text, :by, :now)""")
                    .param("clinic", clinic.id()).param("review", reviewId).param("text", body).param("by", userId)
                    .param("now", Timestamp.from(Instant.now(clock))).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("review-replied", "The clinic has replied to this review already; a reply is "
                    + "given once and not changed.", Map.of("reviewId", reviewId));
        }
        return require(clinic, reviewId);
    }

    /** Anyone signed in reports a review as abusive, for the platform reviewer; returns the report's id. */
    @Transactional
    public UUID report(Clinic clinic, UUID reviewId, UUID userId, String reason) {
        String why = ReviewRules.text("reason", reason);
        if (why.isBlank()) {
            throw new InvalidInputException("reason", "is required: what is wrong with this review");
        }
        require(clinic, reviewId);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into review_report (clinic_id, id, review_id, reported_by, reason, created_at)
                values (:clinic, :id, :review, :by, :reason, :now)""")
                .param("clinic", clinic.id()).param("id", id).param("review", reviewId).param("by", userId)
                .param("reason", why).param("now", Timestamp.from(Instant.now(clock))).update();
        return id;
    }

    /** A report of a review as the platform reviewer sees it, across clinics. */
    public record ReportEntry(UUID reportId, UUID clinicId, UUID reviewId, int rating, String text, String reason,
            Instant reportedAt, boolean hidden, String hiddenReason) {
    }

    /** Reports of abuse across clinics, open ones (review still shown) first, then newest first; at most 200. */
    public List<ReportEntry> reports() {
        return jdbc.sql("""
                select o.id, r.clinic_id, r.id, r.rating, r.text, o.reason, o.created_at, h.reason as hidden
                from review_report o
                join review r on r.clinic_id = o.clinic_id and r.id = o.review_id
                left join review_hide h on h.clinic_id = r.clinic_id and h.review_id = r.id
                order by (h.reason is null) desc, o.created_at desc, o.id limit 200""")
                .query((rs, n) -> new ReportEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getString(8) != null, rs.getString(8))).list();
    }

    /**
     * The platform reviewer hides a reported review with a recorded reason (FTC 2024: the clinic never
     * can); once, append-only. 404 for a review nobody reported, 409 when it is hidden already.
     */
    @Transactional
    public void hide(UUID reviewId, String reason, UUID reviewer) {
        String why = ReviewRules.text("reason", reason);
        if (why.isBlank()) {
            throw new InvalidInputException("reason", "is required: why the review is hidden, kept with the decision");
        }
        UUID clinicId = jdbc.sql("""
                select r.clinic_id from review r where r.id = :id
                  and exists (select 1 from review_report o where o.clinic_id = r.clinic_id and o.review_id = r.id)""")
                .param("id", reviewId).query(UUID.class).optional()
                .orElseThrow(() -> new com.clearskin.platform.NotFoundException("No reported review " + reviewId + "."));
        try {
            jdbc.sql("""
                    insert into review_hide (clinic_id, review_id, reason, by_user, created_at)
                    values (:clinic, :review, :reason, :by, :now)""")
                    .param("clinic", clinicId).param("review", reviewId).param("reason", why).param("by", reviewer)
                    .param("now", Timestamp.from(Instant.now(clock))).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("review-hidden", "This review is hidden already.", Map.of("reviewId", reviewId));
        }
    }

    /** The clinic's visible reviews, newest first (the only order: no one may reorder them). */
    public List<Review> list(Clinic clinic, int limit, int offset) {
        Names names = names(clinic);
        return jdbc.sql(VISIBLE + " order by r.created_at desc, r.id limit :limit offset :offset")
                .param("clinic", clinic.id()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> names.review(rs)).list();
    }

    /** One visible review; 404 for none (another clinic's, a hidden one). */
    public Review require(Clinic clinic, UUID reviewId) {
        Names names = names(clinic);
        return jdbc.sql(VISIBLE + " and r.id = :id").param("clinic", clinic.id()).param("id", reviewId)
                .query((rs, n) -> names.review(rs)).optional()
                .orElseThrow(() -> new NotFoundException("No such review."));
    }

    /** The clinic's numbers: count, distribution, the average from three reviews on. */
    public ReviewSummary summary(Clinic clinic) {
        return summaries(List.of(clinic.id())).getOrDefault(clinic.id(), ReviewSummary.none());
    }

    /** The numbers of several clinics, in one statement; a clinic with no review has none in the map. */
    public Map<UUID, ReviewSummary> summaries(Collection<UUID> clinicIds) {
        if (clinicIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Integer>> ratings = new HashMap<>();
        jdbc.sql("""
                select r.clinic_id, r.rating from review r
                where r.clinic_id in (:clinics)
                  and not exists (select 1 from review_hide h where h.clinic_id = r.clinic_id and h.review_id = r.id)""")
                .param("clinics", List.copyOf(new HashSet<>(clinicIds)))
                .query(rs -> {
                    ratings.computeIfAbsent(rs.getObject("clinic_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(rs.getInt("rating"));
                });
        return ratings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> ReviewSummary.of(e.getValue())));
    }

    /** The review of a visit, if its client wrote one (hidden or not: a visit is reviewed once). */
    public Optional<UUID> reviewOf(Clinic clinic, UUID appointmentId) {
        return jdbc.sql("select id from review where clinic_id = :clinic and appointment_id = :appointment")
                .param("clinic", clinic.id()).param("appointment", appointmentId).query(UUID.class).optional();
    }

    /** Which of a client's visits they reviewed already. */
    public Set<UUID> reviewedVisits(Clinic clinic, UUID clientId) {
        return Set.copyOf(jdbc.sql("select appointment_id from review where clinic_id = :clinic and client_id = :client")
                .param("clinic", clinic.id()).param("client", clientId).query(UUID.class).list());
    }

    /** Whether a visit may still be reviewed by its client now: completed, within 90 days, not reviewed yet. */
    public boolean reviewable(Clinic clinic, Appointment visit) {
        Optional<Instant> completed = appointments.completedAt(clinic, visit.id());
        return completed.isPresent() && !Instant.now(clock).isAfter(completed.get().plus(ReviewRules.WINDOW))
                && reviewOf(clinic, visit.id()).isEmpty();
    }

    private static ConflictException alreadyReviewed() {
        return new ConflictException("review-exists", "This visit has been reviewed already; a visit is reviewed once.",
                Map.of());
    }

    private Names names(Clinic clinic) {
        Map<String, String> treatments = catalog.list(clinic).stream()
                .collect(Collectors.toMap(ClinicTreatment::code, t -> t.treatment().name(), (a, b) -> a));
        Map<UUID, String> practitioners = resources.practitioners(clinic).stream()
                .collect(Collectors.toMap(PractitionerDetails::id, PractitionerDetails::displayName, (a, b) -> a));
        return new Names(clinic, treatments::get, practitioners::get);
    }

    private record Names(Clinic clinic, Function<String, String> treatment, Function<UUID, String> practitioner) {

        Review review(java.sql.ResultSet rs) throws java.sql.SQLException {
            String code = rs.getString("treatment_code");
            String treatmentName = code == null ? null : treatment.apply(code);
            UUID practitionerId = rs.getObject("practitioner_id", UUID.class);
            Instant completed = rs.getTimestamp("visit_completed_at").toInstant();
            Timestamp replyAt = rs.getTimestamp("reply_at");
            return new Review(rs.getObject("id", UUID.class), rs.getInt("rating"), rs.getString("text"),
                    ReviewRules.verifiedVisit(treatmentName, completed, clinic.timeZone()), code, treatmentName,
                    practitionerId == null ? null : practitioner.apply(practitionerId),
                    rs.getTimestamp("created_at").toInstant(),
                    replyAt == null ? null : new Review.Reply(rs.getString("reply_text"), replyAt.toInstant()));
        }
    }
}

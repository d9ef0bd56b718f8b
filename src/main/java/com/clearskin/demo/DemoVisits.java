package com.clearskin.demo;

import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import com.clearskin.resources.RoomDetails;
import com.clearskin.reviews.Reviews;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinics' past: visits their demo clients completed weeks ago, and the reviews those
 * clients wrote of them (through the reviews module's own rules: only their own completed visit,
 * once, within 90 days), with the clinic's reply to one. A booking can only be made for the future,
 * so the visits are written as the booking module would have recorded them (booked, checked in,
 * completed, each step in the appointment's history). Added once: a clinic with reviews keeps them.
 */
@Component
class DemoVisits {

    /** One past visit: whose, what, with whom (an account's email), how many days ago at what time, the review. */
    record PastVisit(String client, String treatment, String practitioner, int daysAgo, String at, int rating,
            String review, String reply) {
    }

    static final List<PastVisit> DEMO = List.of(
            new PastVisit("client1@demo.test", "extraction-facial", "esthetician@demo.test", 80, "10:00", 5,
                    "Esme explained every step and the extractions were far gentler than I expected. My nose and chin "
                            + "were clear for weeks.", "Thank you, Chloe! See you at your next maintenance facial."),
            new PastVisit("client2@demo.test", "deep-pore-cleansing", "esthetician@demo.test", 66, "11:00", 4,
                    "Thorough cleanse, a calm room and honest advice about what would and would not help my pores. "
                            + "A little redness for an afternoon.", null),
            new PastVisit("client1@demo.test", "hydradermabrasion", "esthetician@demo.test", 52, "14:00", 5,
                    "Skin felt smooth the same evening and there was no downtime at all. Booking online was easy.",
                    null),
            new PastVisit("client2@demo.test", "back-facial", "esthetician@demo.test", 45, "15:00", 4,
                    "Finally someone treated the breakouts on my back properly. Clear aftercare instructions too.",
                    null));

    static final List<PastVisit> SECOND = List.of(
            new PastVisit("client@second.test", "extraction-facial", "practitioner@second.test", 58, "10:00", 5,
                    "Priya was kind and careful, and I left with a simple routine I can keep up at home.", null));

    private final JdbcClient jdbc;
    private final Reviews reviews;
    private final Clients clients;
    private final ClinicResources resources;
    private final ClinicCatalog catalog;
    private final com.clearskin.accounts.Accounts accounts;
    private final Clock clock;

    DemoVisits(JdbcClient jdbc, Reviews reviews, Clients clients, ClinicResources resources, ClinicCatalog catalog,
            com.clearskin.accounts.Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.clients = clients;
        this.resources = resources;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The clinic's past visits and their reviews, once; {@code owner} replies where a visit has a reply. */
    void addOnce(Clinic clinic, List<PastVisit> visits, UUID owner) {
        if (reviews.summary(clinic).count() > 0) {
            return;
        }
        for (PastVisit visit : visits) {
            Optional<UUID> user = accounts.findByEmail(visit.client());
            Optional<Client> client = user.flatMap(u -> clients.ownedBy(clinic, u));
            Optional<PractitionerDetails> practitioner = accounts.findByEmail(visit.practitioner())
                    .flatMap(u -> resources.practitionerOfUser(clinic, u));
            if (client.isEmpty() || practitioner.isEmpty() || catalog.find(clinic, visit.treatment()).isEmpty()) {
                continue;
            }
            UUID appointment = completedVisit(clinic, client.get(), visit, practitioner.get(), owner);
            var review = reviews.write(clinic, user.get(), appointment, visit.rating(), visit.review());
            if (visit.reply() != null) {
                reviews.reply(clinic, review.id(), owner, visit.reply());
            }
        }
    }

    /** The visit as booking records one: the appointment (completed) and its history, booked two weeks before. */
    private UUID completedVisit(Clinic clinic, Client client, PastVisit visit, PractitionerDetails practitioner,
            UUID owner) {
        LocalDate day = LocalDate.now(clock.withZone(clinic.timeZone())).minusDays(visit.daysAgo());
        Instant start = day.atTime(LocalTime.parse(visit.at())).atZone(clinic.timeZone()).toInstant();
        int minutes = catalog.require(clinic, visit.treatment()).treatment().duration().typicalMinutes();
        Instant end = start.plus(Duration.ofMinutes(minutes));
        boolean body = visit.treatment().equals("back-facial");
        UUID room = resources.rooms(clinic).stream()
                .filter(r -> r.capabilities().contains(body ? "body-treatment-bed" : "facial-bed"))
                .map(RoomDetails::id).findFirst().orElseThrow();
        UUID id = UUID.randomUUID();
        Instant booked = start.minus(Duration.ofDays(14));
        jdbc.sql("""
                insert into appointment (clinic_id, id, client_id, treatment_code, practitioner_id, room_id, starts_at,
                    ends_at, blocked, status, created_at, created_by, updated_at)
                values (:clinic, :id, :client, :treatment, :practitioner, :room, :start, :end,
                    tstzrange(cast(:start as timestamptz), cast(:end as timestamptz)), 'completed', :booked, :by,
                    :end)""")
                .param("clinic", clinic.id()).param("id", id).param("client", client.id())
                .param("treatment", visit.treatment()).param("practitioner", practitioner.id()).param("room", room)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .param("booked", Timestamp.from(booked)).param("by", owner).update();
        event(clinic, id, booked, owner, null, "booked", start);
        event(clinic, id, start.minus(Duration.ofMinutes(5)), owner, "booked", "checked-in", start);
        event(clinic, id, end, practitioner.userId(), "checked-in", "completed", start);
        return id;
    }

    private void event(Clinic clinic, UUID appointment, Instant at, UUID by, String from, String to, Instant start) {
        jdbc.sql("""
                insert into appointment_event (clinic_id, appointment_id, at, by_user, from_status, to_status, starts_at,
                                               note)
                values (:clinic, :appointment, :at, :by, :from, :to, :start, 'demo history')""")
                .param("clinic", clinic.id()).param("appointment", appointment).param("at", Timestamp.from(at))
                .param("by", by).param("from", from).param("to", to).param("start", Timestamp.from(start)).update();
    }
}

package com.clearskin.followups;

import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.booking.Availability;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.Treatment;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.jobs.RecurringJob;
import com.clearskin.mail.Outbox;
import com.clearskin.mail.OutgoingMail;
import com.clearskin.recommendation.ClinicRuleSettings;
import com.clearskin.sessions.Chart;
import com.clearskin.sessions.Sessions;
import com.clearskin.sessions.TreatmentSession;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the follow-ups whose time has come to the mail outbox. One batch is one transaction: the
 * rows are claimed with {@code for update skip locked} (so instances running side by side never take
 * the same one), each message is written to the outbox under the follow-up's own id (its stable
 * Message-ID) and the row is marked sent, all committed together. An instance that dies mid-batch
 * commits nothing: the rows stay scheduled and the next run takes them. The outbox then delivers at
 * least once, with the same Message-ID on every attempt.
 */
@Component
class FollowUpDelivery {

    static final int BATCH = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Outbox outbox;
    private final Clinics clinics;
    private final Clients clients;
    private final Appointments appointments;
    private final ClinicCatalog catalog;
    private final VisitLinks links;
    private final ClinicRuleSettings ruleSettings;
    private final Sessions sessions;
    private final MessagePreferences preferences;
    private final Availability availability;

    FollowUpDelivery(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, Outbox outbox,
            Clinics clinics, Clients clients, Appointments appointments, ClinicCatalog catalog, VisitLinks links,
            ClinicRuleSettings ruleSettings, Sessions sessions, MessagePreferences preferences, Availability availability) {
        this.preferences = preferences;
        this.availability = availability;
        this.links = links;
        this.ruleSettings = ruleSettings;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.outbox = outbox;
        this.clinics = clinics;
        this.clients = clients;
        this.appointments = appointments;
        this.catalog = catalog;
    }

    /** Sends every batch that is due now; returns how many messages went to the outbox. */
    int deliverDue() {
        int total = 0;
        int batch;
        do {
            batch = transaction.execute(s -> deliverBatch());
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int deliverBatch() {
        Instant now = Instant.now(clock);
        List<FollowUp> due = jdbc.sql("""
                select * from follow_up where status = 'scheduled' and send_at <= :now
                order by send_at, id limit :batch for update skip locked""")
                .param("now", Timestamp.from(now)).param("batch", BATCH).query((rs, n) -> FollowUps.map(rs)).list();
        for (FollowUp f : due) {
            Optional<OutgoingMail> mail = compose(f);
            if (mail.isPresent()) {
                outbox.enqueue(f.id(), mail.get());
            }
            jdbc.sql("""
                    update follow_up set status = :status, sent_at = :sent, cancelled_at = :cancelled
                    where clinic_id = :clinic and id = :id""")
                    .param("status", mail.isPresent() ? "sent" : "cancelled")
                    .param("sent", mail.isPresent() ? Timestamp.from(now) : null)
                    .param("cancelled", mail.isPresent() ? null : Timestamp.from(now))
                    .param("clinic", f.clinicId()).param("id", f.id()).update();
        }
        return due.size();
    }

    /** The message, or empty when it can no longer be sent (the client was erased, the visit is gone). */
    Optional<OutgoingMail> compose(FollowUp f) {
        Optional<Clinic> clinic = clinics.byId(f.clinicId());
        if (clinic.isEmpty()) {
            return Optional.empty();
        }
        Optional<Client> client = clients.find(clinic.get(), f.clientId());
        Optional<Appointment> appointment = appointments.find(clinic.get(), f.appointmentId());
        if (client.isEmpty() || appointment.isEmpty() || client.get().email() == null || client.get().email().isBlank()) {
            return Optional.empty();
        }
        Clinic c = clinic.get();
        Appointment a = appointment.get();
        Client to = client.get();
        if (!preferences.of(c.id(), to.id()).allows(f.kind())) {
            return Optional.empty();
        }
        Optional<Treatment> treatment = catalog.find(c, a.treatment()).map(ClinicTreatment::treatment);
        String name = treatment.map(Treatment::name).orElse(a.treatment());
        String when = WHEN.format(a.start().atZone(c.timeZone()));
        MessageText m = new MessageText("Hello " + to.firstName() + ",", c.name());
        if (f.kind() == FollowUpKind.REBOOK) {
            return rebook(c, f, a, to, name, m);
        }
        return Optional.of(switch (f.kind()) {
            case CONFIRMATION -> confirmation(c, f, a, to, name, when, m);
            case REMINDER -> {
                m.paragraph("A reminder of your " + name + " at " + c.name() + " on " + when + ".")
                        .link("I will be there", link(f, a, VisitLinks.Purpose.CONFIRM))
                        .link("Choose another time", link(f, a, VisitLinks.Purpose.RESCHEDULE))
                        .link("Cancel", link(f, a, VisitLinks.Purpose.CANCEL));
                yield mail(c, f, to, "Reminder: " + name + " on " + when, m, true, null);
            }
            case BEFORE_CARE -> {
                List<String> notes = new ArrayList<>(texts(treatment.map(Treatment::beforeCare)));
                int pause = ruleSettings.forClinic(c).retinoidPauseDays(a.treatment());
                if (pause > 0) {
                    notes.add("Stop retinoid creams or gels (tretinoin, adapalene, tazarotene) " + pause
                            + " days before your visit, unless your practitioner told you otherwise.");
                }
                m.paragraph("How to prepare for your " + name + " on " + when + ":").bullets(notes);
                yield mail(c, f, to, "Before your " + name, m, false, null);
            }
            case AFTERCARE -> {
                m.paragraph("Thank you for your visit. How to care for your skin in the coming days:")
                        .bullets(texts(treatment.map(Treatment::aftercare)));
                practitionerAdvice(c, a).ifPresent(advice -> m.paragraph("From your practitioner: " + advice));
                m.paragraph("If you have pus, a fever, redness that spreads, blisters or severe pain, call the clinic.");
                yield mail(c, f, to, "Caring for your skin after your " + name, m, false, null);
            }
            case CHECK_IN -> {
                m.paragraph("How is your skin healing after your " + name + "? Tell us in two minutes, no sign-in needed.")
                        .link("Tell us how your skin is", link(f, a, VisitLinks.Purpose.CHECK_IN))
                        .paragraph("If you have pus, a fever, redness that spreads, blisters or severe pain, call the clinic now.");
                yield mail(c, f, to, "How is your skin after your " + name + "?", m, true, null);
            }
            case REBOOK -> throw new IllegalStateException("composed above");
        });
    }

    /** Booked, moved or cancelled: the message says which, and carries the calendar file for it. */
    private OutgoingMail confirmation(Clinic c, FollowUp f, Appointment a, Client to, String name, String when, MessageText m) {
        String location = c.name();
        if (a.status() == AppointmentStatus.CANCELLED) {
            m.paragraph("Your " + name + " at " + c.name() + " on " + when + " is cancelled. We hope to see you another time.");
            return mail(c, f, to, "Cancelled: your " + name + " on " + when, m, false, new OutgoingMail.Attachment(
                    "cancelled.ics", VisitInvite.MEDIA_TYPE_CANCEL, VisitInvite.render(a.id(), a.revision(), name + " at "
                            + c.name(), location, a.start(), a.end(), c.timeZone(), Instant.now(clock), true)));
        }
        boolean moved = jdbc.sql("""
                select exists (select 1 from follow_up where clinic_id = :clinic and appointment_id = :a
                               and kind = 'confirmation' and id <> :id and status = 'sent')""")
                .param("clinic", c.id()).param("a", a.id()).param("id", f.id()).query(Boolean.class).single();
        m.paragraph(moved ? "Your " + name + " at " + c.name() + " is moved to " + when + "."
                : "Your " + name + " at " + c.name() + " is booked for " + when + ".")
                .paragraph("The calendar file attached adds it to your calendar.");
        return mail(c, f, to, (moved ? "Moved: your " : "Booked: your ") + name + " on " + when, m, false,
                new OutgoingMail.Attachment("visit.ics", VisitInvite.MEDIA_TYPE_PUBLISH, VisitInvite.render(a.id(),
                        a.revision(), name + " at " + c.name(), location, a.start(), a.end(), c.timeZone(),
                        Instant.now(clock), false)));
    }

    /** What the practitioner wrote for the client in the signed session record (the plan of the SOAP notes). */
    private Optional<String> practitionerAdvice(Clinic c, Appointment a) {
        return sessions.forAppointment(c, a.id()).filter(s -> s.signedAt() != null).map(TreatmentSession::chart)
                .map(Chart::notes).map(Chart.Notes::plan).filter(p -> !p.isBlank());
    }

    /**
     * Rebooking, a marketing-like message: the next free times and a booking link, with RFC 8058
     * one-click unsubscribe headers and a link to the client's preferences. None when the client has
     * booked the treatment again already (the row is then marked cancelled).
     */
    private Optional<OutgoingMail> rebook(Clinic c, FollowUp f, Appointment a, Client to, String name, MessageText m) {
        Instant now = Instant.now(clock);
        boolean booked = appointments.forClient(c, a.clientId()).stream().anyMatch(other -> !other.id().equals(a.id())
                && other.treatment().equals(a.treatment()) && other.start().isAfter(now)
                && (other.status() == AppointmentStatus.BOOKED || other.status() == AppointmentStatus.HELD));
        if (booked) {
            return Optional.empty();
        }
        java.time.LocalDate from = java.time.LocalDate.now(clock.withZone(c.timeZone()));
        List<String> times = new ArrayList<>();
        try {
            availability.search(c, a.treatment(), from, from.plusDays(14), null).stream().limit(3)
                    .forEach(s -> times.add(WHEN.format(s.start().atZoneSameInstant(c.timeZone()))));
        } catch (RuntimeException noTimes) {
            // the treatment is no longer bookable online: the message still says it is due
        }
        String base = outbox.baseUrl().orElse("");
        String token = preferences.issue(c.id(), a.clientId());
        String unsubscribe = base + "/api/v1/message-preferences/" + token + "/unsubscribe";
        m.paragraph("Your next " + name + " at " + c.name() + " is due: regular sessions keep the results.");
        if (!times.isEmpty()) {
            m.paragraph("Some free times:").bullets(times);
        }
        m.link("Book your next " + name, base + "/clinics/" + c.slug() + "/book?treatment=" + a.treatment())
                .paragraph("You receive this because you visited " + c.name() + ".")
                .link("Choose which messages you receive", base + "/preferences/" + token);
        return Optional.of(new OutgoingMail(c.id(), "follow-up-" + f.kind().code(), to.email(), "Time for your next " + name,
                m.text(), true, m.html(), null, Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
    }

    /** A new one-click link for this message (in the delivery's transaction), as an address. */
    private String link(FollowUp f, Appointment a, VisitLinks.Purpose purpose) {
        Instant expires = purpose == VisitLinks.Purpose.CHECK_IN
                ? FollowUpTiming.checkInLinkExpiry(Instant.now(clock)) : FollowUpTiming.visitLinkExpiry(a.start());
        String token = links.issue(f.clinicId(), a.id(), f.clientId(), f.id(), purpose, expires);
        return outbox.baseUrl().orElse("") + "/visits/" + token;
    }

    private static List<String> texts(Optional<List<Treatment.CareNote>> notes) {
        return notes.orElse(List.of()).stream().map(Treatment.CareNote::text).toList();
    }

    /** A message with single-use links ({@code sensitive}) keeps no text once sent. */
    private static OutgoingMail mail(Clinic clinic, FollowUp f, Client client, String subject, MessageText text,
            boolean sensitive, OutgoingMail.Attachment attachment) {
        return new OutgoingMail(clinic.id(), "follow-up-" + f.kind().code(), client.email(), subject, text.text(), sensitive,
                text.html(), attachment, Map.of());
    }

    /** Declares delivery to the job runtime. */
    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        RecurringJob followUpDeliveryJob(FollowUpDelivery delivery,
                @Value("${clearskin.followups.delivery-interval:PT10S}") Duration interval) {
            return RecurringJob.every(interval, "followups-delivery", delivery::deliverDue);
        }

        /** Used and expired one-click links (an answered check-in's among them) are deleted a day after. */
        @Bean
        RecurringJob visitLinkPurgeJob(VisitLinks links) {
            return RecurringJob.every(Duration.ofHours(1), "followups-visit-link-purge", links::forgetSpent);
        }

        /** Preference links a year old are deleted. */
        @Bean
        RecurringJob preferenceLinkPurgeJob(MessagePreferences preferences) {
            return RecurringJob.every(Duration.ofHours(6), "followups-preference-link-purge", preferences::forgetExpired);
        }
    }
}

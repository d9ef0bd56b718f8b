package com.clearskin.followups;

import com.clearskin.booking.Appointment;
import com.clearskin.booking.Appointments;
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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
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

    FollowUpDelivery(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, Outbox outbox,
            Clinics clinics, Clients clients, Appointments appointments, ClinicCatalog catalog, VisitLinks links) {
        this.links = links;
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
        Optional<Treatment> treatment = catalog.find(c, a.treatment()).map(ClinicTreatment::treatment);
        String name = treatment.map(Treatment::name).orElse(a.treatment());
        String when = WHEN.format(a.start().atZone(c.timeZone()));
        String hello = "Hello " + client.get().firstName() + ",\n\n";
        String bye = "\n\n" + c.name();
        return Optional.of(switch (f.kind()) {
            case CONFIRMATION -> mail(c, f, client.get(), "Your " + name + " is booked for " + when,
                    hello + "Your " + name + " at " + c.name() + " is booked for " + when + "." + bye);
            case REMINDER -> sensitive(mail(c, f, client.get(), "Reminder: " + name + " on " + when,
                    hello + "A reminder of your " + name + " at " + c.name() + " on " + when + ".\n\n"
                            + "I will be there: " + link(f, a, VisitLinks.Purpose.CONFIRM) + "\n"
                            + "Choose another time: " + link(f, a, VisitLinks.Purpose.RESCHEDULE) + "\n"
                            + "Cancel: " + link(f, a, VisitLinks.Purpose.CANCEL) + bye));
            case BEFORE_CARE -> mail(c, f, client.get(), "Before your " + name,
                    hello + "Before your " + name + " on " + when + ":\n" + notes(treatment.map(Treatment::beforeCare)) + bye);
            case AFTERCARE -> mail(c, f, client.get(), "Caring for your skin after your " + name,
                    hello + "Thank you for your visit. How to care for your skin in the coming days:\n"
                            + notes(treatment.map(Treatment::aftercare)) + bye);
            case CHECK_IN -> sensitive(mail(c, f, client.get(), "How is your skin after your " + name + "?",
                    hello + "How is your skin healing after your " + name + "? Tell us in two minutes, no sign-in"
                            + " needed: " + link(f, a, VisitLinks.Purpose.CHECK_IN) + "\nIf you have pus, fever,"
                            + " spreading redness, blisters or severe pain, call the clinic now." + bye));
            case REBOOK -> mail(c, f, client.get(), "Time for your next " + name,
                    hello + "Your next " + name + " is due. Book it in your client portal." + bye);
        });
    }

    /** A new one-click link for this message (in the delivery's transaction), as an address. */
    private String link(FollowUp f, Appointment a, VisitLinks.Purpose purpose) {
        Instant expires = purpose == VisitLinks.Purpose.CHECK_IN
                ? FollowUpTiming.checkInLinkExpiry(Instant.now(clock)) : FollowUpTiming.visitLinkExpiry(a.start());
        String token = links.issue(f.clinicId(), a.id(), f.clientId(), f.id(), purpose, expires);
        return outbox.baseUrl().orElse("") + "/visits/" + token;
    }

    /** A message with single-use links: its text is not kept once sent. */
    private static OutgoingMail sensitive(OutgoingMail m) {
        return new OutgoingMail(m.clinicId(), m.kind(), m.recipient(), m.subject(), m.body(), true);
    }

    private static String notes(Optional<List<Treatment.CareNote>> notes) {
        return notes.orElse(List.of()).stream().map(n -> "- " + n.text()).collect(Collectors.joining("\n"));
    }

    private static OutgoingMail mail(Clinic clinic, FollowUp f, Client client, String subject, String body) {
        return new OutgoingMail(clinic.id(), "follow-up-" + f.kind().code(), client.email(), subject, body, false);
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
    }
}

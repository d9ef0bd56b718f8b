package com.clearskin.followups;

import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.booking.Availability;
import com.clearskin.booking.ScheduleLoader;
import com.clearskin.booking.Slot;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.followups.VisitLinks.Link;
import com.clearskin.followups.VisitLinks.Purpose;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a one-click link does, for the public pages and the API: show what it is about, then
 * confirm, cancel (within the clinic's cancellation notice, booking's own rule) or move the visit,
 * or take a check-in's answers. A link acts once: its use is written in the same transaction as
 * what it does, so a second click (or two at once) finds it used (409 {@code link-used}); an
 * expired one answers 409 {@code link-expired}; an unknown one 404.
 */
@Service
public class VisitLinkActions {

    /** How many free times a reschedule link offers, and over how many days. */
    static final int FREE_TIMES = 24;
    static final int FREE_DAYS = 21;

    /** What the link is about, for its page. */
    public record View(String purpose, String state, Clinic clinic, UUID appointmentId, String treatment,
            String treatmentName, Instant start, String appointmentStatus, String firstName, Instant expiresAt,
            boolean confirmed, int cancelHours) {
    }

    private final VisitLinks links;
    private final Clinics clinics;
    private final Appointments appointments;
    private final Availability availability;
    private final ScheduleLoader schedule;
    private final ClinicCatalog catalog;
    private final Clients clients;
    private final CheckIns checkIns;
    private final Clock clock;

    VisitLinkActions(VisitLinks links, Clinics clinics, Appointments appointments, Availability availability,
            ScheduleLoader schedule, ClinicCatalog catalog, Clients clients, CheckIns checkIns, Clock clock) {
        this.links = links;
        this.clinics = clinics;
        this.appointments = appointments;
        this.availability = availability;
        this.schedule = schedule;
        this.catalog = catalog;
        this.clients = clients;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    /** The link's page: what it is for and whether it still works (open, used or expired). */
    public View view(String token) {
        Link link = find(token);
        Clinic clinic = clinic(link);
        Appointment a = appointments.require(clinic, link.appointmentId());
        Instant now = Instant.now(clock);
        String state = link.usedAt() != null ? "used" : now.isBefore(link.expiresAt()) ? "open" : "expired";
        String name = catalog.find(clinic, a.treatment()).map(ClinicTreatment::treatment).map(t -> t.name())
                .orElse(a.treatment());
        String first = clients.find(clinic, a.clientId()).map(Client::firstName).orElse("");
        return new View(link.purpose().code(), state, clinic, a.id(), a.treatment(), name, a.start(), a.status().code(), first,
                link.expiresAt(), links.confirmedAt(clinic.id(), a.id()).isPresent(),
                schedule.settings(clinic).clientCancelHours());
    }

    /** The client will come: the staff calendar shows the appointment as confirmed. */
    @Transactional
    public View confirm(String token) {
        Link link = open(token, Purpose.CONFIRM);
        Clinic clinic = clinic(link);
        Appointment a = appointments.require(clinic, link.appointmentId());
        if (a.status() != AppointmentStatus.BOOKED) {
            throw new ConflictException("appointment-not-booked", "This appointment is " + a.status().label()
                    .toLowerCase(java.util.Locale.ROOT) + ", so there is nothing to confirm.", Map.of());
        }
        spend(link);
        links.recordConfirmation(clinic.id(), a.id());
        return view(token);
    }

    /** Cancels the visit, as the client's own cancellation (422 cancellation-notice past the clinic's notice). */
    @Transactional
    public View cancel(String token, String reason) {
        Link link = open(token, Purpose.CANCEL);
        spend(link);
        appointments.cancelFromClientLink(clinic(link), link.appointmentId(), link.clientId(),
                reason == null || reason.isBlank() ? "cancelled by the client from a reminder" : reason);
        return view(token);
    }

    /** The free times the visit can move to (the same treatment, the next {@link #FREE_DAYS} days). */
    public List<Slot> freeTimes(String token) {
        Link link = find(token);
        if (link.purpose() != Purpose.RESCHEDULE) {
            throw new NotFoundException("This link does not move a visit.");
        }
        Clinic clinic = clinic(link);
        Appointment a = appointments.require(clinic, link.appointmentId());
        LocalDate today = LocalDate.now(clock.withZone(clinic.timeZone()));
        return availability.search(clinic, a.treatment(), today, today.plusDays(FREE_DAYS), null).stream()
                .filter(s -> !s.start().toInstant().equals(a.start())).limit(FREE_TIMES).toList();
    }

    /** Moves the visit to {@code start} (400 start when it is missing; 409 when taken; 422 past the notice). */
    @Transactional
    public View reschedule(String token, Instant start) {
        Link link = open(token, Purpose.RESCHEDULE);
        if (start == null) {
            throw new InvalidInputException("start", "is required: the new time, one of the free times offered");
        }
        spend(link);
        appointments.rescheduleFromClientLink(clinic(link), link.appointmentId(), link.clientId(), start);
        return view(token);
    }

    /** The answers of an emailed check-in: recorded like the portal's, escalated by the same rule. */
    @Transactional
    public CheckIns.Recorded checkIn(String token, CheckIns.Answers answers) {
        return checkIn(token, answers, null);
    }

    /** As {@link #checkIn(String, CheckIns.Answers)}, with the client's photo of their skin (or null). */
    @Transactional
    public CheckIns.Recorded checkIn(String token, CheckIns.Answers answers, CheckIns.Photo photo) {
        Link link = open(token, Purpose.CHECK_IN);
        Clinic clinic = clinic(link);
        Appointment a = appointments.require(clinic, link.appointmentId());
        spend(link);
        return checkIns.record(clinic, link.clientId(), a, answers, photo, null);
    }

    private Link find(String token) {
        return links.find(token).orElseThrow(() -> new NotFoundException("This link is not known. Please use the "
                + "newest message from the clinic, or call them."));
    }

    private Link open(String token, Purpose purpose) {
        Link link = find(token);
        if (link.purpose() != purpose) {
            throw new NotFoundException("This link does not " + purpose.code() + " a visit.");
        }
        if (link.usedAt() != null) {
            throw used();
        }
        if (!Instant.now(clock).isBefore(link.expiresAt())) {
            throw new ConflictException("link-expired", "This link has expired. Please call the clinic.", Map.of());
        }
        return link;
    }

    private void spend(Link link) {
        if (!links.use(link)) {
            throw used();
        }
    }

    private static ConflictException used() {
        return new ConflictException("link-used", "This link was already used.", Map.of());
    }

    private Clinic clinic(Link link) {
        return clinics.byId(link.clinicId()).orElseThrow(() -> new NotFoundException("This link is not known."));
    }
}

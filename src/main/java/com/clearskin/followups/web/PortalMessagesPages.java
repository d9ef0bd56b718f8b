package com.clearskin.followups.web;

import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.followups.CheckIns;
import com.clearskin.followups.FollowUp;
import com.clearskin.followups.FollowUps;
import com.clearskin.platform.Ids;
import com.clearskin.platform.ContentTooLargeException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The client's own side in the portal: the messages the clinic sent them about their visits, and a
 * "report a problem" form after a completed visit (the check-in's form, escalated by the same rule).
 */
@Controller
class PortalMessagesPages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** A message as the client sees it. */
    record Message(String sent, String what, String visit) {
    }

    /** A completed visit the client may report a problem about. */
    record Visit(String href, String label) {
    }

    private final ClinicAccess access;
    private final Clients clients;
    private final Appointments appointments;
    private final FollowUps followUps;
    private final ClinicCatalog catalog;
    private final CheckIns checkIns;

    PortalMessagesPages(ClinicAccess access, Clients clients, Appointments appointments, FollowUps followUps,
            ClinicCatalog catalog, CheckIns checkIns) {
        this.access = access;
        this.clients = clients;
        this.appointments = appointments;
        this.followUps = followUps;
        this.catalog = catalog;
        this.checkIns = checkIns;
    }

    @GetMapping("/app/clinics/{slug}/me/messages")
    String messages(@PathVariable String slug, Model model) {
        Membership m = access.member(slug);
        Client me = own(m);
        List<Message> messages = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        for (Appointment a : appointments.forClient(m.clinic(), me.id())) {
            String visit = name(m, a) + ", " + WHEN.format(a.start().atZone(m.clinic().timeZone()));
            for (FollowUp f : followUps.forAppointment(m.clinic(), a.id())) {
                if (f.sentAt() != null) {
                    messages.add(new Message(WHEN.format(f.sentAt().atZone(m.clinic().timeZone())), label(f, a), visit));
                }
            }
            if (a.status() == AppointmentStatus.COMPLETED) {
                visits.add(new Visit("/app/clinics/" + slug + "/me/appointments/" + a.id() + "/report", visit));
            }
        }
        messages.sort(Comparator.comparing(Message::sent).reversed());
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("messages", messages);
        model.addAttribute("visits", visits);
        return "followups/portal-messages";
    }

    @GetMapping("/app/clinics/{slug}/me/appointments/{id}/report")
    String reportForm(@PathVariable String slug, @PathVariable String id, Model model) {
        Membership m = access.member(slug);
        Appointment a = ownVisit(m, own(m), id);
        return report(model, m, a, Map.of(), Map.of(), null);
    }

    @PostMapping("/app/clinics/{slug}/me/appointments/{id}/report")
    String report(@PathVariable String slug, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(value = "photo", required = false) MultipartFile photo, Model model, HttpServletResponse response) {
        Membership m = access.member(slug);
        Client me = own(m);
        Appointment a = ownVisit(m, me, id);
        Map<String, String> values = form.toSingleValueMap();
        try {
            CheckIns.Recorded r = checkIns.record(m.clinic(), me.id(), a, CheckInAnswers.read(
                    CheckInAnswers.json().writeValueAsString(VisitLinkPages.answers(form))),
                    CheckInAnswers.photo(photo, form.getFirst("area")), access.currentUser().orElseThrow().id());
            return report(model, m, a, Map.of(), Map.of(), r.escalated()
                    ? "Thank you. Your practitioner will contact you soon. If it gets worse, call the clinic now."
                    : "Thank you. Your answers are with your practitioner.");
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
            return report(model, m, a, errors, values, null);
        } catch (ContentTooLargeException e) {
            response.setStatus(413);
            return report(model, m, a, Map.of(e.field(), e.getMessage()), values, null);
        }
    }

    private String report(Model model, Membership m, Appointment a, Map<String, String> errors, Map<String, String> values,
            String done) {
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("visit", name(m, a) + ", " + WHEN.format(a.start().atZone(m.clinic().timeZone())));
        model.addAttribute("action", "/app/clinics/" + m.clinic().slug() + "/me/appointments/" + a.id() + "/report");
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("done", done);
        model.addAttribute("signs", List.of(new String[] {"pus", "Pus"}, new String[] {"fever", "Fever"},
                new String[] {"spreading-redness", "Redness that spreads"}, new String[] {"blisters", "Blisters"},
                new String[] {"severe-pain", "Severe pain"}));
        model.addAttribute("areas", CheckInAnswers.areas());
        return "followups/portal-report";
    }

    private Client own(Membership m) {
        return clients.ownedBy(m.clinic(), access.currentUser().orElseThrow().id())
                .orElseThrow(() -> new NotFoundException("No client record of yours here."));
    }

    private Appointment ownVisit(Membership m, Client me, String id) {
        return Ids.parse(id).flatMap(u -> appointments.find(m.clinic(), u)).filter(a -> a.clientId().equals(me.id()))
                .filter(a -> a.status() == AppointmentStatus.COMPLETED)
                .orElseThrow(() -> new NotFoundException("No such completed visit of yours."));
    }

    private String name(Membership m, Appointment a) {
        return catalog.find(m.clinic(), a.treatment()).map(t -> t.treatment().name()).orElse(a.treatment());
    }

    private static String label(FollowUp f, Appointment a) {
        return switch (f.kind()) {
            case CONFIRMATION -> a.status() == AppointmentStatus.CANCELLED ? "Your visit was cancelled" : "Booking confirmation";
            case REMINDER -> "Reminder of your visit";
            case BEFORE_CARE -> "How to prepare";
            case AFTERCARE -> "Aftercare";
            case CHECK_IN -> "How is your skin?";
            case REBOOK -> "Time for your next session";
        };
    }
}

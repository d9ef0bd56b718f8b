package com.clearskin.portal.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Role;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.booking.Booker;
import com.clearskin.booking.ScheduleLoader;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.portal.ClientData;
import com.clearskin.portal.ClientDataExport;
import com.clearskin.portal.ClientDataPdf;
import com.clearskin.portal.ErasurePolicy;
import com.clearskin.portal.ErasureRequest;
import com.clearskin.portal.Erasures;
import com.clearskin.waitlist.Waitlist;
import com.clearskin.waitlist.WaitlistCaller;
import com.clearskin.waitlist.WaitlistEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client portal: a signed-in client sees their appointments and cancels within the clinic's
 * policy, updates their intake, reads their care instructions, downloads their data and asks for
 * it to be erased. The clinic's owners and admins decide erasure requests.
 */
@Controller
class PortalPages {

    private static final Set<Role> CLIENT = Set.of(Role.CLIENT);

    /** An appointment as the portal lists it. */
    public record Visit(Appointment appointment, String treatmentName, ZonedDateTime start, ZonedDateTime end,
            boolean cancellable) {
    }

    /** A time the waitlist offers the client, until it expires. */
    public record WaitlistOffer(WaitlistEntry entry, String treatmentName, ZonedDateTime start, ZonedDateTime expires) {
    }

    /** An erasure request as the clinic's list shows it. */
    public record ErasureRow(ErasureRequest request, String clientName, ZonedDateTime requestedAt) {
    }

    private final ClinicAccess access;
    private final Clients clients;
    private final ClientAssessments assessments;
    private final com.clearskin.recommendation.Recommendations recommendations;
    private final Appointments appointments;
    private final ClinicCatalog catalog;
    private final ClientDataExport export;
    private final ClientDataPdf pdf;
    private final Erasures erasures;
    private final ScheduleLoader schedule;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final Waitlist waitlist;

    PortalPages(ClinicAccess access, Clients clients, ClientAssessments assessments, Appointments appointments,
            ClinicCatalog catalog, ClientDataExport export, ClientDataPdf pdf, Erasures erasures,
            ScheduleLoader schedule, JsonMapper json, Clock clock, AuditLog audit, Waitlist waitlist,
            com.clearskin.recommendation.Recommendations recommendations) {
        this.recommendations = recommendations;
        this.audit = audit;
        this.waitlist = waitlist;
        this.access = access;
        this.clients = clients;
        this.assessments = assessments;
        this.appointments = appointments;
        this.catalog = catalog;
        this.export = export;
        this.pdf = pdf;
        this.erasures = erasures;
        this.schedule = schedule;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/app/clinics/{slug}/portal")
    String portal(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Clinic clinic = m.clinic();
        model.addAttribute("membership", m);
        model.addAttribute("clinic", clinic);
        Client client = clients.ownedBy(clinic, userId()).orElse(null);
        model.addAttribute("client", client);
        if (client == null) {
            return "portal/home";
        }
        audit.record(m, client.id(), AuditAction.READ, AuditResource.CLIENT_DATA, "portal: own appointments and care");
        Instant now = Instant.now(clock);
        Map<String, String> names = new LinkedHashMap<>();
        catalog.list(clinic).stream().map(ClinicTreatment::treatment).forEach(t -> names.put(t.code(), t.name()));
        int cancelHours = schedule.settings(clinic).clientCancelHours();
        List<Appointment> theirs = appointments.forClient(clinic, client.id());
        List<Visit> visits = theirs.stream().sorted(Comparator.comparing(Appointment::start))
                .map(a -> new Visit(a, names.getOrDefault(a.treatment(), a.treatment()),
                        a.start().atZone(clinic.timeZone()), a.end().atZone(clinic.timeZone()),
                        a.status() == AppointmentStatus.BOOKED
                                && !now.isAfter(a.start().minus(Duration.ofHours(cancelHours)))))
                .toList();
        model.addAttribute("upcoming", visits.stream()
                .filter(v -> v.appointment().status().holdsResources() && v.appointment().end().isAfter(now)).toList());
        model.addAttribute("past", visits.stream()
                .filter(v -> !(v.appointment().status().holdsResources() && v.appointment().end().isAfter(now)))
                .sorted(Comparator.comparing((Visit v) -> v.appointment().start()).reversed()).toList());
        model.addAttribute("cancelHours", cancelHours);
        model.addAttribute("latestAssessment", assessments.latest(clinic, client)
                .map(r -> r.recordedAt().atZone(clinic.timeZone())).orElse(null));
        model.addAttribute("care", export.care(clinic, theirs));
        model.addAttribute("plan", assessments.effective(clinic, client).map(a -> {
            audit.record(m, client.id(), AuditAction.READ, AuditResource.RECOMMENDATION, "portal: own plan");
            return recommendations.forClient(clinic, client.id(), a,
                    java.time.LocalDate.now(clock.withZone(clinic.timeZone()))).plan();
        }).orElse(null));
        model.addAttribute("erasureRequests", erasures.forClient(clinic, client.id()));
        model.addAttribute("offers", waitlist.offersFor(clinic, client.id()).stream()
                .map(e -> new WaitlistOffer(e, names.getOrDefault(e.treatment(), e.treatment()),
                        e.offer().start().atZone(clinic.timeZone()), e.offer().expiresAt().atZone(clinic.timeZone())))
                .toList());
        model.addAttribute("erased", ErasurePolicy.erased());
        model.addAttribute("kept", ErasurePolicy.kept(erasures.retention()));
        return "portal/home";
    }

    @PostMapping("/app/clinics/{slug}/portal/appointments/{id}/cancel")
    String cancel(@PathVariable String slug, @PathVariable String id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        UUID appointmentId = parse(id);
        Appointment a = appointments.find(m.clinic(), appointmentId)
                .filter(x -> x.clientId().equals(client.id()))
                .orElseThrow(() -> new NotFoundException("No appointment '" + id + "'."));
        try {
            appointments.cancel(m.clinic(), a.id(), reason, new Booker(userId(), Role.CLIENT));
            redirect.addFlashAttribute("saved", "Your appointment is cancelled.");
        } catch (RuleRefusedException | ConflictException | InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/app/clinics/" + slug + "/portal";
    }

    @PostMapping("/app/clinics/{slug}/portal/waitlist/{id}/{answer:accept|decline}")
    String answerOffer(@PathVariable String slug, @PathVariable String id, @PathVariable String answer,
            RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        WaitlistCaller caller = new WaitlistCaller(userId(), Role.CLIENT, client.id());
        try {
            if (answer.equals("accept")) {
                waitlist.accept(m.clinic(), parse(id), caller);
                redirect.addFlashAttribute("saved", "Booked: the time is yours.");
            } else {
                waitlist.decline(m.clinic(), parse(id), caller);
                redirect.addFlashAttribute("saved", "Declined: you stay on the waitlist.");
            }
        } catch (RuleRefusedException | ConflictException | InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/app/clinics/" + slug + "/portal";
    }

    @GetMapping("/app/clinics/{slug}/portal/data.json")
    ResponseEntity<byte[]> dataJson(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        audit.record(m, client.id(), AuditAction.EXPORT, AuditResource.CLIENT_DATA, "portal: download (JSON)");
        ClientData data = export.of(m.clinic(), client);
        return download(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data), MediaType.APPLICATION_JSON,
                "clearskin-" + slug + "-my-data.json");
    }

    @GetMapping("/app/clinics/{slug}/portal/data.pdf")
    ResponseEntity<byte[]> dataPdf(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        audit.record(m, client.id(), AuditAction.EXPORT, AuditResource.CLIENT_DATA, "portal: download (PDF)");
        ClientData data = export.of(m.clinic(), client);
        return download(pdf.render(data), MediaType.APPLICATION_PDF, "clearskin-" + slug + "-my-data.pdf");
    }

    @PostMapping("/app/clinics/{slug}/portal/erasure")
    String requestErasure(@PathVariable String slug, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        try {
            erasures.request(m.clinic(), client.id(), userId(), note);
            redirect.addFlashAttribute("saved", "Your request is sent. " + m.clinic().name()
                    + " will confirm it and tell you what it had to keep.");
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/app/clinics/" + slug + "/portal";
    }

    @GetMapping("/app/clinics/{slug}/erasure-requests")
    String erasureRequests(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.HANDLE_ERASURE_REQUESTS);
        Clinic clinic = m.clinic();
        model.addAttribute("membership", m);
        model.addAttribute("clinic", clinic);
        model.addAttribute("requests", erasures.list(clinic).stream()
                .map(r -> new ErasureRow(r, clients.find(clinic, r.clientId()).map(Client::fullName).orElse("?"),
                        r.requestedAt().atZone(clinic.timeZone())))
                .toList());
        model.addAttribute("erased", ErasurePolicy.erased());
        model.addAttribute("kept", ErasurePolicy.kept(erasures.retention()));
        return "portal/erasure-requests";
    }

    @PostMapping("/app/clinics/{slug}/erasure-requests/{id}/confirm")
    String confirm(@PathVariable String slug, @PathVariable String id, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.HANDLE_ERASURE_REQUESTS);
        try {
            erasures.confirm(m.clinic(), parse(id), userId());
            redirect.addFlashAttribute("saved", "The client's personal data is erased; the treatment record is kept.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/app/clinics/" + slug + "/erasure-requests";
    }

    @PostMapping("/app/clinics/{slug}/erasure-requests/{id}/decline")
    String decline(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.HANDLE_ERASURE_REQUESTS);
        try {
            erasures.decline(m.clinic(), parse(id), userId(), reason);
            redirect.addFlashAttribute("saved", "The request is declined; the client sees your reason.");
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/app/clinics/" + slug + "/erasure-requests";
    }

    private Client own(Clinic clinic) {
        return clients.ownedBy(clinic, userId()).orElseThrow(() -> new NotFoundException(
                "Your account is not linked to a client record at " + clinic.name() + "."));
    }

    private UUID userId() {
        return access.currentUser().orElseThrow().id();
    }

    static UUID parse(String id) {
        return Ids.orNotFound(id, "No such record '" + id + "'.");
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}

package com.clearskin.clients.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.assessment.Cause;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.SkinType;
import com.clearskin.clients.AssignedPractitioners;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAccess;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.clients.RecordedAssessment;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.recommendation.Recommendations;
import com.clearskin.recommendation.Verdict;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of a clinic's clients: the list with a search, adding a client, a client's page with
 * their assessment history and the recommendation for the latest one, and the intake form.
 */
@Controller
class ClientPages {

    /** One entry of the history as the page shows it: when, in the clinic's time zone. */
    public record HistoryEntry(RecordedAssessment recorded, ZonedDateTime recordedAt, String fitzpatrick) {
    }

    /** How a verdict shows to staff: its words and its badge. */
    public record VerdictLook(String label, String badge) {
    }

    static final Map<Verdict, VerdictLook> VERDICT_LOOKS = new EnumMap<>(Map.of(
            Verdict.RECOMMENDED, new VerdictLook("Recommended", "badge-ok"),
            Verdict.POSSIBLE, new VerdictLook("Possible", "badge-info"),
            Verdict.CAUTION, new VerdictLook("Caution: practitioner decides", "badge-warn"),
            Verdict.NEEDS_INFORMATION, new VerdictLook("Needs information", "badge-warn"),
            Verdict.EXCLUDED, new VerdictLook("Excluded", "badge-stop")));

    private final ClinicAccess access;
    private final ClientAccess clientAccess;
    private final Clients clients;
    private final ClientAssessments assessments;
    private final Recommendations recommendations;
    private final Clock clock;
    private final AuditLog audit;
    private final AssignedPractitioners assigned;

    ClientPages(ClinicAccess access, ClientAccess clientAccess, Clients clients, ClientAssessments assessments,
            Recommendations recommendations, Clock clock, AuditLog audit, AssignedPractitioners assigned) {
        this.assigned = assigned;
        this.access = access;
        this.clientAccess = clientAccess;
        this.clients = clients;
        this.assessments = assessments;
        this.recommendations = recommendations;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping("/app/clinics/{slug}/clients")
    String list(@PathVariable String slug, @RequestParam(required = false) String q,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Membership m = access.require(slug, Capability.LIST_CLIENTS);
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("q", q == null ? "" : q.strip());
        List<Client> shown = clients.list(m.clinic(), q);
        // the list shows each client's date of birth and contact details: one read per client shown
        audit.recordEach(m, shown.stream().map(Client::id).toList(), AuditAction.READ, AuditResource.CLIENT_RECORD,
                "client list");
        model.addAttribute("clients", shown);
        return htmx != null ? "clients/list :: results" : "clients/list";
    }

    @GetMapping("/app/clinics/{slug}/clients/new")
    String newClient(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.LIST_CLIENTS);
        return clientForm(model, m, new NewClient("", "", "", "", ""), List.of());
    }

    @PostMapping("/app/clinics/{slug}/clients")
    String create(@PathVariable String slug, @ModelAttribute NewClient form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.LIST_CLIENTS);
        try {
            Client client = clients.create(m.clinic(), form);
            redirect.addFlashAttribute("saved", client.fullName() + " is added.");
            return "redirect:/app/clinics/" + slug + "/clients/" + client.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return clientForm(model, m, form, e.violations());
        }
    }

    @GetMapping("/app/clinics/{slug}/clients/{id}")
    String client(@PathVariable String slug, @PathVariable String id, Model model) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.READ_CLIENT);
        Membership m = g.membership();
        Client client = g.client();
        boolean health = clientAccess.may(g, Capability.READ_MEDICAL_ANSWERS);
        audit.record(m, client.id(), AuditAction.READ, AuditResource.CLIENT_RECORD, "client page");
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("client", client);
        model.addAttribute("age", client.ageOn(today(m)).orElse(null));
        model.addAttribute("mayReadHealth", health);
        model.addAttribute("mayRecord", clientAccess.may(g, Capability.RECORD_ASSESSMENT));
        model.addAttribute("mayPhotos", clientAccess.may(g, Capability.READ_MEDICAL_ANSWERS));
        boolean mayAssign = clientAccess.may(g, Capability.ASSIGN_PRACTITIONER);
        model.addAttribute("mayAssign", mayAssign);
        model.addAttribute("assignment", assigned.of(m.clinic(), client.id()).orElse(null));
        model.addAttribute("practitionerChoices", mayAssign ? assigned.choices(m.clinic()) : List.of());
        if (health) {
            List<HistoryEntry> history = assessments.history(m.clinic(), client).stream()
                    .map(r -> new HistoryEntry(r, r.recordedAt().atZone(m.clinic().timeZone()),
                            Fitzpatrick.roman(r.assessment().fitzpatrick())))
                    .toList();
            audit.record(m, client.id(), AuditAction.READ, AuditResource.ASSESSMENT,
                    history.size() + " assessments on the client page");
            if (!history.isEmpty()) {
                audit.record(m, client.id(), AuditAction.READ, AuditResource.RECOMMENDATION,
                        "recommendation on the client page");
            }
            model.addAttribute("history", history);
            model.addAttribute("recommendation", history.isEmpty() ? null
                    : recommendations.forClient(m.clinic(), client.id(), com.clearskin.assessment.Assessment.effective(
                            history.stream().map(e -> e.recorded().assessment()).toList()), today(m)));
            model.addAttribute("verdictLooks", VERDICT_LOOKS);
            model.addAttribute("today", today(m));
        }
        return "clients/client";
    }

    @PostMapping("/app/clinics/{slug}/clients/{id}/practitioner")
    String assign(@PathVariable String slug, @PathVariable String id,
            @RequestParam(required = false) String practitionerId, RedirectAttributes redirect) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.ASSIGN_PRACTITIONER);
        Client client = g.client();
        if (practitionerId == null || practitionerId.isBlank()) {
            assigned.unassign(g.clinic(), client);
            redirect.addFlashAttribute("saved", "No practitioner is assigned to " + client.fullName() + " now.");
        } else {
            UUID chosen = Ids.parse(practitionerId)
                    .orElseThrow(() -> new InvalidInputException("practitionerId", "is not a practitioner's id"));
            AssignedPractitioners.Assignment a = assigned.assign(g.clinic(), client, chosen,
                    access.currentUser().orElseThrow().id());
            redirect.addFlashAttribute("saved", a.practitionerName() + " is assigned to " + client.fullName() + ".");
        }
        return "redirect:/app/clinics/" + slug + "/clients/" + client.id();
    }

    @GetMapping("/app/clinics/{slug}/clients/{id}/assessments/new")
    String newAssessment(@PathVariable String slug, @PathVariable String id, Model model) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.RECORD_ASSESSMENT);
        Membership m = g.membership();
        Client client = g.client();
        return intakeForm(model, m, client, IntakeForm.blank(), List.of());
    }

    @PostMapping("/app/clinics/{slug}/clients/{id}/assessments")
    String record(@PathVariable String slug, @PathVariable String id, @RequestParam MultiValueMap<String, String> params,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.RECORD_ASSESSMENT);
        Membership m = g.membership();
        Client client = g.client();
        IntakeForm form = IntakeForm.from(params);
        List<Violation> violations = new ArrayList<>();
        var json = form.toJson(violations);
        try {
            if (violations.isEmpty()) {
                assessments.record(m.clinic(), client, json, access.currentUser().orElseThrow().id());
                redirect.addFlashAttribute("saved", "The assessment of " + client.fullName() + " is recorded.");
                return "redirect:/app/clinics/" + slug + "/clients/" + client.id();
            }
            assessments.read(m.clinic(), client, json); // reports the parser's findings beside the form's
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return intakeForm(model, m, client, form, violations);
    }

    private String clientForm(Model model, Membership m, NewClient form, List<Violation> violations) {
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors(violations, field -> field));
        model.addAttribute("today", today(m));
        return "clients/new";
    }

    private String intakeForm(Model model, Membership m, Client client, IntakeForm form, List<Violation> violations) {
        // the form shows the client's date of birth
        audit.record(m, client.id(), AuditAction.READ, AuditResource.CLIENT_RECORD, "intake form");
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("client", client);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors(violations, IntakeForm::formField));
        model.addAttribute("today", today(m));
        model.addAttribute("skinTypes", SkinType.values());
        model.addAttribute("fitzpatrickTypes", Fitzpatrick.TYPES);
        model.addAttribute("concerns", Concern.values());
        model.addAttribute("bodyAreas", BodyArea.values());
        model.addAttribute("causes", Cause.values());
        model.addAttribute("medicalFlags", MedicalFlag.values());
        model.addAttribute("lastUseQuestions", IntakeForm.LAST_USE);
        return "clients/intake";
    }

    private static Map<String, String> errors(List<Violation> violations, Function<String, String> formField) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.merge(formField.apply(v.field()), v.reason(), (a, b) -> a + "; " + b));
        return errors;
    }

    private LocalDate today(Membership m) {
        return LocalDate.now(clock.withZone(m.clinic().timeZone()));
    }
}

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
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client fills in and updates their own intake before a visit. Each submission is a new
 * assessment in their history, recorded by themself; earlier ones stay as they were.
 */
@Controller
class MyIntakePages {


    private final ClinicAccess access;
    private final Clients clients;
    private final ClientAssessments assessments;
    private final Clock clock;
    private final AuditLog audit;

    MyIntakePages(ClinicAccess access, Clients clients, ClientAssessments assessments, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.access = access;
        this.clients = clients;
        this.assessments = assessments;
        this.clock = clock;
    }

    @GetMapping("/app/clinics/{slug}/portal/intake")
    String form(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m);
        audit.record(m, client.id(), AuditAction.READ, AuditResource.ASSESSMENT, "portal: own intake");
        IntakeForm form = assessments.latest(m.clinic(), client)
                .map(latest -> IntakeForm.of(latest.assessment())).orElse(IntakeForm.blank());
        return intakeForm(model, m, client, form, List.of());
    }

    @PostMapping("/app/clinics/{slug}/portal/intake")
    String record(@PathVariable String slug, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m);
        IntakeForm form = IntakeForm.from(params);
        List<Violation> violations = new ArrayList<>();
        var json = form.toJson(violations);
        try {
            if (violations.isEmpty()) {
                assessments.record(m.clinic(), client, json, access.currentUser().orElseThrow().id());
                redirect.addFlashAttribute("saved", "Thank you: your answers are saved for your practitioner.");
                return "redirect:/app/clinics/" + slug + "/portal";
            }
            assessments.read(m.clinic(), client, json);
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return intakeForm(model, m, client, form, violations);
    }

    private Client own(Membership m) {
        return clients.ownedBy(m.clinic(), access.currentUser().orElseThrow().id()).orElseThrow(() -> new NotFoundException(
                "Your account is not linked to a client record at " + m.clinic().name()
                        + " yet. Please ask the front desk to link it."));
    }

    private String intakeForm(Model model, Membership m, Client client, IntakeForm form, List<Violation> violations) {
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("client", client);
        model.addAttribute("form", form);
        model.addAttribute("selfService", Boolean.TRUE);
        model.addAttribute("formAction", "/app/clinics/" + m.clinic().slug() + "/portal/intake");
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.merge(IntakeForm.formField(v.field()), v.reason(), (a, b) -> a + "; " + b));
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(clock.withZone(m.clinic().timeZone())));
        model.addAttribute("skinTypes", SkinType.values());
        model.addAttribute("fitzpatrickTypes", Fitzpatrick.TYPES);
        model.addAttribute("concerns", Concern.values());
        model.addAttribute("bodyAreas", BodyArea.values());
        model.addAttribute("causes", Cause.values());
        model.addAttribute("medicalFlags", MedicalFlag.values());
        model.addAttribute("lastUseQuestions", IntakeForm.LAST_USE);
        return "clients/intake";
    }
}

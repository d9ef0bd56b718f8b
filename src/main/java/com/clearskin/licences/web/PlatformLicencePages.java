package com.clearskin.licences.web;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.PlatformAccess;
import com.clearskin.accounts.PlatformRole;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.licences.Licence;
import com.clearskin.licences.Licences;
import com.clearskin.licences.Licences.QueueEntry;
import com.clearskin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The licence reviewer's pages: the queue, one licence with its document, and the decision form. */
@Controller
class PlatformLicencePages {

    private final PlatformAccess platform;
    private final Licences licences;
    private final Accounts accounts;

    PlatformLicencePages(PlatformAccess platform, Licences licences, Accounts accounts) {
        this.platform = platform;
        this.licences = licences;
        this.accounts = accounts;
    }

    @GetMapping("/app/platform/licences")
    String queue(@RequestParam(required = false) String status, Model model, HttpServletResponse response) {
        platform.require(PlatformRole.LICENCE_REVIEWER);
        String filter = status == null || status.isBlank() ? null : status.strip();
        if (filter != null && !Licences.STATUSES.contains(filter)) {
            response.setStatus(400);
            model.addAttribute("filterError", "Status must be one of " + String.join(", ", Licences.STATUSES) + ".");
            filter = null;
        }
        model.addAttribute("entries", licences.queue(filter));
        model.addAttribute("status", filter);
        model.addAttribute("statuses", Licences.STATUSES);
        return "licences/platform-queue";
    }

    @GetMapping("/app/platform/licences/{id}")
    String one(@PathVariable String id, Model model) {
        platform.require(PlatformRole.LICENCE_REVIEWER);
        return render(model, licences.forReview(id), new LinkedHashMap<>(), Map.of());
    }

    @GetMapping("/app/platform/licences/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable String id) {
        SignedInUser reviewer = platform.require(PlatformRole.LICENCE_REVIEWER);
        Licence l = licences.forReview(id).licence();
        return LicencesApi.document(licences.documentForReview(l, reviewer), l);
    }

    @PostMapping("/app/platform/licences/{id}/verification")
    String decide(@PathVariable String id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String note, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        SignedInUser reviewer = platform.require(PlatformRole.LICENCE_REVIEWER);
        QueueEntry decided;
        try {
            decided = licences.decide(id, decision, note, reviewer);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(),
                    ("decision".equals(v.field()) ? "Decision " : "Note ") + v.reason() + "."));
            return render(model, licences.forReview(id), errors,
                    Map.of("decision", decision == null ? "" : decision, "note", note == null ? "" : note));
        }
        redirect.addFlashAttribute("saved", "The " + decided.licence().type().label().toLowerCase(java.util.Locale.ROOT)
                + " licence of " + decided.practitionerName() + " (" + decided.clinicName() + ") is "
                + decided.licence().review().code() + ".");
        return "redirect:/app/platform/licences";
    }

    private String render(Model model, QueueEntry entry, Map<String, String> errors, Map<String, String> values) {
        model.addAttribute("e", entry);
        java.util.List<Licence.Decision> decisions = licences.decisions(entry.licence());
        model.addAttribute("decisions", decisions);
        model.addAttribute("names", accounts.displayNames(decisions.stream().map(Licence.Decision::decidedBy)
                .collect(java.util.stream.Collectors.toSet())));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "licences/platform-licence";
    }
}

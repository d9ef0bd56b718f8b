package com.clearskin.consent.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.Membership;
import com.clearskin.clients.Clients;
import com.clearskin.consent.ConsentDesk;
import com.clearskin.consent.ConsentForm;
import com.clearskin.consent.ConsentFormDraft;
import com.clearskin.consent.ConsentForms;
import com.clearskin.consent.Consents;
import com.clearskin.consent.Signature;
import com.clearskin.consent.PhotoConsent;
import com.clearskin.consent.SignatureRequest;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.booking.Appointment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consent pages: the screen a client signs on (the clinic's tablet or the portal) with the
 * form's text, the typed name, a drawn signature and an unticked "I agree"; the clinic's forms and
 * their versions; a signed consent as PDF; withdrawing one.
 */
@Controller
class ConsentPages {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final ConsentDesk desk;
    private final ConsentForms forms;
    private final Consents consents;
    private final Clients clients;

    ConsentPages(ConsentDesk desk, ConsentForms forms, Consents consents, Clients clients) {
        this.desk = desk;
        this.forms = forms;
        this.consents = consents;
        this.clients = clients;
    }

    @GetMapping("/app/clinics/{slug}/appointments/{id}/consent")
    String signPage(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String form,
            Model model) {
        Appointment a = desk.appointment(slug, id, Capability.SIGN_CONSENT);
        return render(model, slug, a, form, null, null, null);
    }

    @PostMapping("/app/clinics/{slug}/appointments/{id}/consent")
    String sign(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String formId,
            @RequestParam(required = false) String signerName, @RequestParam(required = false) String typedSignature,
            @RequestParam(required = false) String signatureImage, @RequestParam(required = false) String agreed,
            @RequestParam(required = false) String photosRecord, @RequestParam(required = false) String photosMarketing,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Appointment a = desk.appointment(slug, id, Capability.SIGN_CONSENT);
        ConsentDesk.Granted g = desk.forAppointment(slug, a, Capability.SIGN_CONSENT);
        try {
            consents.sign(g.clinic(), a, new SignatureRequest(formId, signerName, typedSignature, signatureImage,
                    "yes".equals(agreed) ? Boolean.TRUE : null,
                    new PhotoConsent("yes".equals(photosRecord), "yes".equals(photosMarketing))), g.userId(), g.staff(),
                    new Consents.Evidence(request.getRemoteAddr(), request.getHeader("User-Agent")));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(model, slug, a, formId, e.violations().stream()
                    .collect(java.util.stream.Collectors.toMap(InvalidInputException.Violation::field,
                            v -> plain(v.field(), v.reason()), (x, y) -> x)), signerName, typedSignature);
        }
        return g.staff() ? "redirect:/app/clinics/" + slug + "/appointments/" + a.id() + "/visit?consented"
                : "redirect:/app/clinics/" + slug + "/portal/records?consented";
    }

    /** Plain words for the person at the tablet: no field names. */
    private static String plain(String field, String reason) {
        return switch (field) {
            case "agreed" -> "Tick \"I agree\" to sign.";
            case "signerName" -> "Write your full name.";
            case "typedSignature" -> "Type your name as your signature.";
            case "photos.marketing" -> "Photos for the clinic's marketing need photos for your record too: tick both, "
                    + "or untick marketing.";
            case "signatureImage" -> "The drawn signature could not be used (" + reason + "). Clear it and draw again.";
            default -> "Choose the form to sign.";
        };
    }

    private String render(Model model, String slug, Appointment a, String formId, Map<String, String> errors,
            String signerName, String typedSignature) {
        Membership m = desk.member(slug);
        List<ConsentForm> available = forms.list(m.clinic(), a.treatment());
        ConsentForm chosen = available.stream().filter(f -> f.id().toString().equals(formId)).findFirst()
                .orElse(available.isEmpty() ? null : available.get(0));
        String client = clients.find(m.clinic(), a.clientId()).map(com.clearskin.clients.Client::fullName).orElse("");
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("appointment", a);
        model.addAttribute("clientName", client);
        model.addAttribute("forms", available);
        model.addAttribute("form", chosen);
        model.addAttribute("paragraphs", chosen == null ? List.of() : Arrays.asList(chosen.text().split("\n")));
        model.addAttribute("holding", consents.holding(m.clinic(), a.clientId(), a.treatment()).orElse(null));
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("signerName", signerName == null ? client : signerName);
        model.addAttribute("typedSignature", typedSignature == null ? "" : typedSignature);
        model.addAttribute("staff", m.isStaff());
        model.addAttribute("date", a.start().atZone(m.clinic().timeZone()).format(DAY));
        model.addAttribute("backHref", m.isStaff() ? "/app/clinics/" + slug + "/appointments/" + a.id() + "/visit"
                : "/app/clinics/" + slug + "/portal/records");
        return "consent/sign";
    }

    @GetMapping("/app/clinics/{slug}/consent-forms")
    String formsPage(@PathVariable String slug, @RequestParam(required = false) String saved, Model model) {
        Membership m = desk.require(slug, Capability.EDIT_RECORD_SETTINGS);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("forms", forms.list(m.clinic(), null));
        model.addAttribute("validMonths", forms.validMonths(m.clinic()));
        model.addAttribute("saved", saved != null);
        return "consent/forms";
    }

    @GetMapping("/app/clinics/{slug}/consent-forms/{id}")
    String formPage(@PathVariable String slug, @PathVariable String id, Model model) {
        Membership m = desk.require(slug, Capability.EDIT_RECORD_SETTINGS);
        List<ConsentForm> versions = forms.versions(m.clinic(), ConsentDesk.uuid(id));
        if (versions.isEmpty()) {
            throw new NotFoundException("No consent form " + id + ".");
        }
        return formModel(model, m, versions, null, null);
    }

    @PostMapping("/app/clinics/{slug}/consent-forms/{id}")
    String revise(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String treatments, @RequestParam(required = false) String text,
            @RequestParam(required = false) Integer validMonths, HttpServletResponse response, Model model) {
        Membership m = desk.require(slug, Capability.EDIT_RECORD_SETTINGS);
        List<ConsentForm> versions = forms.versions(m.clinic(), ConsentDesk.uuid(id));
        if (versions.isEmpty()) {
            throw new NotFoundException("No consent form " + id + ".");
        }
        ConsentFormDraft draft = new ConsentFormDraft(title, treatments == null ? List.of()
                : Arrays.stream(treatments.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(), text,
                validMonths);
        try {
            forms.revise(m.clinic(), versions.get(0).id(), draft, desk.userId());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return formModel(model, m, versions, draft, e.violations());
        }
        return "redirect:/app/clinics/" + slug + "/consent-forms/" + versions.get(0).id() + "?saved";
    }

    private String formModel(Model model, Membership m, List<ConsentForm> versions, ConsentFormDraft draft,
            List<InvalidInputException.Violation> violations) {
        ConsentForm latest = versions.get(0);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("form", latest);
        model.addAttribute("versions", versions);
        model.addAttribute("title", draft == null ? latest.title() : draft.title());
        model.addAttribute("treatments", String.join(", ", draft == null ? latest.treatments() : draft.treatments()));
        model.addAttribute("text", draft == null ? latest.text() : draft.text());
        model.addAttribute("validMonths", draft == null ? latest.validMonths() : draft.validMonths());
        model.addAttribute("violations", violations == null ? List.of() : violations);
        return "consent/form";
    }

    @PostMapping("/app/clinics/{slug}/consent-settings")
    String changeValidity(@PathVariable String slug, @RequestParam(required = false) String validMonths) {
        Membership m = desk.require(slug, Capability.EDIT_RECORD_SETTINGS);
        Integer months;
        try {
            months = validMonths == null ? null : Integer.valueOf(validMonths.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("validMonths", "must be a whole number of months from 1 to 120");
        }
        forms.changeValidMonths(m.clinic(), months, null, desk.userId());
        return "redirect:/app/clinics/" + slug + "/consent-forms?saved";
    }

    @GetMapping("/app/clinics/{slug}/consents/{id}/consent.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String slug, @PathVariable String id) {
        Signature s = desk.signature(slug, id, Capability.READ_CONSENT);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline; filename=\"consent-" + s.id() + ".pdf\"")
                .body(desk.pdf(desk.member(slug), s));
    }

    @PostMapping("/app/clinics/{slug}/consents/{id}/withdraw")
    String withdraw(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back) {
        Signature s = desk.signature(slug, id, Capability.SIGN_CONSENT);
        Membership m = desk.member(slug);
        consents.withdraw(m.clinic(), s.id(), desk.userId(), reason);
        String to = back != null && back.startsWith("/app/clinics/" + slug + "/") && !back.contains("//") ? back
                : "/app/clinics/" + slug + (m.isStaff() ? "/clients/" + s.clientId() + "/records" : "/portal/records");
        return "redirect:" + to;
    }

    static UUID uuid(String id) {
        return ConsentDesk.uuid(id);
    }
}

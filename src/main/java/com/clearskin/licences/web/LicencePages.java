package com.clearskin.licences.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.licences.ClinicLicenceSettings;
import com.clearskin.licences.Licence;
import com.clearskin.licences.LicenceExpiryWarnings;
import com.clearskin.licences.LicenceSettings;
import com.clearskin.licences.LicenceType;
import com.clearskin.licences.Licences;
import com.clearskin.licences.NewLicence;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The practitioner's licences for owners and admins: the section of the practitioner's page (loaded
 * into it), a page of its own when a form needs fixing, the document, and the clinic's setting.
 */
@Controller
class LicencePages {

    private static final Map<String, String> LABELS = Map.of("type", "Type", "number", "Licence number",
            "jurisdiction", "Issuing jurisdiction", "expiresOn", "Expiry date", "document", "Document");

    private final ClinicAccess access;
    private final Licences licences;
    private final LicenceExpiryWarnings warnings;
    private final ClinicLicenceSettings settings;
    private final ClinicResources resources;

    LicencePages(ClinicAccess access, Licences licences, LicenceExpiryWarnings warnings, ClinicLicenceSettings settings,
            ClinicResources resources) {
        this.access = access;
        this.licences = licences;
        this.warnings = warnings;
        this.settings = settings;
        this.resources = resources;
    }

    @GetMapping("/app/clinics/{slug}/practitioners/{id}/licences")
    String page(@PathVariable String slug, @PathVariable String id, HttpServletRequest request, Model model) {
        Membership m = access.require(slug, Capability.MANAGE_LICENCES);
        render(model, m, id, new LinkedHashMap<>(), new LinkedHashMap<>());
        return request.getHeader("HX-Request") != null ? "licences/section :: section" : "licences/page";
    }

    @PostMapping("/app/clinics/{slug}/practitioners/{id}/licences")
    String add(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String type,
            @RequestParam(required = false) String number, @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String expiresOn, @RequestParam(required = false) MultipartFile document,
            Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Membership m = access.require(slug, Capability.MANAGE_LICENCES);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("type", type == null ? "" : type);
        values.put("number", number == null ? "" : number);
        values.put("jurisdiction", jurisdiction == null ? "" : jurisdiction);
        values.put("expiresOn", expiresOn == null ? "" : expiresOn);
        try {
            licences.add(m, id, new NewLicence(type, number, jurisdiction, expiresOn,
                    document == null || document.isEmpty() ? null : document.getBytes()), userId());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), LABELS.getOrDefault(v.field(), v.field()) + " "
                    + v.reason() + "."));
            render(model, m, id, values, errors);
            return "licences/page";
        }
        redirect.addFlashAttribute("saved", "The licence is added. Clearskin reviews it; it counts once verified.");
        return "redirect:/app/clinics/" + slug + "/schedule/practitioners/" + id + "#licences";
    }

    @GetMapping("/app/clinics/{slug}/practitioners/{id}/licences/{licenceId}/document")
    ResponseEntity<byte[]> document(@PathVariable String slug, @PathVariable String id, @PathVariable String licenceId) {
        Membership m = access.require(slug, Capability.MANAGE_LICENCES);
        Licence l = licences.require(m.clinic(), id, licenceId);
        return LicencesApi.document(licences.document(m, l), l);
    }

    @PostMapping("/app/clinics/{slug}/licence-settings")
    String changeSettings(@PathVariable String slug, @RequestParam(required = false) String verificationRequired,
            @RequestParam(required = false) String practitioner, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.MANAGE_LICENCES);
        settings.update(m.clinic(), new LicenceSettings("true".equals(verificationRequired)), null, userId());
        redirect.addFlashAttribute("saved", "true".equals(verificationRequired)
                ? "Only practitioners with a verified licence for a treatment can now be booked for it."
                : "Practitioners with no licence on file can be booked again; expired licences still cannot.");
        String back = practitioner == null ? null : resources.practitioners(m.clinic()).stream()
                .map(p -> p.id().toString()).filter(practitioner::equals).findFirst().orElse(null);
        return back == null ? "redirect:/app/clinics/" + slug + "/schedule/practitioners"
                : "redirect:/app/clinics/" + slug + "/schedule/practitioners/" + back + "#licences";
    }

    private void render(Model model, Membership m, String practitionerId, Map<String, String> values,
            Map<String, String> errors) {
        PractitionerDetails p = resources.practitioner(m.clinic(), practitionerId);
        List<Licence> theirs = licences.forPractitioner(m.clinic(), practitionerId);
        List<Licence> soon = warnings.expiringSoon(m.clinic(), theirs);
        Set<UUID> soonIds = soon.stream().map(Licence::id).collect(Collectors.toSet());
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("membership", m);
        model.addAttribute("p", p);
        model.addAttribute("licences", theirs);
        model.addAttribute("expiringSoon", soon);
        model.addAttribute("soonIds", soonIds);
        model.addAttribute("today", licences.today(m.clinic()));
        model.addAttribute("types", LicenceType.values());
        model.addAttribute("verificationRequired", settings.current(m.clinic()).settings().verificationRequired());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("maxMegabytes", com.clearskin.licences.LicenceDocuments.MAX_BYTES / (1024 * 1024));
    }

    private UUID userId() {
        return access.currentUser().map(SignedInUser::id).orElseThrow();
    }
}

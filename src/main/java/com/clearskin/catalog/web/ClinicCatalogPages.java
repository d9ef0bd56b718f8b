package com.clearskin.catalog.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.DefaultCatalog;
import com.clearskin.catalog.Treatment;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of a clinic's catalog; owners and admins edit their clinic's copy here. */
@Controller
class ClinicCatalogPages {

    private final ClinicAccess access;
    private final ClinicCatalog catalog;
    private final DefaultCatalog defaults;

    ClinicCatalogPages(ClinicAccess access, ClinicCatalog catalog, DefaultCatalog defaults) {
        this.access = access;
        this.catalog = catalog;
        this.defaults = defaults;
    }

    @GetMapping("/app/clinics/{slug}/treatments")
    String list(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_CATALOG);
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("treatments", catalog.list(m.clinic()));
        return "catalog/clinic-list";
    }

    @GetMapping("/app/clinics/{slug}/treatments/{code}/edit")
    String edit(@PathVariable String slug, @PathVariable String code, Model model) {
        Membership m = access.require(slug, Capability.EDIT_CATALOG);
        ClinicTreatment t = catalog.require(m.clinic(), code);
        return form(model, m, t, TreatmentForm.of(t.treatment(), t.revision()), List.of(), null);
    }

    @PostMapping("/app/clinics/{slug}/treatments/{code}")
    String save(@PathVariable String slug, @PathVariable String code, @ModelAttribute TreatmentForm form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_CATALOG);
        ClinicTreatment current = catalog.require(m.clinic(), code);
        List<Violation> violations = new ArrayList<>();
        Treatment edited = form.applyTo(current.treatment(), violations);
        Integer revision = parseRevision(form.revision());
        try {
            if (violations.isEmpty()) {
                catalog.update(m.clinic(), code, edited, revision, access.currentUser().orElseThrow().id());
                redirect.addFlashAttribute("saved", "Saved. Your clinic's " + edited.name() + " is updated.");
                return "redirect:/app/clinics/" + slug + "/treatments/" + code + "/edit";
            }
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return form(model, m, current, form, List.of(), e.getMessage());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, m, current, form, violations, null);
    }

    @PostMapping("/app/clinics/{slug}/treatments/{code}/reset")
    String reset(@PathVariable String slug, @PathVariable String code, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_CATALOG);
        ClinicTreatment t = catalog.resetToDefault(m.clinic(), code, access.currentUser().orElseThrow().id());
        redirect.addFlashAttribute("saved", t.treatment().name() + " is back to the Clearskin default.");
        return "redirect:/app/clinics/" + slug + "/treatments/" + code + "/edit";
    }

    private String form(Model model, Membership m, ClinicTreatment t, TreatmentForm form, List<Violation> violations,
            String conflict) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.merge(formField(v.field()), v.reason(), (a, b) -> a + "; " + b));
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("t", t);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("defaultTreatment", defaults.find(t.code()).orElse(null));
        return "catalog/clinic-edit";
    }

    /** Maps a domain field (price.min) to the form field that edits it (priceMin). */
    static String formField(String field) {
        return switch (field) {
            case "price.min", "price" -> "priceMin";
            case "price.max" -> "priceMax";
            case "duration.minMinutes" -> "durationMin";
            case "duration.maxMinutes" -> "durationMax";
            case "duration.typicalMinutes" -> "durationTypical";
            case "course.sessionsMin" -> "sessionsMin";
            case "course.sessionsMax" -> "sessionsMax";
            case "course.intervalDaysMin" -> "intervalDaysMin";
            case "course.intervalDaysMax" -> "intervalDaysMax";
            case "downtime.text", "downtime.maxDays" -> "downtimeText";
            case "protocol" -> "steps";
            default -> field.startsWith("protocol[") ? "steps" : field;
        };
    }

    private static Integer parseRevision(String revision) {
        try {
            return revision == null || revision.isBlank() ? null : Integer.parseInt(revision.strip());
        } catch (NumberFormatException e) {
            return -1; // a tampered revision can only conflict
        }
    }
}

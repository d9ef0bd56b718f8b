package com.clearskin.booking.web;

import com.clearskin.platform.StoredSettings;
import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.booking.BookingRuleSettings;
import com.clearskin.booking.ClinicBookingRules;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The clinic's booking-rule data as a page: per treatment, whether it is resurfacing or exfoliating
 * ({@code resurfacing.CODE} checkbox) and its recovery days ({@code recoveryDays.CODE}; blank: the
 * catalog's downtime), named like the API's fields so that errors land next to their input.
 */
@Controller
class BookingRulesPages {

    static final String GROUP = "resurfacing.";
    static final String DAYS = "recoveryDays.";

    private final ClinicAccess access;
    private final ClinicBookingRules rules;
    private final ClinicCatalog catalog;

    BookingRulesPages(ClinicAccess access, ClinicBookingRules rules, ClinicCatalog catalog) {
        this.access = access;
        this.rules = rules;
        this.catalog = catalog;
    }

    @GetMapping("/app/clinics/{slug}/booking-rules")
    String show(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_BOOKING_RULES);
        StoredSettings<BookingRuleSettings> current = rules.current(m.clinic());
        return page(model, m, current, values(current.settings()), Map.of(), null);
    }

    @PostMapping("/app/clinics/{slug}/booking-rules")
    String save(@PathVariable String slug, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_BOOKING_RULES);
        StoredSettings<BookingRuleSettings> current = rules.current(m.clinic());
        Map<String, String> values = form.toSingleValueMap();
        List<Violation> violations = new ArrayList<>();
        BookingRuleSettings edited = read(values, current.settings(), codes(m), violations);
        try {
            if (violations.isEmpty()) {
                rules.update(m.clinic(), edited, revision(values.get("revision")), access.currentUser().orElseThrow().id());
                redirect.addFlashAttribute("saved", "Saved. Bookings now follow your recovery rules.");
                return "redirect:/app/clinics/" + slug + "/booking-rules";
            }
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(model, m, current, values, Map.of(), e.getMessage());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.merge(v.field(), v.reason(), (a, b) -> a + "; " + b));
        return page(model, m, current, values, errors, null);
    }

    @PostMapping("/app/clinics/{slug}/booking-rules/reset")
    String reset(@PathVariable String slug, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_BOOKING_RULES);
        rules.reset(m.clinic());
        redirect.addFlashAttribute("saved", "The booking rules are back to the sourced defaults.");
        return "redirect:/app/clinics/" + slug + "/booking-rules";
    }

    private String page(Model model, Membership m, StoredSettings<BookingRuleSettings> current, Map<String, String> values,
            Map<String, String> errors, String conflict) {
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("current", current);
        model.addAttribute("treatments", catalog.list(m.clinic()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        return "booking/booking-rules";
    }

    private List<String> codes(Membership m) {
        return catalog.list(m.clinic()).stream().map(ClinicTreatment::code).toList();
    }

    /** The form's values: "on" for a treatment in the group, the recovery days where the clinic set them. */
    static Map<String, String> values(BookingRuleSettings s) {
        Map<String, String> v = new HashMap<>();
        s.recoveryGroup().treatments().forEach(code -> v.put(GROUP + code, "on"));
        s.recoveryDays().forEach((code, d) -> v.put(DAYS + code, Integer.toString(d.value())));
        return v;
    }

    /** Settings from the form; a blank recovery leaves the catalog's downtime in force. */
    static BookingRuleSettings read(Map<String, String> form, BookingRuleSettings base, List<String> treatments,
            List<Violation> violations) {
        List<String> group = new ArrayList<>();
        Map<String, BookingRuleSettings.Days> days = new HashMap<>();
        for (String code : treatments) {
            if (form.containsKey(GROUP + code)) {
                group.add(code);
            }
            String value = form.get(DAYS + code);
            if (value != null && !value.isBlank()) {
                try {
                    int n = Integer.parseInt(value.strip());
                    BookingRuleSettings.Days old = base.recoveryDays().get(code);
                    days.put(code, new BookingRuleSettings.Days(n, old == null ? List.of() : old.sources(),
                            old == null ? null : old.note()));
                } catch (NumberFormatException e) {
                    violations.add(new Violation(DAYS + code, "must be a whole number of days"));
                }
            }
        }
        return new BookingRuleSettings(new BookingRuleSettings.Group(group, base.recoveryGroup().sources(),
                base.recoveryGroup().note()), days);
    }

    private static Integer revision(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

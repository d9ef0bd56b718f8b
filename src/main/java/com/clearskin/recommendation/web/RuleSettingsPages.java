package com.clearskin.recommendation.web;

import com.clearskin.platform.StoredSettings;
import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.SkinType;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.recommendation.ClinicRuleSettings;
import com.clearskin.recommendation.RuleSettings;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * The clinic's rule numbers as a page: one input per treatment and setting, named like the API's
 * fields ({@code isotretinoinWashoutMonths.chemical-peel}) so that errors land next to their input.
 */
@Controller
class RuleSettingsPages {

    static final String WASHOUT = "isotretinoinWashoutMonths";
    static final String PAUSE = "topicalRetinoidPauseDays";
    static final String AGE = "minimumAge";

    private final ClinicAccess access;
    private final ClinicRuleSettings settings;
    private final ClinicCatalog catalog;

    RuleSettingsPages(ClinicAccess access, ClinicRuleSettings settings, ClinicCatalog catalog) {
        this.access = access;
        this.settings = settings;
        this.catalog = catalog;
    }

    @GetMapping("/app/clinics/{slug}/rule-settings")
    String show(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_RULE_SETTINGS);
        StoredSettings<RuleSettings> current = settings.current(m.clinic());
        return page(model, m, current, values(current.settings()), Map.of(), null);
    }

    @PostMapping("/app/clinics/{slug}/rule-settings")
    String save(@PathVariable String slug, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RULE_SETTINGS);
        StoredSettings<RuleSettings> current = settings.current(m.clinic());
        Map<String, String> values = form.toSingleValueMap();
        List<Violation> violations = new ArrayList<>();
        RuleSettings edited = read(values, current.settings(), treatments(m), violations);
        try {
            if (violations.isEmpty()) {
                settings.update(m.clinic(), edited, parse(values.get("revision")), access.currentUser().orElseThrow().id());
                redirect.addFlashAttribute("saved", "Saved. The recommendation rules now use your numbers.");
                return "redirect:/app/clinics/" + slug + "/rule-settings";
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

    @PostMapping("/app/clinics/{slug}/rule-settings/reset")
    String reset(@PathVariable String slug, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RULE_SETTINGS);
        settings.reset(m.clinic());
        redirect.addFlashAttribute("saved", "The rules are back to the sourced defaults.");
        return "redirect:/app/clinics/" + slug + "/rule-settings";
    }

    private String page(Model model, Membership m, StoredSettings<RuleSettings> current, Map<String, String> values,
            Map<String, String> errors, String conflict) {
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("current", current);
        model.addAttribute("treatments", catalog.list(m.clinic()));
        model.addAttribute("skinTypes", SkinType.values());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        return "recommendation/rule-settings";
    }

    private List<String> treatments(Membership m) {
        return catalog.list(m.clinic()).stream().map(ClinicTreatment::code).toList();
    }

    /** The form's values from settings: blank where a treatment has no such rule. */
    static Map<String, String> values(RuleSettings s) {
        Map<String, String> v = new HashMap<>();
        s.isotretinoinWashoutMonths().forEach((code, x) -> v.put(WASHOUT + "." + code, Integer.toString(x.value())));
        s.topicalRetinoidPauseDays().forEach((code, x) -> v.put(PAUSE + "." + code, Integer.toString(x.value())));
        s.minimumAge().forEach((code, x) -> v.put(AGE + "." + code, Integer.toString(x.value())));
        v.put("fitzpatrickRiskFrom", Integer.toString(s.fitzpatrickRiskFrom().value()));
        v.put("recommendedScore", Integer.toString(s.recommendedScore().value()));
        s.homeCleansingCadenceDays().forEach((type, r) -> {
            v.put("homeCleansingCadenceDays." + type.code() + ".min", Integer.toString(r.min()));
            v.put("homeCleansingCadenceDays." + type.code() + ".max", Integer.toString(r.max()));
        });
        return v;
    }

    /** Settings from the form; a blank per-treatment value removes that rule for the treatment. */
    static RuleSettings read(Map<String, String> form, RuleSettings base, List<String> treatments,
            List<Violation> violations) {
        Map<String, RuleSettings.Setting> washout = perTreatment(form, WASHOUT, base.isotretinoinWashoutMonths(),
                treatments, violations);
        Map<String, RuleSettings.Setting> pause = perTreatment(form, PAUSE, base.topicalRetinoidPauseDays(),
                treatments, violations);
        Map<String, RuleSettings.Setting> age = perTreatment(form, AGE, base.minimumAge(), treatments, violations);
        Integer fitz = number(form, "fitzpatrickRiskFrom", true, violations);
        Integer score = number(form, "recommendedScore", true, violations);
        Map<SkinType, RuleSettings.Range> cadence = new EnumMap<>(SkinType.class);
        for (SkinType type : SkinType.values()) {
            String key = "homeCleansingCadenceDays." + type.code();
            Integer min = number(form, key + ".min", true, violations);
            Integer max = number(form, key + ".max", true, violations);
            if (min != null && max != null) {
                RuleSettings.Range old = base.homeCleansingCadenceDays().get(type);
                cadence.put(type, new RuleSettings.Range(min, max, old == null ? List.of() : old.sources()));
            }
        }
        if (!violations.isEmpty()) {
            return null;
        }
        return new RuleSettings(washout, pause, age,
                new RuleSettings.Setting(fitz, base.fitzpatrickRiskFrom().sources(), base.fitzpatrickRiskFrom().note()),
                cadence,
                new RuleSettings.Setting(score, base.recommendedScore().sources(), base.recommendedScore().note()));
    }

    private static Map<String, RuleSettings.Setting> perTreatment(Map<String, String> form, String field,
            Map<String, RuleSettings.Setting> base, List<String> treatments, List<Violation> violations) {
        Map<String, RuleSettings.Setting> out = new HashMap<>();
        for (String code : treatments) {
            Integer value = number(form, field + "." + code, false, violations);
            if (value != null) {
                RuleSettings.Setting old = base.get(code);
                out.put(code, new RuleSettings.Setting(value, old == null ? List.of() : old.sources(),
                        old == null ? null : old.note()));
            }
        }
        return out;
    }

    private static Integer number(Map<String, String> form, String field, boolean required, List<Violation> v) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            if (required) {
                v.add(new Violation(field, "is required"));
            }
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            v.add(new Violation(field, "must be a whole number"));
            return null;
        }
    }

    private static Integer parse(String revision) {
        try {
            return revision == null || revision.isBlank() ? null : Integer.parseInt(revision.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package com.clearskin.hygiene.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.clinics.Clinic;
import com.clearskin.hygiene.Hygiene;
import com.clearskin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The sterilization room: sterilizers, recent cycles, the next spore test due, and a cycle form that fits a phone. */
@Controller
class HygienePages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    record SterilizerRow(String id, String name, String kind, String serial, boolean inService, String nextSporeTestDue,
            boolean overdue) {
    }

    record CycleRow(String startedAt, String sterilizer, String operator, String parameters, String status, String reasons,
            String codes) {
    }

    private final ClinicAccess access;
    private final Hygiene hygiene;
    private final JsonMapper json;

    HygienePages(ClinicAccess access, Hygiene hygiene, JsonMapper json) {
        this.access = access;
        this.hygiene = hygiene;
        this.json = json;
    }

    @GetMapping("/app/clinics/{slug}/sterilization")
    String room(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_STERILIZATION_LOG);
        return page(model, m, Map.of(), Map.of());
    }

    @PostMapping("/app/clinics/{slug}/sterilization/cycles")
    String recordCycle(@PathVariable String slug, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.RECORD_STERILIZATION);
        Clinic clinic = m.clinic();
        ObjectNode body = json.createObjectNode();
        body.put("sterilizerId", form.getOrDefault("sterilizerId", ""));
        body.put("operator", form.getOrDefault("operator", ""));
        putInstant(body, clinic, form.get("startedAt"));
        putNumber(body, "temperatureC", form.get("temperatureC"), false);
        putNumber(body, "exposureMinutes", form.get("exposureMinutes"), true);
        putNumber(body, "dryingMinutes", form.get("dryingMinutes"), true);
        body.put("chemicalIndicator", form.getOrDefault("chemicalIndicator", ""));
        var packages = body.putArray("packages");
        int count = parseCount(form.get("packages"));
        String setId = form.getOrDefault("setId", "");
        for (int i = 0; i < count; i++) {
            ObjectNode p = packages.addObject();
            if (!setId.isBlank()) {
                p.put("setId", setId);
            }
        }
        try {
            Hygiene.Cycle c = hygiene.recordCycle(clinic, body, access.currentUser().orElseThrow().id());
            redirect.addFlashAttribute("flash", "Cycle recorded: " + c.status()
                    + (c.reasons().isEmpty() ? "" : " (" + String.join(", ", c.reasons()) + ")")
                    + (c.packages().isEmpty() ? "" : ". Package codes: "
                    + String.join(", ", c.packages().stream().map(Hygiene.PackageRef::code).toList())) + ".");
            return "redirect:/app/clinics/" + slug + "/sterilization";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field().startsWith("packages") ? "setId" : v.field(), v.reason()));
            response.setStatus(400);
            return page(model, m, errors, form);
        }
    }

    @PostMapping("/app/clinics/{slug}/sterilization/sterilizers")
    String addSterilizer(@PathVariable String slug, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.RECORD_STERILIZATION);
        ObjectNode body = json.createObjectNode();
        body.put("name", form.getOrDefault("name", ""));
        body.put("kind", form.getOrDefault("kind", ""));
        body.put("serial", form.getOrDefault("serial", ""));
        try {
            Hygiene.Sterilizer s = hygiene.addSterilizer(m.clinic(), body, access.currentUser().orElseThrow().id());
            redirect.addFlashAttribute("flash", "Sterilizer added: " + s.name() + ".");
            return "redirect:/app/clinics/" + slug + "/sterilization";
        } catch (InvalidInputException e) {
            return failed(model, m, e, form, "sterilizer.", response);
        }
    }

    @PostMapping("/app/clinics/{slug}/sterilization/spore-tests")
    String recordSporeTest(@PathVariable String slug, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.RECORD_STERILIZATION);
        ObjectNode body = json.createObjectNode();
        body.put("sterilizerId", form.getOrDefault("sterilizerId", ""));
        body.put("result", form.getOrDefault("result", ""));
        try {
            body.put("readAt", LocalDateTime.parse(form.getOrDefault("readAt", "").strip()).atZone(m.clinic().timeZone())
                    .toInstant().toString());
        } catch (DateTimeParseException e) {
            body.put("readAt", form.getOrDefault("readAt", ""));
        }
        try {
            Hygiene.SporeTest t = hygiene.recordSporeTest(m.clinic(), body, access.currentUser().orElseThrow().id());
            redirect.addFlashAttribute("flash", "fail".equals(t.result())
                    ? "Spore test failed: the sterilizer is out of service and " + t.recalled().size() + " packages are recalled."
                    : "Spore test passed.");
            return "redirect:/app/clinics/" + slug + "/sterilization";
        } catch (InvalidInputException e) {
            return failed(model, m, e, form, "spore.", response);
        }
    }

    private String failed(Model model, Membership m, InvalidInputException e, Map<String, String> form, String prefix,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.violations().forEach(v -> errors.putIfAbsent(prefix + v.field(), v.reason()));
        response.setStatus(400);
        return page(model, m, errors, form);
    }

    private static int parseCount(String text) {
        try {
            return Math.max(0, Math.min(20, Integer.parseInt(text == null ? "1" : text.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void putInstant(ObjectNode body, Clinic clinic, String local) {
        try {
            Instant at = LocalDateTime.parse(local == null ? "" : local.strip()).atZone(clinic.timeZone()).toInstant();
            body.put("startedAt", at.toString());
        } catch (DateTimeParseException e) {
            body.put("startedAt", local == null ? "" : local);
        }
    }

    private static void putNumber(ObjectNode body, String field, String text, boolean whole) {
        try {
            if (whole) {
                body.put(field, Integer.parseInt(text.strip()));
            } else {
                body.put(field, Double.parseDouble(text.strip()));
            }
        } catch (NumberFormatException | NullPointerException e) {
            body.put(field, text == null ? "" : text);
        }
    }

    private String page(Model model, Membership m, Map<String, String> errors, Map<String, String> form) {
        Clinic clinic = m.clinic();
        List<Hygiene.Sterilizer> sterilizers = hygiene.sterilizers(clinic);
        Map<java.util.UUID, String> names = new LinkedHashMap<>();
        sterilizers.forEach(s -> names.put(s.id(), s.name()));
        model.addAttribute("clinic", clinic);
        model.addAttribute("sterilizers", sterilizers.stream().map(s -> new SterilizerRow(s.id().toString(), s.name(), s.kind(),
                s.serial(), s.inService(), when(clinic, s.nextSporeTestDue()), s.sporeTestOverdue())).toList());
        model.addAttribute("cycles", hygiene.recentCycles(clinic, 20).stream().map(c -> new CycleRow(when(clinic, c.startedAt()),
                names.getOrDefault(c.sterilizerId(), ""), c.operator(),
                c.temperatureC() + " °C, " + c.exposureMinutes() + " min, drying " + c.dryingMinutes() + " min",
                c.status(), String.join(", ", c.reasons()),
                String.join(" ", c.packages().stream().map(Hygiene.PackageRef::code).toList()))).toList());
        model.addAttribute("sets", hygiene.sets(clinic));
        model.addAttribute("canRecord", com.clearskin.accounts.Permissions.decide(m.role(), Capability.RECORD_STERILIZATION,
                com.clearskin.accounts.ClientRelation.NONE).allowed());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("now", LocalDateTime.ofInstant(hygiene.now(), clinic.timeZone()).withSecond(0).withNano(0).toString());
        return "hygiene/room";
    }

    private static String when(Clinic clinic, Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(clinic.timeZone()));
    }
}

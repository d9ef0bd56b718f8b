package com.clearskin.hygiene.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.clinics.Clinic;
import com.clearskin.hygiene.ClinicSterilizationSettings;
import com.clearskin.hygiene.Hygiene;
import com.clearskin.hygiene.SterilizationRules;
import com.clearskin.hygiene.SterilizationSettings;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.StoredSettings;
import com.clearskin.sessions.SessionDesk;
import com.clearskin.sessions.SessionPanel;
import com.clearskin.sessions.SessionPdf;
import com.clearskin.sessions.SessionViews;
import com.clearskin.sessions.TreatmentSession;
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

    record StockRow(String code, String set, String sterilized, String expires, boolean expiringSoon) {
    }

    record RecallRow(String id, String readAt, String sterilizer, int packages) {
    }

    private final ClinicAccess access;
    private final Hygiene hygiene;
    private final JsonMapper json;
    private final SessionDesk desk;
    private final SessionViews views;
    private final Recalls recalls;
    private final ClinicSterilizationSettings settings;

    HygienePages(ClinicAccess access, Hygiene hygiene, JsonMapper json, SessionDesk desk, SessionViews views, Recalls recalls,
            ClinicSterilizationSettings settings) {
        this.access = access;
        this.hygiene = hygiene;
        this.json = json;
        this.desk = desk;
        this.views = views;
        this.recalls = recalls;
        this.settings = settings;
    }

    // ---- the session's instruments ----

    @GetMapping("/app/clinics/{slug}/sessions/{id}/instruments")
    String sessionInstruments(@PathVariable String slug, @PathVariable String id, Model model) {
        access.require(slug, Capability.READ_STERILIZATION_LOG);
        SessionDesk.Granted g = desk.session(slug, id, Capability.READ_RECORD_STATUS);
        return instrumentsPage(model, g, Map.of(), Map.of(), null);
    }

    @PostMapping("/app/clinics/{slug}/sessions/{id}/instruments/package")
    String recordPackage(@PathVariable String slug, @PathVariable String id, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ObjectNode body = json.createObjectNode();
        body.put("package", form.getOrDefault("package", ""));
        return recordUse(slug, id, body, form, response, model, redirect);
    }

    @PostMapping("/app/clinics/{slug}/sessions/{id}/instruments/single-use")
    String recordSingleUse(@PathVariable String slug, @PathVariable String id, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ObjectNode body = json.createObjectNode();
        ObjectNode single = body.putObject("singleUse");
        single.put("product", form.getOrDefault("product", ""));
        single.put("lot", form.getOrDefault("lot", ""));
        return recordUse(slug, id, body, form, response, model, redirect);
    }

    private String recordUse(String slug, String id, ObjectNode body, Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        access.require(slug, Capability.RECORD_STERILIZATION);
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        if (g.session().signed()) {
            response.setStatus(409);
            return instrumentsPage(model, g, Map.of(), form, "The record is signed: it cannot change. Add an addendum instead.");
        }
        try {
            Hygiene.Use u = hygiene.recordUse(g.clinic(), g.session().id(), body, g.userId());
            redirect.addFlashAttribute("flash", u.packageCode() != null ? "Package " + u.packageCode() + " recorded."
                    : "Single-use " + u.product() + " (lot " + u.lot() + ") recorded.");
            return "redirect:/app/clinics/" + slug + "/sessions/" + g.session().id() + "/instruments";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
            response.setStatus(400);
            return instrumentsPage(model, g, errors, form, null);
        } catch (ConflictException e) {
            response.setStatus(409);
            return instrumentsPage(model, g, Map.of(), form, e.getMessage());
        }
    }

    private String instrumentsPage(Model model, SessionDesk.Granted g, Map<String, String> errors, Map<String, String> form,
            String problem) {
        Clinic clinic = g.clinic();
        TreatmentSession s = g.session();
        model.addAttribute("clinic", clinic);
        model.addAttribute("treatment", views.treatmentName(clinic, s.treatment()));
        model.addAttribute("uses", hygiene.uses(clinic, s.id()));
        model.addAttribute("missing", views.panels(clinic, s).stream().filter(p -> "instruments".equals(p.id()))
                .map(SessionPanel.Panel::warning).filter(java.util.Objects::nonNull).findFirst().orElse(null));
        model.addAttribute("mayRecord", !s.signed() && allowed(g.membership(), Capability.RECORD_STERILIZATION)
                && desk.may(g.membership(), s.clientId(), Capability.WRITE_RECORD));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("base", "/app/clinics/" + clinic.slug() + "/sessions/" + s.id() + "/instruments");
        model.addAttribute("sessionHref", "/app/clinics/" + clinic.slug() + "/sessions/" + s.id());
        model.addAttribute("fmt", new SessionPdf.Formatter(clinic));
        return "hygiene/session-instruments";
    }

    // ---- the recall ----

    @GetMapping("/app/clinics/{slug}/sterilization/recalls/{id}")
    String recall(@PathVariable String slug, @PathVariable String id, Model model) {
        Membership m = access.require(slug, Capability.READ_STERILIZATION_LOG);
        return recallPage(model, m, Ids.orNotFound(id, "No spore test " + id + "."), Map.of(), Map.of());
    }

    @PostMapping("/app/clinics/{slug}/sterilization/recalls/{id}/actions")
    String recallAction(@PathVariable String slug, @PathVariable String id, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.RECORD_STERILIZATION);
        java.util.UUID testId = Ids.orNotFound(id, "No spore test " + id + ".");
        ObjectNode body = json.createObjectNode();
        String client = form.getOrDefault("clientId", "");
        if (!client.isBlank()) {
            body.put("clientId", client);
        }
        body.put("action", form.getOrDefault("action", ""));
        body.put("note", form.getOrDefault("note", ""));
        try {
            recalls.act(m, testId, body, access.currentUser().orElseThrow().id());
            redirect.addFlashAttribute("flash", "Recorded.");
            return "redirect:/app/clinics/" + slug + "/sterilization/recalls/" + testId;
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
            response.setStatus(400);
            return recallPage(model, m, testId, errors, form);
        }
    }

    private String recallPage(Model model, Membership m, java.util.UUID testId, Map<String, String> errors, Map<String, String> form) {
        Clinic clinic = m.clinic();
        Recalls.Recall r = recalls.recall(m, testId);
        Map<java.util.UUID, String> practitioners = views.practitionerNames(clinic);
        Map<java.util.UUID, String> names = new LinkedHashMap<>();
        r.clients().forEach(c -> names.put(c.id(), c.name()));
        Map<java.util.UUID, String> lastAction = new LinkedHashMap<>();
        r.actions().forEach(a -> {
            if (a.clientId() != null) {
                lastAction.put(a.clientId(), a.action());
            }
        });
        model.addAttribute("clinic", clinic);
        model.addAttribute("recall", r);
        model.addAttribute("sterilizer", hygiene.requireSterilizer(clinic, r.sterilizerId()).name());
        model.addAttribute("readAt", when(clinic, r.readAt()));
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("clientNames", names);
        model.addAttribute("lastAction", lastAction);
        model.addAttribute("closed", r.actions().stream().anyMatch(a -> "closed".equals(a.action())));
        model.addAttribute("actions", Hygiene.RECALL_ACTIONS);
        model.addAttribute("canRecord", allowed(m, Capability.RECORD_STERILIZATION));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("fmt", new SessionPdf.Formatter(clinic));
        return "hygiene/recall";
    }

    // ---- sets, repairs and settings from the room ----

    @PostMapping("/app/clinics/{slug}/sterilization/sets")
    String addSet(@PathVariable String slug, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.RECORD_STERILIZATION);
        ObjectNode body = json.createObjectNode();
        body.put("name", form.getOrDefault("name", ""));
        var list = body.putArray("instruments");
        for (String line : form.getOrDefault("instruments", "").split("[\\n,]")) {
            if (!line.isBlank()) {
                list.add(line.strip());
            }
        }
        try {
            Hygiene.InstrumentSet set = hygiene.addSet(m.clinic(), body, access.currentUser().orElseThrow().id());
            redirect.addFlashAttribute("flash", "Instrument set added: " + set.name() + ".");
            return "redirect:/app/clinics/" + slug + "/sterilization";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent("set." + (v.field().startsWith("instruments") ? "instruments" : v.field()),
                    v.reason()));
            response.setStatus(400);
            return page(model, m, errors, form);
        }
    }

    @PostMapping("/app/clinics/{slug}/sterilization/repairs")
    String addRepair(@PathVariable String slug, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.RECORD_STERILIZATION);
        ObjectNode body = json.createObjectNode();
        body.put("note", form.getOrDefault("note", ""));
        putInstant(body, "repairedAt", m.clinic(), form.get("repairedAt"));
        try {
            hygiene.addRepair(m.clinic(), Ids.parse(form.getOrDefault("sterilizerId", "")).orElseThrow(
                    () -> new InvalidInputException("sterilizerId", "choose a sterilizer")), body,
                    access.currentUser().orElseThrow().id());
            redirect.addFlashAttribute("flash", "Repair recorded: run a spore test before relying on the sterilizer again.");
            return "redirect:/app/clinics/" + slug + "/sterilization";
        } catch (InvalidInputException e) {
            return failed(model, m, e, form, "repair.", response);
        } catch (com.clearskin.platform.NotFoundException e) {
            return failed(model, m, new InvalidInputException("sterilizerId", "is not a sterilizer of this clinic"), form,
                    "repair.", response);
        }
    }

    @PostMapping("/app/clinics/{slug}/sterilization/settings")
    String changeSettings(@PathVariable String slug, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RECORD_SETTINGS);
        StoredSettings<SterilizationSettings> current = settings.current(m.clinic());
        Map<String, List<SterilizationRules.Minimum>> minimums = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        current.settings().minimums().forEach((kind, list) -> {
            List<SterilizationRules.Minimum> edited = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String t = form.get(kind + "." + i + ".temperatureC");
                String e = form.get(kind + "." + i + ".exposureMinutes");
                try {
                    edited.add(new SterilizationRules.Minimum(Double.parseDouble(t.strip()), Integer.parseInt(e.strip())));
                } catch (NumberFormatException | NullPointerException x) {
                    errors.putIfAbsent("settings.minimums." + kind + "[" + i + "]", "give a temperature and whole minutes");
                    edited.add(list.get(i));
                }
            }
            minimums.put(kind, edited);
        });
        Integer shelfLife = null;
        String shelf = form.getOrDefault("shelfLifeDays", "").strip();
        if (!shelf.isEmpty()) {
            try {
                shelfLife = Integer.valueOf(shelf);
            } catch (NumberFormatException x) {
                errors.put("settings.shelfLifeDays", "must be whole days, or empty for event-related");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(model, m, errors, form);
        }
        try {
            SterilizationSettings edited = new SterilizationSettings(minimums, shelfLife, "block".equals(form.get("overdue")),
                    current.settings().sources(), "on".equals(form.get("showOnPublicProfile")));
            settings.update(m.clinic(), edited, current.revision(), access.currentUser().orElseThrow().id());
            redirect.addFlashAttribute("flash", "Sterilization settings saved.");
            return "redirect:/app/clinics/" + slug + "/sterilization";
        } catch (InvalidInputException e) {
            return failed(model, m, e, form, "settings.", response);
        }
    }

    private static boolean allowed(Membership m, Capability capability) {
        return com.clearskin.accounts.Permissions.decide(m.role(), capability, com.clearskin.accounts.ClientRelation.NONE).allowed();
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
        putInstant(body, "startedAt", clinic, form.get("startedAt"));
        putNumber(body, "temperatureC", form.get("temperatureC"), false);
        putNumber(body, "exposureMinutes", form.get("exposureMinutes"), true);
        putNumber(body, "dryingMinutes", form.get("dryingMinutes"), true);
        body.put("chemicalIndicator", form.getOrDefault("chemicalIndicator", ""));
        body.put("implantLoad", "on".equals(form.get("implantLoad")) || "true".equals(form.get("implantLoad")));
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

    private static void putInstant(ObjectNode body, String field, Clinic clinic, String local) {
        try {
            Instant at = LocalDateTime.parse(local == null ? "" : local.strip()).atZone(clinic.timeZone()).toInstant();
            body.put(field, at.toString());
        } catch (DateTimeParseException e) {
            body.put(field, local == null ? "" : local);
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
        List<Hygiene.InstrumentSet> sets = hygiene.sets(clinic);
        Map<java.util.UUID, String> setNames = new LinkedHashMap<>();
        sets.forEach(x -> setNames.put(x.id(), x.name()));
        model.addAttribute("sets", sets);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(hygiene.now(), clinic.timeZone());
        model.addAttribute("stock", hygiene.stock(clinic).stream().map(p -> new StockRow(p.code(),
                p.setId() == null ? "Loose instruments" : setNames.getOrDefault(p.setId(), ""), when(clinic, p.sterilizedAt()),
                p.expires() == null ? "Event-related" : p.expires().toString(),
                p.expires() != null && !p.expires().isAfter(today.plusDays(7)))).toList());
        model.addAttribute("recalls", hygiene.failedTests(clinic).stream().map(t -> new RecallRow(t.id().toString(),
                when(clinic, t.readAt()), names.getOrDefault(t.sterilizerId(), ""), t.recalled().size())).toList());
        StoredSettings<SterilizationSettings> current = settings.current(clinic);
        model.addAttribute("settings", current.settings());
        model.addAttribute("settingsCustomized", current.customized());
        model.addAttribute("canEditSettings", allowed(m, Capability.EDIT_RECORD_SETTINGS));
        model.addAttribute("canRecord", allowed(m, Capability.RECORD_STERILIZATION));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("now", LocalDateTime.ofInstant(hygiene.now(), clinic.timeZone()).withSecond(0).withNano(0).toString());
        return "hygiene/room";
    }

    private static String when(Clinic clinic, Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(clinic.timeZone()));
    }
}

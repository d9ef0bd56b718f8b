package com.clearskin.sessions.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.Membership;
import com.clearskin.assessment.Answer;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.consent.Consents;
import com.clearskin.consent.Signature;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.sessions.Chart;
import com.clearskin.sessions.SessionDesk;
import com.clearskin.sessions.SessionPdf;
import com.clearskin.sessions.SessionSettings;
import com.clearskin.sessions.SessionView;
import com.clearskin.sessions.SessionViews;
import com.clearskin.sessions.Sessions;
import com.clearskin.sessions.TodayCheck;
import com.clearskin.sessions.TreatmentSession;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pages of the visit: starting it (consent, the day's check, cautions), the tablet-first session
 * screen (the current step large with its countdown, notes, the chart, signing, addenda), the
 * co-sign queue, a client's history with records and PDFs, and the client's own records in the portal.
 */
@Controller
class SessionPages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SessionDesk desk;
    private final Sessions sessions;
    private final SessionViews views;
    private final SessionPdf pdf;
    private final SessionSettings settings;
    private final Appointments appointments;
    private final Consents consents;
    private final Clients clients;
    private final ClientAssessments assessments;

    SessionPages(SessionDesk desk, Sessions sessions, SessionViews views, SessionPdf pdf, SessionSettings settings,
            Appointments appointments, Consents consents, Clients clients, ClientAssessments assessments) {
        this.desk = desk;
        this.sessions = sessions;
        this.views = views;
        this.pdf = pdf;
        this.settings = settings;
        this.appointments = appointments;
        this.consents = consents;
        this.clients = clients;
        this.assessments = assessments;
    }

    /** The visit of an appointment: its session when there is one, else what starting it needs. */
    @GetMapping("/app/clinics/{slug}/appointments/{id}/visit")
    String visit(@PathVariable String slug, @PathVariable String id, Model model) {
        Appointment a = desk.appointment(slug, id, Capability.READ_RECORD_STATUS);
        Membership m = desk.member(slug);
        Optional<TreatmentSession> existing = sessions.forAppointment(m.clinic(), a.id());
        if (existing.isPresent() && desk.may(m, a.clientId(), Capability.READ_RECORD)) {
            return "redirect:/app/clinics/" + slug + "/sessions/" + existing.get().id();
        }
        return visitPage(model, m, a, existing.orElse(null), Map.of(), List.of(), null, Map.of());
    }

    @PostMapping("/app/clinics/{slug}/appointments/{id}/visit")
    String start(@PathVariable String slug, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model) {
        Appointment a = desk.appointment(slug, id, Capability.WRITE_RECORD);
        Membership m = desk.member(slug);
        ObjectNode body = NODES.objectNode();
        ObjectNode check = body.putObject("todayCheck");
        Map<String, String> answers = new LinkedHashMap<>();
        for (String field : TodayCheck.QUESTIONS.keySet()) {
            String answer = form.getFirst(field);
            answers.put(field, answer);
            if ("yes".equals(answer) || "no".equals(answer)) {
                check.put(field, "yes".equals(answer));
            }
        }
        ArrayNode acks = body.putArray("acknowledgedCautions");
        Map<String, String> reasons = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("ack.") && !values.isEmpty() && !values.get(0).isBlank()) {
                acks.addObject().put("rule", key.substring(4)).put("reason", values.get(0));
                reasons.put(key.substring(4), values.get(0));
            }
        });
        try {
            TreatmentSession s = sessions.start(m.clinic(), a, body, desk.userId());
            return "redirect:/app/clinics/" + slug + "/sessions/" + s.id();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return visitPage(model, m, a, null, answers, List.of(), "Answer every question of the day's check: "
                    + "unknown is never no.", reasons);
        } catch (ConflictException e) {
            response.setStatus(409);
            List<Map<String, String>> cautions = new ArrayList<>();
            if (e.properties().get("cautions") instanceof List<?> list) {
                list.forEach(c -> {
                    if (c instanceof Map<?, ?> map) {
                        cautions.add(Map.of("rule", String.valueOf(map.get("rule")), "text", String.valueOf(map.get("text"))));
                    }
                });
            }
            return visitPage(model, m, a, null, answers, cautions, e.getMessage(), reasons);
        }
    }

    private String visitPage(Model model, Membership m, Appointment a, TreatmentSession existing,
            Map<String, String> answers, List<Map<String, String>> cautions, String problem, Map<String, String> reasons) {
        Clinic clinic = m.clinic();
        model.addAttribute("clinic", clinic);
        model.addAttribute("appointment", a);
        model.addAttribute("treatmentName", views.treatmentName(clinic, a.treatment()));
        model.addAttribute("clientName", clients.find(clinic, a.clientId()).map(Client::fullName).orElse(""));
        model.addAttribute("checkedIn", a.status() == AppointmentStatus.CHECKED_IN);
        model.addAttribute("visitSession", existing);
        model.addAttribute("mayWrite", desk.may(m, a.clientId(), Capability.WRITE_RECORD));
        model.addAttribute("consent", consents.holding(clinic, a.clientId(), a.treatment()).orElse(null));
        model.addAttribute("questions", TodayCheck.QUESTIONS);
        model.addAttribute("answers", answers);
        model.addAttribute("cautions", cautions);
        model.addAttribute("reasons", reasons);
        model.addAttribute("problem", problem);
        model.addAttribute("appointmentHref", "/app/clinics/" + clinic.slug() + "/appointments/" + a.id());
        return "sessions/visit";
    }

    @GetMapping("/app/clinics/{slug}/sessions/{id}")
    String session(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String step,
            Model model) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.READ_RECORD);
        desk.audited(g.membership(), g.session().clientId(), "session screen");
        Integer shown = null;
        try {
            shown = step == null ? null : Integer.valueOf(step.strip());
        } catch (NumberFormatException e) {
            // an unknown step shows the current one
        }
        return sessionPage(model, g, shown, List.of(), null);
    }

    private String sessionPage(Model model, SessionDesk.Granted g, Integer step,
            List<InvalidInputException.Violation> violations, String problem) {
        Clinic clinic = g.clinic();
        SessionView v = views.of(clinic, g.session());
        SessionView.StepView shown = step == null ? v.current()
                : v.steps().stream().filter(s -> s.order() == step).findFirst().orElse(v.current());
        model.addAttribute("clinic", clinic);
        model.addAttribute("s", v);
        model.addAttribute("shown", shown);
        model.addAttribute("previous", shown == null ? null : v.steps().stream()
                .filter(s -> s.order() < shown.order()).reduce((x, y) -> y).orElse(null));
        model.addAttribute("next", shown == null ? null : v.steps().stream()
                .filter(s -> s.order() > shown.order()).findFirst().orElse(null));
        model.addAttribute("serverNow", v.serverTime().toString());
        model.addAttribute("alerts", alerts(clinic, g.session()));
        model.addAttribute("lastPreferences", sessions.lastPreferences(clinic, g.session().clientId(), g.session().id())
                .orElse(null));
        model.addAttribute("chart", v.chart() == null ? Chart.empty() : v.chart());
        model.addAttribute("severities", Chart.SEVERITIES);
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of(clinic.timeZone().getId())).toString());
        model.addAttribute("violations", violations);
        model.addAttribute("problem", problem);
        model.addAttribute("mayWrite", desk.may(g.membership(), g.session().clientId(), Capability.WRITE_RECORD));
        model.addAttribute("mayCosign", v.cosign().required() && "awaiting-cosign".equals(v.status())
                && desk.isMedicalDirector(g.membership()));
        model.addAttribute("base", "/app/clinics/" + clinic.slug() + "/sessions/" + v.id());
        model.addAttribute("fmt", new SessionPdf.Formatter(clinic));
        model.addAttribute("panels", views.panels(clinic, g.session()));
        return "sessions/session";
    }

    /** What the practitioner must keep in mind: allergies and answers from the intake, the day's cautions. */
    private List<String> alerts(Clinic clinic, TreatmentSession s) {
        List<String> alerts = new ArrayList<>();
        clients.find(clinic, s.clientId()).flatMap(c -> assessments.effective(clinic, c)).ifPresentOrElse(a -> {
            if (a.answer(MedicalFlag.SALICYLATE_ALLERGY) == Answer.YES) {
                alerts.add("Allergy: salicylates (aspirin, salicylic acid).");
            }
            for (MedicalFlag flag : List.of(MedicalFlag.COLD_SORE_HISTORY, MedicalFlag.KELOID_TENDENCY,
                    MedicalFlag.PHOTOSENSITIZING_MEDICATION, MedicalFlag.ROSACEA_OR_ECZEMA_FLARE, MedicalFlag.EPILEPSY)) {
                if (a.answer(flag) == Answer.YES) {
                    alerts.add("Intake: yes to \"" + flag.question() + "\"");
                }
            }
        }, () -> alerts.add("No intake on file."));
        s.safety().acknowledgedCautions().forEach(c -> alerts.add("Caution " + c.rule() + " acknowledged: " + c.reason()));
        return alerts;
    }

    @PostMapping("/app/clinics/{slug}/sessions/{id}/steps/{order}/{action}")
    String step(@PathVariable String slug, @PathVariable String id, @PathVariable("order") String orderText,
            @PathVariable String action, @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        int order;
        try {
            order = Integer.parseInt(orderText);
        } catch (NumberFormatException e) {
            throw new NotFoundException("The session has no step " + orderText + ".");
        }
        try {
            switch (action) {
                case "start" -> sessions.startStep(g.clinic(), g.session().id(), order, g.userId());
                case "complete" -> sessions.completeStep(g.clinic(), g.session().id(), order, notes, g.userId());
                default -> throw new NotFoundException("Nothing is at this address.");
            }
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        int shown = "complete".equals(action) ? order + 1 : order;
        boolean last = g.session().steps().stream().noneMatch(s -> s.order() == order + 1);
        return "redirect:/app/clinics/" + slug + "/sessions/" + g.session().id()
                + ("complete".equals(action) && last ? "#chart" : "?step=" + shown);
    }

    @PostMapping("/app/clinics/{slug}/sessions/{id}/chart")
    String chart(@PathVariable String slug, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        try {
            sessions.saveChart(g.clinic(), g.session().id(), chartJson(form), g.userId());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return sessionPage(model, g, null, e.violations(), "The chart was not saved.");
        } catch (ConflictException e) {
            response.setStatus(409);
            return sessionPage(model, g, null, List.of(), e.getMessage());
        }
        redirect.addFlashAttribute("flash", "The chart is saved.");
        return "redirect:/app/clinics/" + slug + "/sessions/" + g.session().id() + "#chart";
    }

    /** The chart form as the API's JSON: rows left blank are left out; settings typed as "name=value; name=value". */
    static JsonNode chartJson(MultiValueMap<String, String> form) {
        ObjectNode chart = NODES.objectNode();
        ArrayNode products = chart.putArray("products");
        List<String> names = form.getOrDefault("productName", List.of());
        for (int i = 0; i < names.size(); i++) {
            String lot = at(form, "productLot", i);
            String expires = at(form, "productExpires", i);
            if (!names.get(i).isBlank() || !lot.isBlank() || !expires.isBlank()) {
                products.addObject().put("name", names.get(i)).put("lot", lot).put("expires", expires);
            }
        }
        ArrayNode devices = chart.putArray("devices");
        List<String> deviceNames = form.getOrDefault("deviceName", List.of());
        for (int i = 0; i < deviceNames.size(); i++) {
            String settingsText = at(form, "deviceSettings", i);
            if (deviceNames.get(i).isBlank() && settingsText.isBlank()) {
                continue;
            }
            ObjectNode device = devices.addObject().put("name", deviceNames.get(i));
            ObjectNode settings = device.putObject("settings");
            for (String pair : settingsText.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String key = pair.substring(0, eq).strip();
                    String value = pair.substring(eq + 1).strip();
                    try {
                        settings.put(key, new BigDecimal(value));
                    } catch (NumberFormatException e) {
                        settings.put(key, value);
                    }
                }
            }
        }
        String erythema = first(form, "erythema");
        String edema = first(form, "edema");
        if (!erythema.isBlank() || !edema.isBlank()) {
            ObjectNode skin = chart.putObject("skinResponse");
            putNumber(skin, "erythema", erythema);
            putNumber(skin, "edema", edema);
        }
        ArrayNode events = chart.putArray("adverseEvents");
        String event = first(form, "eventDescription");
        if (!event.isBlank()) {
            events.addObject().put("description", event).put("severity", first(form, "eventSeverity"));
        }
        ObjectNode notes = chart.putObject("notes");
        for (String f : List.of("subjective", "objective", "assessment", "plan")) {
            notes.put(f, first(form, f));
        }
        ObjectNode preferences = chart.putObject("preferences");
        for (String f : List.of("music", "aroma", "lighting", "pressure")) {
            preferences.put(f, first(form, f));
        }
        return chart;
    }

    private static void putNumber(ObjectNode node, String field, String value) {
        try {
            node.put(field, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            node.put(field, value);
        }
    }

    private static String first(MultiValueMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v;
    }

    private static String at(MultiValueMap<String, String> form, String key, int i) {
        List<String> values = form.getOrDefault(key, List.of());
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    @PostMapping("/app/clinics/{slug}/sessions/{id}/sign")
    String sign(@PathVariable String slug, @PathVariable String id, RedirectAttributes redirect) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        try {
            sessions.sign(g.clinic(), g.session().id(), g.userId());
            redirect.addFlashAttribute("flash", "The record is signed.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/app/clinics/" + slug + "/sessions/" + g.session().id();
    }

    @PostMapping("/app/clinics/{slug}/sessions/{id}/addenda")
    String addendum(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        try {
            sessions.addAddendum(g.clinic(), g.session().id(), text, g.userId());
            redirect.addFlashAttribute("flash", "The addendum is added.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", "Write the addendum's text first.");
        }
        return "redirect:/app/clinics/" + slug + "/sessions/" + g.session().id() + "#addenda";
    }

    @PostMapping("/app/clinics/{slug}/sessions/{id}/cosign")
    String cosign(@PathVariable String slug, @PathVariable String id, RedirectAttributes redirect) {
        SessionDesk.Granted g = desk.forCosign(slug, id);
        try {
            sessions.cosign(g.clinic(), g.session().id(), g.userId());
            redirect.addFlashAttribute("flash", "Co-signed.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/app/clinics/" + slug + "/cosign-queue";
    }

    @GetMapping("/app/clinics/{slug}/sessions/{id}/record.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String slug, @PathVariable String id) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.READ_RECORD);
        byte[] out = pdf.render(g.clinic(), views.of(g.clinic(), g.session()));
        desk.exported(g.membership(), g.session().clientId(), "session record PDF");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline; filename=\"session-" + g.session().id() + ".pdf\"").body(out);
    }

    @GetMapping("/app/clinics/{slug}/cosign-queue")
    String queue(@PathVariable String slug, Model model) {
        Membership m = desk.forQueue(slug);
        List<TreatmentSession> waiting = sessions.awaitingCosign(m.clinic());
        waiting.stream().map(TreatmentSession::clientId).distinct().forEach(c -> desk.audited(m, c, "co-sign queue"));
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("waiting", views.of(m.clinic(), waiting));
        model.addAttribute("director", desk.isMedicalDirector(m));
        model.addAttribute("admin", m.isAdmin());
        model.addAttribute("directorId", settings.medicalDirector(m.clinic()).orElse(null));
        model.addAttribute("physicians", views.practitionerNames(m.clinic()));
        model.addAttribute("fmt", new SessionPdf.Formatter(m.clinic()));
        return "sessions/queue";
    }

    @PostMapping("/app/clinics/{slug}/cosign-queue/director")
    String director(@PathVariable String slug, @RequestParam(required = false) String medicalDirectorId,
            RedirectAttributes redirect) {
        Membership m = desk.require(slug, Capability.EDIT_RECORD_SETTINGS);
        try {
            settings.changeMedicalDirector(m.clinic(), medicalDirectorId, null, desk.userId());
            redirect.addFlashAttribute("flash", "The medical director is saved.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", e.violations().get(0).reason());
        }
        return "redirect:/app/clinics/" + slug + "/cosign-queue";
    }

    @GetMapping("/app/clinics/{slug}/clients/{id}/records")
    String history(@PathVariable String slug, @PathVariable String id, Model model) {
        Membership m = desk.client(slug, id, Capability.READ_RECORD);
        UUID clientId = UUID.fromString(id);
        List<TreatmentSession> list = sessions.forClient(m.clinic(), clientId);
        List<Signature> signed = consents.forClient(m.clinic(), clientId);
        if (!list.isEmpty()) {
            desk.audited(m, clientId, list.size() + " session record(s)");
        }
        if (!signed.isEmpty()) {
            desk.audited(m, clientId, "consents listed");
        }
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", clients.find(m.clinic(), clientId).map(Client::fullName).orElse(""));
        model.addAttribute("records", views.of(m.clinic(), list));
        model.addAttribute("consents", signed);
        model.addAttribute("now", consents.now());
        model.addAttribute("fmt", new SessionPdf.Formatter(m.clinic()));
        return "sessions/history";
    }

    @GetMapping("/app/clinics/{slug}/portal/records")
    String mine(@PathVariable String slug, Model model) {
        Membership m = desk.member(slug);
        UUID own = desk.ownClient(m).orElseThrow(() -> new NotFoundException("No client record of yours here."));
        Clinic clinic = m.clinic();
        List<Signature> signed = consents.forClient(clinic, own);
        var visits = views.summaries(clinic, own);
        if (!signed.isEmpty() || !visits.isEmpty()) {
            desk.audited(m, own, "portal: consents and visits");
        }
        Instant now = consents.now();
        List<Appointment> upcoming = appointments.forClient(clinic, own).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED || a.status() == AppointmentStatus.CHECKED_IN)
                .filter(a -> consents.holding(clinic, own, a.treatment()).isEmpty())
                .sorted(Comparator.comparing(Appointment::start)).toList();
        model.addAttribute("clinic", clinic);
        model.addAttribute("consents", signed);
        model.addAttribute("visits", visits);
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("treatmentNames", upcoming.stream().map(Appointment::treatment).distinct()
                .collect(java.util.stream.Collectors.toMap(c -> c, c -> views.treatmentName(clinic, c))));
        model.addAttribute("now", now);
        model.addAttribute("fmt", new SessionPdf.Formatter(clinic));
        return "sessions/mine";
    }
}

package com.clearskin.followups.web;

import com.clearskin.booking.Slot;
import com.clearskin.followups.CheckIns;
import com.clearskin.followups.VisitLinkActions;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ContentTooLargeException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.RuleRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The small public page behind each one-click link of a message: it says what the link does and
 * asks once more (a mail scanner that opens the link changes nothing: only the button acts).
 */
@Controller
class VisitLinkPages {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter CHOICE = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    /** A free time to move to. */
    record Choice(String start, String label) {
    }

    private final VisitLinkActions actions;

    VisitLinkPages(VisitLinkActions actions) {
        this.actions = actions;
    }

    @GetMapping("/visits/{token}")
    String show(@PathVariable String token, Model model) {
        return page(model, token, actions.view(token), null, null, Map.of(), Map.of());
    }

    @PostMapping("/visits/{token}")
    String act(@PathVariable String token, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(value = "photo", required = false) MultipartFile photo, Model model, HttpServletResponse response) {
        VisitLinkActions.View view = actions.view(token);
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        try {
            return switch (view.purpose()) {
                case "confirm" -> page(model, token, actions.confirm(token), "Thank you: we look forward to seeing you.",
                        null, Map.of(), Map.of());
                case "cancel" -> page(model, token, actions.cancel(token, form.getFirst("reason")),
                        "Your appointment is cancelled.", null, Map.of(), Map.of());
                case "reschedule" -> {
                    String start = form.getFirst("start");
                    if (start == null || start.isBlank()) {
                        throw new InvalidInputException("start", "Choose one of the free times.");
                    }
                    yield page(model, token, actions.reschedule(token, VisitLinkApi.instant(start)),
                            "Your appointment is moved.", null, Map.of(), Map.of());
                }
                default -> {
                    CheckIns.Recorded recorded = actions.checkIn(token, CheckInAnswers.read(
                            CheckInAnswers.json().writeValueAsString(answers(form))),
                            CheckInAnswers.photo(photo, form.getFirst("area")));
                    model.addAttribute("escalated", recorded.escalated());
                    yield page(model, token, actions.view(token), recorded.escalated()
                            ? "Thank you. Your practitioner will contact you soon. If it gets worse, call the clinic now."
                            : "Thank you. Your answers are with your practitioner.", null, Map.of(), Map.of());
                }
            };
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
            return page(model, token, view, null, "Please check what you entered.", errors, values);
        } catch (ContentTooLargeException e) {
            response.setStatus(413);
            return page(model, token, view, null, "Please check what you entered.", Map.of(e.field(), e.getMessage()), values);
        } catch (RuleRefusedException e) {
            response.setStatus(422);
            return page(model, token, view, null, e.getMessage(), Map.of(), values);
        } catch (ConflictException e) {
            response.setStatus(409);
            return page(model, token, actions.view(token), null, e.getMessage(), Map.of(), values);
        }
    }

    /** The form's fields as the API's body, so that both are validated by the same code. */
    static ObjectNode answers(MultiValueMap<String, String> form) {
        ObjectNode node = CheckInAnswers.json().createObjectNode();
        number(node, "redness", form.getFirst("redness"));
        number(node, "pain", form.getFirst("pain"));
        node.put("peeling", "on".equals(form.getFirst("peeling")));
        node.put("swelling", "on".equals(form.getFirst("swelling")));
        ArrayNode signs = node.putArray("warningSigns");
        List<String> given = form.get("warningSigns");
        if (given != null) {
            given.forEach(signs::add);
        }
        String note = form.getFirst("note");
        if (note != null && !note.isBlank()) {
            node.put("note", note);
        }
        return node;
    }

    private static void number(ObjectNode node, String field, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            node.put(field, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            node.put(field, text);
        }
    }

    private String page(Model model, String token, VisitLinkActions.View view, String done, String problem,
            Map<String, String> errors, Map<String, String> values) {
        ZoneId zone = view.clinic().timeZone();
        model.addAttribute("token", token);
        model.addAttribute("view", view);
        model.addAttribute("clinicName", view.clinic().name());
        model.addAttribute("date", DATE.format(view.start().atZone(zone)));
        model.addAttribute("time", TIME.format(view.start().atZone(zone)));
        model.addAttribute("zone", zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        model.addAttribute("done", done);
        model.addAttribute("problem", problem);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("signs", List.of(new String[] {"pus", "Pus"}, new String[] {"fever", "Fever"},
                new String[] {"spreading-redness", "Redness that spreads"}, new String[] {"blisters", "Blisters"},
                new String[] {"severe-pain", "Severe pain"}));
        model.addAttribute("areas", CheckInAnswers.areas());
        List<Choice> choices = List.of();
        if (view.purpose().equals("reschedule") && view.state().equals("open") && done == null) {
            List<Slot> free = actions.freeTimes(token);
            choices = free.stream().map(s -> new Choice(s.start().toString(),
                    CHOICE.format(s.start().atZoneSameInstant(zone)))).toList();
        }
        model.addAttribute("choices", choices);
        return "followups/visit-link";
    }
}

package com.clearskin.followups.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.followups.ClinicMessageSettings;
import com.clearskin.followups.FollowUpKind;
import com.clearskin.followups.MessageSettings;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.StoredSettings;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff page of the clinic's message settings (owners and admins change them). */
@Controller
class MessageSettingsPages {

    static final String DAYS = "checkInDays.";
    static final String KIND = "kinds.";

    /** A kind of message with its words. */
    record KindChoice(String code, String label) {
    }

    private final ClinicAccess access;
    private final ClinicMessageSettings settings;
    private final ClinicCatalog catalog;

    MessageSettingsPages(ClinicAccess access, ClinicMessageSettings settings, ClinicCatalog catalog) {
        this.access = access;
        this.settings = settings;
        this.catalog = catalog;
    }

    @GetMapping("/app/clinics/{slug}/message-settings")
    String show(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        StoredSettings<MessageSettings> current = settings.effective(m.clinic());
        return page(model, m, current, values(current.settings()), Map.of(), null);
    }

    @PostMapping("/app/clinics/{slug}/message-settings")
    String save(@PathVariable String slug, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_CLINIC_PROFILE);
        StoredSettings<MessageSettings> current = settings.effective(m.clinic());
        Map<String, String> values = form.toSingleValueMap();
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            MessageSettings edited = read(values, catalog.list(m.clinic()));
            settings.update(m.clinic(), edited, revision(values.get("revision")), access.currentUser().orElseThrow().id());
            redirect.addFlashAttribute("saved", "Saved. New messages follow these settings.");
            return "redirect:/app/clinics/" + slug + "/message-settings";
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> errors.merge(v.field(), v.reason(), (a, b) -> a + "; " + b));
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(model, m, current, values, Map.of(), e.getMessage());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, m, current, values, errors, null);
    }

    @PostMapping("/app/clinics/{slug}/message-settings/reset")
    String reset(@PathVariable String slug, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_CLINIC_PROFILE);
        settings.reset(m.clinic());
        redirect.addFlashAttribute("saved", "The message settings are back to the defaults.");
        return "redirect:/app/clinics/" + slug + "/message-settings";
    }

    private String page(Model model, Membership m, StoredSettings<MessageSettings> current, Map<String, String> values,
            Map<String, String> errors, String conflict) {
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("current", current);
        model.addAttribute("treatments", catalog.list(m.clinic()));
        model.addAttribute("kinds", Arrays.stream(FollowUpKind.values()).map(k -> new KindChoice(k.code(), label(k))).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        return "followups/message-settings";
    }

    static String label(FollowUpKind k) {
        return switch (k) {
            case CONFIRMATION -> "Booking confirmation (with a calendar file), and when a visit is moved or cancelled";
            case REMINDER -> "Reminders before the visit, with links to confirm, move or cancel";
            case BEFORE_CARE -> "Before-care: how to prepare, timed by the treatment";
            case AFTERCARE -> "Aftercare at the end of the visit";
            case CHECK_IN -> "Check-ins after the visit";
            case REBOOK -> "Rebooking when the next session is due";
        };
    }

    static Map<String, String> values(MessageSettings s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("reminderDaysBefore", s.reminderDaysBefore().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        v.put("quietFrom", s.quietHours().from());
        v.put("quietUntil", s.quietHours().until());
        s.checkInDays().forEach((code, days) -> v.put(DAYS + code,
                days.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        s.kinds().forEach((code, on) -> {
            if (on) {
                v.put(KIND + code, "on");
            }
        });
        return v;
    }

    static MessageSettings read(Map<String, String> form, List<ClinicTreatment> treatments) {
        List<Integer> reminders = numbers(form.getOrDefault("reminderDaysBefore", ""), "reminderDaysBefore");
        Map<String, List<Integer>> days = new LinkedHashMap<>();
        for (ClinicTreatment t : treatments) {
            String text = form.get(DAYS + t.code());
            if (text != null && !text.isBlank()) {
                days.put(t.code(), numbers(text, DAYS + t.code()));
            }
        }
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        for (FollowUpKind k : FollowUpKind.values()) {
            kinds.put(k.code(), form.containsKey(KIND + k.code()));
        }
        return new MessageSettings(reminders, new MessageSettings.QuietHours(form.get("quietFrom"), form.get("quietUntil")),
                days, kinds);
    }

    private static List<Integer> numbers(String text, String field) {
        List<Integer> list = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                list.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "is whole numbers of days separated by commas, like 3, 1");
            }
        }
        return list;
    }

    private static Integer revision(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

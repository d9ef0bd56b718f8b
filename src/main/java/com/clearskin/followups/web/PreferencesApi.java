package com.clearskin.followups.web;

import com.clearskin.clinics.Clinics;
import com.clearskin.followups.MessagePreferences;
import com.clearskin.followups.MessagePreferences.Choices;
import com.clearskin.followups.MessagePreferences.Holder;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.JsonFields;
import com.clearskin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's message preferences, reached without signing in through the link in a message: the
 * JSON API, the RFC 8058 one-click unsubscribe (POST {@code List-Unsubscribe=One-Click}) and the page.
 */
@Controller
class PreferencesApi {

    /** The three choices as sent: each required. */
    record ChoicesBody(Boolean marketing, Boolean reminders, Boolean aftercare) {
    }

    private final MessagePreferences preferences;
    private final Clinics clinics;
    private final JsonMapper json;

    PreferencesApi(MessagePreferences preferences, Clinics clinics, JsonMapper json) {
        this.preferences = preferences;
        this.clinics = clinics;
        this.json = json;
    }

    @GetMapping("/api/v1/message-preferences/{token}")
    @ResponseBody
    @Operation(summary = "The client's message preferences (marketing, reminders, aftercare), from the link in a message")
    Choices get(@PathVariable String token) {
        Holder h = holder(token);
        return preferences.of(h.clinicId(), h.clientId());
    }

    @PutMapping("/api/v1/message-preferences/{token}")
    @ResponseBody
    @Operation(summary = "Set the client's message preferences",
            description = "Body: {\"marketing\", \"reminders\", \"aftercare\"}, each true or false")
    Choices put(@PathVariable String token, @RequestBody(required = false) String body) {
        Holder h = holder(token);
        ChoicesBody in = JsonFields.record(json, body, ChoicesBody.class);
        return preferences.save(h.clinicId(), h.clientId(), new Choices(flag(in.marketing(), "marketing"),
                flag(in.reminders(), "reminders"), flag(in.aftercare(), "aftercare")));
    }

    @PostMapping("/api/v1/message-preferences/{token}/unsubscribe")
    @ResponseBody
    @Operation(summary = "One-click unsubscribe from marketing-like messages (RFC 8058: the List-Unsubscribe address)")
    Choices unsubscribe(@PathVariable String token) {
        Holder h = holder(token);
        Choices now = preferences.of(h.clinicId(), h.clientId());
        return preferences.save(h.clinicId(), h.clientId(), new Choices(false, now.reminders(), now.aftercare()));
    }

    @GetMapping("/preferences/{token}")
    String page(@PathVariable String token, Model model) {
        Holder h = holder(token);
        return page(model, token, h, preferences.of(h.clinicId(), h.clientId()), null);
    }

    @PostMapping("/preferences/{token}")
    String save(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model) {
        Holder h = holder(token);
        Choices saved = preferences.save(h.clinicId(), h.clientId(), new Choices(form.containsKey("marketing"),
                form.containsKey("reminders"), form.containsKey("aftercare")));
        return page(model, token, h, saved, "Saved. We will send you only what you chose.");
    }

    private String page(Model model, String token, Holder h, Choices choices, String saved) {
        model.addAttribute("token", token);
        model.addAttribute("clinicName", clinics.byId(h.clinicId()).map(c -> c.name()).orElse("Your clinic"));
        model.addAttribute("choices", choices);
        model.addAttribute("saved", saved);
        return "followups/preferences";
    }

    private Holder holder(String token) {
        return preferences.holder(token).orElseThrow(() -> new NotFoundException(
                "This link is not known or has expired. The newest message from your clinic has a fresh one."));
    }

    private static boolean flag(Boolean value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is true or false");
        }
        return value;
    }
}

package com.clearskin.webhooks.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.webhooks.WebhookRules;
import com.clearskin.webhooks.Webhooks;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The webhooks page: the addresses, a form to add one (its secret shown once), and each address's last deliveries. */
@Controller
class WebhookPages {

    private final ClinicAccess access;
    private final Webhooks webhooks;

    WebhookPages(ClinicAccess access, Webhooks webhooks) {
        this.access = access;
        this.webhooks = webhooks;
    }

    @GetMapping("/app/clinics/{slug}/webhooks")
    String page(@PathVariable String slug, Model model) {
        return render(model, access.require(slug, Capability.MANAGE_WEBHOOKS), Map.of(), null, "");
    }

    @PostMapping("/app/clinics/{slug}/webhooks")
    String add(@PathVariable String slug, @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> events, Model model, HttpServletResponse response) {
        Membership m = access.require(slug, Capability.MANAGE_WEBHOOKS);
        try {
            Webhooks.Registered r = webhooks.register(m.clinic(), url, events == null ? List.of() : events,
                    access.currentUser().orElseThrow().id());
            return render(model, m, Map.of(), r, "");
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field().startsWith("events") ? "events" : v.field(), v.reason()));
            response.setStatus(400);
            return render(model, m, errors, null, url == null ? "" : url);
        }
    }

    private String render(Model model, Membership m, Map<String, String> errors, Webhooks.Registered created, String url) {
        List<Webhooks.Endpoint> endpoints = webhooks.endpoints(m.clinic());
        Map<java.util.UUID, List<Webhooks.Delivery>> logs = new LinkedHashMap<>();
        endpoints.forEach(e -> logs.put(e.id(), webhooks.deliveries(m.clinic(), e.id()).stream().limit(10).toList()));
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("endpoints", endpoints);
        model.addAttribute("logs", logs);
        model.addAttribute("events", WebhookRules.EVENTS);
        model.addAttribute("errors", errors);
        model.addAttribute("created", created);
        model.addAttribute("url", url);
        return "webhooks/webhooks";
    }
}

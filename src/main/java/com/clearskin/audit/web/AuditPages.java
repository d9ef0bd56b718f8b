package com.clearskin.audit.web;

import com.clearskin.accounts.Membership;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditFilter;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditPage;
import com.clearskin.audit.AuditViewing;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log page for owners: filters, a page of events newest first, older pages, a CSV export. */
@Controller
class AuditPages {

    /** The filter as typed, shown back in the form. */
    public record FilterForm(String from, String to, String clientId, String actorId, String action) {
    }

    private final AuditViewing viewing;
    private final AuditLog log;

    AuditPages(AuditViewing viewing, AuditLog log) {
        this.viewing = viewing;
        this.log = log;
    }

    @GetMapping("/app/clinics/{slug}/audit")
    String page(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String actorId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String cursor, Model model, HttpServletResponse response) {
        Membership owner = viewing.requireReader(slug);
        FilterForm form = new FilterForm(trim(from), trim(to), trim(clientId), trim(actorId), trim(action));
        model.addAttribute("membership", owner);
        model.addAttribute("clinic", owner.clinic());
        model.addAttribute("form", form);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("actors", log.actors(owner.clinic()));
        model.addAttribute("zone", owner.clinic().timeZone());
        try {
            AuditFilter filter = AuditFilter.parse(from, to, clientId, actorId, action, null, cursor,
                    owner.clinic().timeZone(), AuditFilter.MAX_LIMIT);
            AuditPage page = viewing.view(owner, filter);
            model.addAttribute("events", page.events());
            model.addAttribute("errors", Map.of());
            model.addAttribute("older", page.nextCursor() == null ? null
                    : link("/app/clinics/" + slug + "/audit", form, page.nextCursor()).build().encode()
                            .toUriString());
            model.addAttribute("newest", cursor == null ? null
                    : link("/app/clinics/" + slug + "/audit", form, null).build().encode().toUriString());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new LinkedHashMap<>();
            for (Violation v : e.violations()) {
                errors.merge(v.field(), v.reason(), (a, b) -> a + "; " + b);
            }
            model.addAttribute("events", List.of());
            model.addAttribute("errors", errors);
            model.addAttribute("older", null);
            model.addAttribute("newest", null);
        }
        model.addAttribute("csv", link("/app/clinics/" + slug + "/audit.csv", form, null).build().encode()
                .toUriString());
        return "audit/log";
    }

    @GetMapping("/app/clinics/{slug}/audit/verify")
    String verify(@PathVariable String slug, Model model) {
        Membership owner = viewing.requireReader(slug);
        model.addAttribute("membership", owner);
        model.addAttribute("clinic", owner.clinic());
        model.addAttribute("result", viewing.verify(owner));
        return "audit/verify";
    }

    @GetMapping("/app/clinics/{slug}/audit.csv")
    ResponseEntity<String> csv(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String actorId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String cursor) {
        Membership owner = viewing.requireReader(slug);
        AuditFilter filter = AuditFilter.parse(from, to, clientId, actorId, action,
                String.valueOf(AuditFilter.MAX_EXPORT), cursor, owner.clinic().timeZone(), AuditFilter.MAX_EXPORT);
        return AuditLinks.csv(viewing, owner, filter, slug);
    }

    /** A link to the page with the filters as given: values are data, never URI template variables. */
    private static UriComponentsBuilder link(String path, FilterForm f, Long cursor) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        param(b, "from", f.from());
        param(b, "to", f.to());
        param(b, "clientId", f.clientId());
        param(b, "actorId", f.actorId());
        param(b, "action", f.action());
        if (cursor != null) {
            b.queryParam("cursor", cursor);
        }
        return b;
    }

    private static void param(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isEmpty()) {
            b.queryParam(name, value);
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}

package com.clearskin.waitlist.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.waitlist.NewWaitlistEntry;
import com.clearskin.waitlist.Waitlist;
import com.clearskin.waitlist.WaitlistCaller;
import com.clearskin.waitlist.WaitlistEntry;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff page of the waitlist: who waits for what, the offers that stand and until when; add a
 * client to the line, cancel an entry, answer an offer for a client (on the phone, at the desk).
 */
@Controller
class WaitlistPages {

    /** One row as the page shows it: names instead of ids, times in the clinic's zone. */
    public record Row(WaitlistEntry entry, String client, String treatment, String practitioner,
            ZonedDateTime offeredStart, String offeredPractitioner, ZonedDateTime offerExpires) {
    }

    static final Map<String, String> DONE = Map.of(
            "added", "The client is on the waitlist.",
            "cancelled", "The entry is cancelled.",
            "accepted", "The offer is accepted: the appointment is booked.",
            "declined", "The offer is declined; it passes to the next in line.");

    private final ClinicAccess access;
    private final Waitlist waitlist;
    private final Clients clients;
    private final ClinicCatalog catalog;
    private final Clock clock;

    WaitlistPages(ClinicAccess access, Waitlist waitlist, Clients clients, ClinicCatalog catalog, Clock clock) {
        this.access = access;
        this.waitlist = waitlist;
        this.clients = clients;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/app/clinics/{slug}/waitlist")
    String page(@PathVariable String slug, @RequestParam(required = false) String done, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        LocalDate today = LocalDate.now(clock.withZone(m.clinic().timeZone()));
        return render(model, m, new NewWaitlistEntry("", "", today.toString(), today.plusDays(13).toString(), ""),
                Map.of(), done == null ? null : DONE.get(done), null);
    }

    @PostMapping("/app/clinics/{slug}/waitlist")
    String add(@PathVariable String slug, @ModelAttribute NewWaitlistEntry form, Model model,
            HttpServletResponse response) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        try {
            waitlist.join(m.clinic(), form, caller(m));
            return "redirect:/app/clinics/" + slug + "/waitlist?done=added";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
            return render(model, m, form, errors, null, null);
        } catch (ConflictException | ForbiddenException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return render(model, m, form, Map.of(), null, e.getMessage());
        }
    }

    @PostMapping("/app/clinics/{slug}/waitlist/{id}/{action:cancel|accept|decline}")
    String act(@PathVariable String slug, @PathVariable String id, @PathVariable String action, Model model,
            HttpServletResponse response) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        UUID entry = WaitlistApi.uuid(id);
        try {
            switch (action) {
                case "cancel" -> waitlist.cancel(m.clinic(), entry, caller(m));
                case "accept" -> waitlist.accept(m.clinic(), entry, caller(m));
                default -> waitlist.decline(m.clinic(), entry, caller(m));
            }
            return "redirect:/app/clinics/" + slug + "/waitlist?done=" + action + (action.equals("cancel") ? "led" : "ed");
        } catch (ConflictException | RuleRefusedException | InvalidInputException e) {
            response.setStatus(e instanceof ConflictException ? HttpServletResponse.SC_CONFLICT
                    : e instanceof RuleRefusedException ? 422 : HttpServletResponse.SC_BAD_REQUEST);
            LocalDate today = LocalDate.now(clock.withZone(m.clinic().timeZone()));
            return render(model, m, new NewWaitlistEntry("", "", today.toString(), today.plusDays(13).toString(), ""),
                    Map.of(), null, e.getMessage());
        }
    }

    private String render(Model model, Membership m, NewWaitlistEntry form, Map<String, String> errors, String done,
            String problem) {
        Clinic clinic = m.clinic();
        List<Client> clientList = clients.list(clinic, null);
        Map<UUID, String> clientNames = clientList.stream()
                .collect(Collectors.toMap(Client::id, c -> c.lastName() + ", " + c.firstName()));
        Map<String, String> treatments = catalog.list(clinic).stream().filter(ClinicTreatment::active)
                .sorted(java.util.Comparator.comparing(t -> t.treatment().name()))
                .collect(Collectors.toMap(ClinicTreatment::code, t -> t.treatment().name(), (a, b) -> a,
                        LinkedHashMap::new));
        Map<UUID, String> practitioners = waitlist.practitionerNames(clinic);
        Function<UUID, String> practitionerName = id -> id == null ? null : practitioners.getOrDefault(id, "—");
        List<Row> rows = waitlist.list(clinic, caller(m)).stream().map(e -> new Row(e,
                clientNames.getOrDefault(e.clientId(), "—"), treatments.getOrDefault(e.treatment(), e.treatment()),
                practitionerName.apply(e.practitionerId()),
                e.offer() == null ? null : e.offer().start().atZone(clinic.timeZone()),
                e.offer() == null ? null : practitionerName.apply(e.offer().practitionerId()),
                e.offer() == null ? null : e.offer().expiresAt().atZone(clinic.timeZone()))).toList();
        model.addAttribute("membership", m);
        model.addAttribute("clinic", clinic);
        model.addAttribute("rows", rows);
        model.addAttribute("open", rows.stream().filter(r -> r.entry().status().isOpen()).toList());
        model.addAttribute("closed", rows.stream().filter(r -> !r.entry().status().isOpen()).limit(50).toList());
        model.addAttribute("clients", clientList);
        model.addAttribute("treatments", treatments);
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("problem", problem);
        model.addAttribute("today", LocalDate.now(clock.withZone(clinic.timeZone())));
        return "waitlist/page";
    }

    private WaitlistCaller caller(Membership m) {
        return new WaitlistCaller(access.currentUser().orElseThrow().id(), m.role(), null);
    }
}

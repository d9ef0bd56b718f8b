package com.clearskin.calendar.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.calendar.CalendarFeeds;
import com.clearskin.calendar.FeedCaller;
import com.clearskin.calendar.FeedSubject;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Calendar feed links for people: make one for a practitioner or a client, copy its address into a
 * calendar app (shown once), revoke it. Everyone sees only the feeds they may manage.
 */
@Controller
class CalendarFeedPages {

    /** A choice in a form: the id and the name shown. */
    public record Choice(UUID id, String name) {
    }

    private final ClinicAccess access;
    private final ClientAccounts clientAccounts;
    private final CalendarFeeds feeds;
    private final Clients clients;

    CalendarFeedPages(ClinicAccess access, ClientAccounts clientAccounts, CalendarFeeds feeds, Clients clients) {
        this.access = access;
        this.clientAccounts = clientAccounts;
        this.feeds = feeds;
        this.clients = clients;
    }

    @GetMapping("/app/clinics/{slug}/calendar-feeds")
    String page(@PathVariable String slug, @RequestParam(required = false) String revoked, Model model) {
        Membership m = access.require(slug, Capability.USE_CALENDAR_FEEDS);
        return render(model, m, caller(m), null, "1".equals(revoked) ? "The feed is revoked: its address no longer works."
                : null, null);
    }

    @PostMapping("/app/clinics/{slug}/calendar-feeds")
    String create(@PathVariable String slug, @RequestParam String kind, @RequestParam(required = false) String subjectId,
            Model model, HttpServletResponse response) {
        Membership m = access.require(slug, Capability.USE_CALENDAR_FEEDS);
        FeedCaller caller = caller(m);
        FeedSubject subject = FeedSubject.fromCode(kind).orElse(null);
        UUID id = CalendarFeedApi.uuid(subjectId).orElse(null);
        try {
            if (subject == null || id == null) {
                throw new InvalidInputException("subjectId", "choose whose calendar the feed shows");
            }
            CalendarFeeds.Issued issued = feeds.create(m.clinic(), subject, id, caller);
            response.setStatus(HttpServletResponse.SC_CREATED);
            return render(model, m, caller, issued, null, null);
        } catch (InvalidInputException | ForbiddenException e) {
            response.setStatus(e instanceof ForbiddenException ? 403 : 400);
            String why = e instanceof InvalidInputException invalid ? invalid.violations().get(0).reason()
                    : e.getMessage();
            return render(model, m, caller, null, null, why);
        }
    }

    @PostMapping("/app/clinics/{slug}/calendar-feeds/{id}/revoke")
    String revoke(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.USE_CALENDAR_FEEDS);
        UUID feed = CalendarFeedApi.uuid(id).orElseThrow(() -> new NotFoundException("No calendar feed '" + id + "'."));
        feeds.revoke(m.clinic(), feed, caller(m));
        return "redirect:/app/clinics/" + slug + "/calendar-feeds?revoked=1";
    }

    private String render(Model model, Membership m, FeedCaller caller, CalendarFeeds.Issued issued, String done,
            String problem) {
        Clinic clinic = m.clinic();
        List<Choice> practitioners = feeds.practitionerChoices(clinic).stream()
                .filter(p -> caller.mayManagePractitionerFeed(p.subjectId()))
                .map(p -> new Choice(p.subjectId(), p.subjectName())).toList();
        List<Choice> clientChoices;
        if (m.isStaff()) {
            clientChoices = clients.list(clinic, null).stream()
                    .map(c -> new Choice(c.id(), c.lastName() + ", " + c.firstName())).toList();
        } else if (caller.ownClient() != null) {
            clientChoices = clients.find(clinic, caller.ownClient()).stream()
                    .map((Client c) -> new Choice(c.id(), c.firstName() + " " + c.lastName())).toList();
        } else {
            clientChoices = List.of();
        }
        model.addAttribute("membership", m);
        model.addAttribute("clinic", clinic);
        model.addAttribute("feeds", feeds.list(clinic, caller));
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("clientChoices", clientChoices);
        model.addAttribute("issued", issued);
        model.addAttribute("issuedUrl", issued == null ? null : CalendarFeedApi.url(issued.token()));
        model.addAttribute("done", done);
        model.addAttribute("problem", problem);
        return "calendar/feeds";
    }

    private FeedCaller caller(Membership m) {
        return CalendarFeedApi.callerOf(access, clientAccounts, feeds, m);
    }
}

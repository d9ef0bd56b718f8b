package com.clearskin.calendar.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Role;
import com.clearskin.calendar.CalendarFeeds;
import com.clearskin.calendar.FeedCaller;
import com.clearskin.calendar.FeedSubject;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Calendar feeds: make one for a practitioner or a client (the token and its address are shown
 * this once), list them (without tokens), revoke one (its address then answers 404).
 */
@RestController
@RequestMapping("/api/v1/clinics/{slug}/calendar-feeds")
@Tag(name = "Calendar feeds", description = "iCalendar subscriptions to a practitioner's or a client's appointments")
@SecurityRequirement(name = "bearer")
class CalendarFeedApi {

    record NewFeed(String practitionerId, String clientId) {
    }

    record FeedView(UUID id, String kind, UUID subjectId, String subjectName, Instant createdAt) {

        static FeedView of(CalendarFeeds.Feed f) {
            return new FeedView(f.id(), f.kind().code(), f.subjectId(), f.subjectName(), f.createdAt());
        }
    }

    record IssuedView(UUID id, String url, String token, String kind, UUID subjectId, String subjectName,
            Instant createdAt) {
    }

    record FeedList(String clinic, int count, List<FeedView> feeds) {
    }

    private final ClinicAccess access;
    private final ClientAccounts clientAccounts;
    private final CalendarFeeds feeds;

    CalendarFeedApi(ClinicAccess access, ClientAccounts clientAccounts, CalendarFeeds feeds) {
        this.access = access;
        this.clientAccounts = clientAccounts;
        this.feeds = feeds;
    }

    @PostMapping
    @Operation(summary = "Make a calendar feed", description = "Body: {\"practitionerId\"} or {\"clientId\"} (exactly "
            + "one). Owner, admin and front desk make any practitioner's feed, a practitioner their own; staff or the "
            + "client themself make a client's. The answer's token and url are shown only this once.")
    ResponseEntity<IssuedView> create(@PathVariable String slug, @RequestBody(required = false) NewFeed body) {
        Membership m = access.require(slug, Capability.USE_CALENDAR_FEEDS);
        String practitioner = body == null ? null : blankToNull(body.practitionerId());
        String client = body == null ? null : blankToNull(body.clientId());
        if ((practitioner == null) == (client == null)) {
            throw new InvalidInputException(practitioner == null ? "practitionerId" : "clientId",
                    "give exactly one of practitionerId and clientId");
        }
        FeedSubject kind = practitioner != null ? FeedSubject.PRACTITIONER : FeedSubject.CLIENT;
        String field = practitioner != null ? "practitionerId" : "clientId";
        UUID subject = uuid(practitioner != null ? practitioner : client)
                .orElseThrow(() -> new InvalidInputException(field, "must be an id"));
        CalendarFeeds.Issued issued = feeds.create(m.clinic(), kind, subject, caller(m));
        CalendarFeeds.Feed f = issued.feed();
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/calendar-feeds/" + f.id()))
                .body(new IssuedView(f.id(), url(issued.token()), issued.token(), f.kind().code(), f.subjectId(),
                        f.subjectName(), f.createdAt()));
    }

    @GetMapping
    @Operation(summary = "The live feeds you may manage, newest first (never with their tokens)")
    FeedList list(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.USE_CALENDAR_FEEDS);
        List<FeedView> views = feeds.list(m.clinic(), caller(m)).stream().map(FeedView::of).toList();
        return new FeedList(m.clinic().slug(), views.size(), views);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a feed: its address answers 404 from now on")
    ResponseEntity<Void> revoke(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.USE_CALENDAR_FEEDS);
        UUID feed = uuid(id).orElseThrow(() -> new NotFoundException("No calendar feed '" + id + "'."));
        feeds.revoke(m.clinic(), feed, caller(m));
        return ResponseEntity.noContent().build();
    }

    private FeedCaller caller(Membership m) {
        return callerOf(access, clientAccounts, feeds, m);
    }

    static FeedCaller callerOf(ClinicAccess access, ClientAccounts clientAccounts, CalendarFeeds feeds, Membership m) {
        UUID user = access.currentUser().orElseThrow().id();
        return new FeedCaller(user, m.role(),
                m.role() == Role.PRACTITIONER ? feeds.practitionerOf(m.clinic(), user).orElse(null) : null,
                m.role() == Role.CLIENT ? clientAccounts.clientOf(m.clinic(), user).orElse(null) : null);
    }

    /** The feed's public address on this server. */
    static String url(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar/{token}.ics")
                .buildAndExpand(token).toUriString();
    }

    static java.util.Optional<UUID> uuid(String text) {
        return Ids.parse(text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

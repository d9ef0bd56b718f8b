package com.clearskin.waitlist.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.booking.Appointment;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.Ids;
import com.clearskin.waitlist.NewWaitlistEntry;
import com.clearskin.waitlist.Offer;
import com.clearskin.waitlist.Waitlist;
import com.clearskin.waitlist.WaitlistCaller;
import com.clearskin.waitlist.WaitlistEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

/**
 * A clinic's waitlist: join, list, cancel, and answer an offer (accept books it, decline passes it
 * on). Staff manage every entry; a client only their own, and another's answers 404.
 */
@RestController
@RequestMapping("/api/v1/clinics/{slug}/waitlist")
@Tag(name = "Waitlist", description = "Clients waiting for a treatment in a date window; a freed time is offered to "
        + "the first in line for the clinic's offer time")
@SecurityRequirement(name = "bearer")
class WaitlistApi {

    record OfferView(String start, UUID practitionerId, String expiresAt) {
    }

    record EntryView(UUID id, UUID clientId, String treatment, String from, String to, UUID practitionerId,
            String status, OfferView offer, UUID appointmentId, Instant createdAt, Instant updatedAt) {

        static EntryView of(WaitlistEntry e, ZoneId zone) {
            Offer o = e.offer();
            return new EntryView(e.id(), e.clientId(), e.treatment(), e.window().first().toString(),
                    e.window().last().toString(), e.practitionerId(), e.status().code(),
                    o == null ? null : new OfferView(local(o.start(), zone), o.practitionerId(), local(o.expiresAt(), zone)),
                    e.appointmentId(), e.createdAt(), e.updatedAt());
        }
    }

    record EntryList(String clinic, String timeZone, int count, List<EntryView> entries) {
    }

    record AppointmentView(UUID id, String treatment, String start, String end, UUID practitionerId, UUID roomId,
            String status) {
    }

    record Accepted(EntryView entry, AppointmentView appointment) {
    }

    private final ClinicAccess access;
    private final ClientAccounts clientAccounts;
    private final Waitlist waitlist;

    WaitlistApi(ClinicAccess access, ClientAccounts clientAccounts, Waitlist waitlist) {
        this.access = access;
        this.clientAccounts = clientAccounts;
        this.waitlist = waitlist;
    }

    @PostMapping
    @Operation(summary = "Join the waitlist (staff for any client; a client for themself)", description = "Body: "
            + "clientId (a client may leave it out), treatment (code), from and to (local dates YYYY-MM-DD, from "
            + "today, at most 92 days), practitionerId (optional). 400 names each wrong field; 409 when the client "
            + "already waits for that treatment.")
    ResponseEntity<EntryView> join(@PathVariable String slug, @RequestBody(required = false) NewWaitlistEntry body) {
        Membership m = member(slug);
        WaitlistEntry entry = waitlist.join(m.clinic(), body, caller(m));
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/waitlist/" + entry.id()))
                .body(EntryView.of(entry, m.clinic().timeZone()));
    }

    @GetMapping
    @Operation(summary = "The waitlist: entries in line first (oldest first), then the rest (staff: all; a client: "
            + "their own)")
    EntryList list(@PathVariable String slug) {
        Membership m = member(slug);
        Clinic clinic = m.clinic();
        List<EntryView> views = waitlist.list(clinic, caller(m)).stream()
                .map(e -> EntryView.of(e, clinic.timeZone())).toList();
        return new EntryList(clinic.slug(), clinic.timeZone().getId(), views.size(), views);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One waitlist entry")
    EntryView one(@PathVariable String slug, @PathVariable String id) {
        Membership m = member(slug);
        return EntryView.of(waitlist.require(m.clinic(), uuid(id), caller(m)), m.clinic().timeZone());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Leave the waitlist (cancel the entry); an offer it holds passes to the next in line")
    EntryView cancel(@PathVariable String slug, @PathVariable String id) {
        Membership m = member(slug);
        return EntryView.of(waitlist.cancel(m.clinic(), uuid(id), caller(m)), m.clinic().timeZone());
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept the offer: books the offered time", description = "The booking rules apply (a "
            + "422 names the rule). 409 when the offer has lapsed, or when the time was taken meanwhile: then the "
            + "offer passes to the next in line and this entry waits again.")
    Accepted accept(@PathVariable String slug, @PathVariable String id) {
        Membership m = member(slug);
        ZoneId zone = m.clinic().timeZone();
        Waitlist.BookedOffer booked = waitlist.accept(m.clinic(), uuid(id), caller(m));
        Appointment a = booked.appointment();
        return new Accepted(EntryView.of(booked.entry(), zone), new AppointmentView(a.id(), a.treatment(),
                local(a.start(), zone), local(a.end(), zone), a.practitionerId(), a.roomId(), a.status().code()));
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline the offer: the entry waits again, the time passes to the next in line")
    EntryView decline(@PathVariable String slug, @PathVariable String id) {
        Membership m = member(slug);
        return EntryView.of(waitlist.decline(m.clinic(), uuid(id), caller(m)), m.clinic().timeZone());
    }

    private Membership member(String slug) {
        return access.require(slug, Capability.BOOK_APPOINTMENTS);
    }

    private WaitlistCaller caller(Membership m) {
        UUID user = access.currentUser().orElseThrow().id();
        UUID own = m.isStaff() ? null : clientAccounts.clientOf(m.clinic(), user).orElse(null);
        return new WaitlistCaller(user, m.role(), own);
    }

    /** A malformed id is simply not found. */
    static UUID uuid(String id) {
        return Ids.parse(id).orElse(null);
    }

    static String local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}

package com.clearskin.publicbooking.web;

import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.NotFoundException;
import com.clearskin.publicbooking.PublicBookingRequest;
import com.clearskin.publicbooking.PublicBookings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A new client books on the clinic's public page, without an account: held, then confirmed by email. */
@RestController
@Tag(name = "Public booking", description = "New clients book online: the time is held for 30 minutes and booked "
        + "by the link in the confirmation email")
class PublicBookingApi {

    record HeldView(UUID id, String status, Instant holdExpiresAt) {
    }

    record BookingView(UUID id, String status, String clinic, String treatment, String treatmentName,
            OffsetDateTime start, OffsetDateTime end, Instant holdExpiresAt, boolean accountOpened) {
        static BookingView of(PublicBookings.View v) {
            Clinic c = v.clinic();
            return new BookingView(v.id(), v.status(), c.slug(), v.treatment(), v.treatmentName(),
                    v.start().atZone(c.timeZone()).toOffsetDateTime(), v.end().atZone(c.timeZone()).toOffsetDateTime(),
                    v.status().equals("held") ? v.holdExpiresAt() : null, v.accountOpened());
        }
    }

    private final PublicBookings bookings;
    private final Clinics clinics;
    private final Outbox outbox;

    PublicBookingApi(PublicBookings bookings, Clinics clinics, Outbox outbox) {
        this.bookings = bookings;
        this.clinics = clinics;
        this.outbox = outbox;
    }

    @PostMapping("/api/v1/clinics/{slug}/public-bookings")
    @Operation(summary = "Hold a time for a new client (no sign-in)", description = "Body: treatment, start (an "
            + "ISO-8601 instant with offset, a free time from availability), practitionerId (optional), client "
            + "{firstName, lastName, email, phone, dateOfBirth}, assessment (optional: the consultation's answers, "
            + "unknown allowed), acceptPolicy: true, password (optional: confirming also opens an account). 201 "
            + "{id, status: held, holdExpiresAt}; a confirmation link is mailed. 400 names each field; 409 the time "
            + "is not free; 422 with rule: a treatment rule refuses it, sign-in-required (the email has an "
            + "account), hold-limit (two unconfirmed holds already); 429 past the hourly limits per address and "
            + "per email.")
    ResponseEntity<HeldView> hold(@PathVariable String slug, @RequestBody(required = false) PublicBookingRequest body,
            HttpServletRequest request) {
        Clinic clinic = clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        PublicBookings.Held held = bookings.hold(clinic, body, request.getRemoteAddr(), Links.base(outbox, request));
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/public-bookings/" + held.id()))
                .body(new HeldView(held.id(), held.status(), held.holdExpiresAt()));
    }

    @PostMapping("/api/v1/public-bookings/{token}/confirm")
    @Operation(summary = "Confirm a held booking with the token of the emailed link", description = "200 with "
            + "status booked (again the same on a repeat); 404 an unknown token; 409 the hold has ended.")
    BookingView confirm(@PathVariable String token) {
        return BookingView.of(bookings.confirm(token));
    }

    @GetMapping("/api/v1/public-bookings/{token}")
    @Operation(summary = "A public booking by the token of its link: held, booked or expired")
    BookingView get(@PathVariable String token) {
        return BookingView.of(bookings.find(token));
    }
}

package com.clearskin.webhooks.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.Ids;
import com.clearskin.webhooks.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The clinic's webhooks: owners and admins register addresses for events and read the delivery log. */
@RestController
@Tag(name = "Webhooks", description = "Events sent to the clinic's own systems, signed in the Standard Webhooks format")
@SecurityRequirement(name = "bearer")
class WebhooksApi {

    record NewWebhook(String url, List<String> events) {
    }

    record Listed(List<Webhooks.Endpoint> webhooks) {
    }

    record Log(List<Webhooks.Delivery> deliveries) {
    }

    private final ClinicAccess access;
    private final Webhooks webhooks;

    WebhooksApi(ClinicAccess access, Webhooks webhooks) {
        this.access = access;
        this.webhooks = webhooks;
    }

    @GetMapping("/api/v1/clinics/{slug}/webhooks")
    @Operation(summary = "The clinic's webhook addresses and their events (the secrets are shown only when created)")
    Listed list(@PathVariable String slug) {
        return new Listed(webhooks.endpoints(access.require(slug, Capability.MANAGE_WEBHOOKS).clinic()));
    }

    @PostMapping("/api/v1/clinics/{slug}/webhooks")
    @Operation(summary = "Register an address for events", description = "Body: url (https), events (appointment.booked, "
            + "appointment.cancelled, checkin.escalated, session.signed). 201 with the signing secret (whsec_..., shown "
            + "once). Each delivery: POST JSON {type, timestamp, data} with webhook-id, webhook-timestamp and "
            + "webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body>); retried with back-off until a 2xx.")
    ResponseEntity<Webhooks.Registered> register(@PathVariable String slug, @RequestBody(required = false) NewWebhook body) {
        Clinic clinic = access.require(slug, Capability.MANAGE_WEBHOOKS).clinic();
        Webhooks.Registered r = webhooks.register(clinic, body == null ? null : body.url(), body == null ? null : body.events(),
                access.currentUser().orElseThrow().id());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/webhooks/" + r.id())).body(r);
    }

    @GetMapping("/api/v1/clinics/{slug}/webhooks/{id}/deliveries")
    @Operation(summary = "The delivery log of one address, newest first: status, attempts, the last HTTP status")
    Log deliveries(@PathVariable String slug, @PathVariable String id) {
        Clinic clinic = access.require(slug, Capability.MANAGE_WEBHOOKS).clinic();
        return new Log(webhooks.deliveries(clinic, Ids.orNotFound(id, "No webhook " + id + ".")));
    }
}

package com.clearskin.licences.web;

import com.clearskin.accounts.PlatformAccess;
import com.clearskin.accounts.PlatformRole;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.licences.Licence;
import com.clearskin.licences.Licences;
import com.clearskin.licences.Licences.QueueEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Clearskin licence reviewer's queue across clinics, each licence's document, and the decision
 * (verified or rejected, with a note). Only an account with the platform role; clinic staff,
 * whatever their role, get 403.
 */
@RestController
@Tag(name = "Platform: licences", description = "The licence reviewer's queue and decisions (issue 17)")
@SecurityRequirement(name = "bearer")
class PlatformLicencesApi {

    record DecisionView(UUID id, String decision, String note, Instant decidedAt, UUID decidedBy) {
    }

    record EntryView(UUID id, String clinic, String clinicName, UUID practitionerId, String practitionerName,
            String type, String typeLabel, String number, String jurisdiction, LocalDate expiresOn, String status,
            String documentType, String document, Instant createdAt, DecisionView review) {
    }

    record Queue(List<EntryView> licences) {
    }

    record DecisionBody(String decision, String note) {
    }

    record Decided(EntryView licence, List<DecisionView> decisions) {
    }

    private final PlatformAccess platform;
    private final Licences licences;

    PlatformLicencesApi(PlatformAccess platform, Licences licences) {
        this.platform = platform;
        this.licences = licences;
    }

    @GetMapping("/api/v1/platform/licences")
    @Operation(summary = "The review queue: pending first, then oldest first", description = "status: pending, "
            + "verified, rejected or expired (none: all). At most 200. Licence reviewers only (403 for anyone else).")
    Queue queue(@RequestParam(required = false) String status) {
        platform.require(PlatformRole.LICENCE_REVIEWER);
        return new Queue(licences.queue(status == null || status.isBlank() ? null : status.strip()).stream()
                .map(PlatformLicencesApi::view).toList());
    }

    @GetMapping("/api/v1/platform/licences/{id}")
    @Operation(summary = "One licence with every decision on it, oldest first")
    Decided one(@PathVariable String id) {
        platform.require(PlatformRole.LICENCE_REVIEWER);
        QueueEntry e = licences.forReview(id);
        return new Decided(view(e), licences.decisions(e.licence()).stream().map(PlatformLicencesApi::view).toList());
    }

    @GetMapping("/api/v1/platform/licences/{id}/document")
    @Operation(summary = "The licence's document; the read is audited in the clinic's log")
    ResponseEntity<byte[]> document(@PathVariable String id) {
        SignedInUser reviewer = platform.require(PlatformRole.LICENCE_REVIEWER);
        Licence l = licences.forReview(id).licence();
        return LicencesApi.document(licences.documentForReview(l, reviewer), l);
    }

    @PostMapping("/api/v1/platform/licences/{id}/verification")
    @Operation(summary = "Verify or reject the licence", description = "Body {decision: verified | rejected, note} "
            + "(a note is required to reject, at most 1000 characters). 201 with the licence and every decision; the "
            + "decision is recorded with who and when, and audited in the clinic's log.")
    ResponseEntity<Decided> decide(@PathVariable String id, @RequestBody(required = false) DecisionBody body) {
        SignedInUser reviewer = platform.require(PlatformRole.LICENCE_REVIEWER);
        QueueEntry e = licences.decide(id, body == null ? null : body.decision(), body == null ? null : body.note(),
                reviewer);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Decided(view(e),
                licences.decisions(e.licence()).stream().map(PlatformLicencesApi::view).toList()));
    }

    private static EntryView view(QueueEntry e) {
        Licence l = e.licence();
        return new EntryView(l.id(), e.clinicSlug(), e.clinicName(), l.practitionerId(), e.practitionerName(),
                l.type().code(), l.type().label(), l.number(), l.jurisdiction(), l.expiresOn(), e.status(),
                l.documentType(), "/api/v1/platform/licences/" + l.id() + "/document", l.createdAt(),
                l.decision() == null ? null : view(l.decision()));
    }

    private static DecisionView view(Licence.Decision d) {
        return new DecisionView(d.id(), d.review().code(), d.note(), d.decidedAt(), d.decidedBy());
    }
}

package com.clearskin.portal.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Role;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.booking.Appointments;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.portal.ClientData;
import com.clearskin.portal.ClientDataExport;
import com.clearskin.portal.ClientDataPdf;
import com.clearskin.portal.ErasurePolicy;
import com.clearskin.portal.ErasureRequest;
import com.clearskin.portal.Erasures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The client portal for integrators (a clinic's own app): the signed-in client's record,
 * appointments, care instructions, intake, data download and erasure requests; and the clinic's
 * decisions on erasure requests.
 */
@RestController
@RequestMapping(path = "/api/v1/clinics/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Client portal", description = "What a signed-in client may see and do about their own data.")
class PortalApi {

    private static final Set<Role> CLIENT = Set.of(Role.CLIENT);

    record ErasureRequestBody(String note) {
    }

    record DeclineBody(String reason) {
    }

    record ErasureView(UUID id, UUID clientId, Instant requestedAt, String note, String status, Instant decidedAt,
            String decision) {
        static ErasureView of(ErasureRequest r) {
            return new ErasureView(r.id(), r.clientId(), r.requestedAt(), r.note(), r.status().code(), r.decidedAt(),
                    r.decision());
        }
    }

    record ErasureList(int count, List<ErasureView> requests, List<String> erased, List<String> kept) {
    }

    record Recorded(UUID id, Instant recordedAt) {
    }

    private final ClinicAccess access;
    private final Clients clients;
    private final ClientAssessments assessments;
    private final Appointments appointments;
    private final ClientDataExport export;
    private final ClientDataPdf pdf;
    private final Erasures erasures;
    private final AuditLog audit;

    PortalApi(ClinicAccess access, Clients clients, ClientAssessments assessments, Appointments appointments,
            ClientDataExport export, ClientDataPdf pdf, Erasures erasures, AuditLog audit) {
        this.audit = audit;
        this.access = access;
        this.clients = clients;
        this.assessments = assessments;
        this.appointments = appointments;
        this.export = export;
        this.pdf = pdf;
        this.erasures = erasures;
    }

    @GetMapping("/me")
    @Operation(summary = "Everything the clinic holds about the signed-in client (client role)")
    ClientData me(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        audit.record(m, client.id(), AuditAction.READ, AuditResource.CLIENT_DATA, "portal: own data (API)");
        return export.of(m.clinic(), client);
    }

    @GetMapping("/me/aftercare")
    @Operation(summary = "Before- and aftercare for the client's booked and past treatments")
    List<ClientData.CareInstructions> care(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        return export.care(m.clinic(), appointments.forClient(m.clinic(), client.id()));
    }

    @PostMapping(path = "/me/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The client fills in or updates their intake (a new assessment in their history)")
    ResponseEntity<Recorded> intake(@PathVariable String slug, @RequestBody JsonNode answers) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        if (answers == null || !answers.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object of assessment answers");
        }
        var recorded = assessments.record(m.clinic(), client, answers, access.currentUser().orElseThrow().id());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/me"))
                .body(new Recorded(recorded.id(), recorded.recordedAt()));
    }

    @GetMapping(path = "/me/data.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The client's data as a readable PDF")
    ResponseEntity<byte[]> dataPdf(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        audit.record(m, client.id(), AuditAction.EXPORT, AuditResource.CLIENT_DATA, "portal: download (PDF, API)");
        return PortalPages.download(pdf.render(export.of(m.clinic(), client)), MediaType.APPLICATION_PDF,
                "clearskin-" + slug + "-my-data.pdf");
    }

    @GetMapping("/me/erasure-requests")
    @Operation(summary = "The client's requests to erase their data, with what is erased and what is kept")
    ErasureList myErasures(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        return list(erasures.forClient(m.clinic(), client.id()));
    }

    @PostMapping(path = "/me/erasure-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask the clinic to erase the client's data (the clinic confirms)")
    ResponseEntity<ErasureView> requestErasure(@PathVariable String slug,
            @RequestBody(required = false) ErasureRequestBody body) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client client = own(m.clinic());
        ErasureRequest r = erasures.request(m.clinic(), client.id(), access.currentUser().orElseThrow().id(),
                body == null ? null : body.note());
        return ResponseEntity.status(201).body(ErasureView.of(r));
    }

    @GetMapping("/erasure-requests")
    @Operation(summary = "The clinic's erasure requests (owner, admin)")
    ErasureList clinicErasures(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.HANDLE_ERASURE_REQUESTS);
        return list(erasures.list(m.clinic()));
    }

    @PostMapping("/erasure-requests/{id}/confirm")
    @Operation(summary = "Confirm: erase the client's personal data, keep the record the law requires (owner, admin)")
    ErasureView confirm(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.HANDLE_ERASURE_REQUESTS);
        return ErasureView.of(erasures.confirm(m.clinic(), PortalPages.parse(id), access.currentUser().orElseThrow().id()));
    }

    @PostMapping(path = "/erasure-requests/{id}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decline with a reason the client reads (owner, admin)")
    ErasureView decline(@PathVariable String slug, @PathVariable String id, @RequestBody(required = false) DeclineBody body) {
        Membership m = access.require(slug, Capability.HANDLE_ERASURE_REQUESTS);
        return ErasureView.of(erasures.decline(m.clinic(), PortalPages.parse(id), access.currentUser().orElseThrow().id(),
                body == null ? null : body.reason()));
    }

    private ErasureList list(List<ErasureRequest> requests) {
        return new ErasureList(requests.size(), requests.stream().map(ErasureView::of).toList(), ErasurePolicy.erased(),
                ErasurePolicy.kept(erasures.retention()));
    }

    private Client own(Clinic clinic) {
        return clients.ownedBy(clinic, access.currentUser().orElseThrow().id()).orElseThrow(() -> new NotFoundException(
                "Your account is not linked to a client record at " + clinic.name() + "."));
    }
}

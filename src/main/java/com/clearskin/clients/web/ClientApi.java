package com.clearskin.clients.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.assessment.AssessmentJson;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.ClientAccess;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.clients.RecordedAssessment;
import com.clearskin.platform.NotFoundException;
import com.clearskin.recommendation.Recommendation;
import com.clearskin.recommendation.Recommendations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A clinic's clients and their assessment history. Everyone who works at the clinic reads and adds
 * clients; health answers follow the permission table ({@link com.clearskin.accounts.Permissions}):
 * owner and admin, a practitioner for the clients they treat, a client for themself; never the front desk.
 */
@RestController
@RequestMapping("/api/v1/clinics/{slug}/clients")
@Tag(name = "Clients", description = "A clinic's clients, their assessments over time, and the recommendation "
        + "for the latest one")
@SecurityRequirement(name = "bearer")
class ClientApi {

    record ClientList(String clinic, int count, List<Client> clients) {
    }

    record Recorder(UUID id, String name) {
    }

    record AssessmentView(UUID id, Instant recordedAt, Recorder recordedBy, Map<String, Object> assessment) {

        static AssessmentView of(RecordedAssessment r) {
            return new AssessmentView(r.id(), r.recordedAt(), new Recorder(r.recordedBy(), r.recordedByName()),
                    AssessmentJson.toMap(r.assessment()));
        }
    }

    record AssessmentHistory(UUID client, int count, List<AssessmentView> assessments) {
    }

    private final ClinicAccess access;
    private final ClientAccess clientAccess;
    private final Clients clients;
    private final ClientAssessments assessments;
    private final Recommendations recommendations;
    private final AuditLog audit;

    ClientApi(ClinicAccess access, ClientAccess clientAccess, Clients clients, ClientAssessments assessments,
            Recommendations recommendations, AuditLog audit) {
        this.access = access;
        this.clientAccess = clientAccess;
        this.clients = clients;
        this.assessments = assessments;
        this.recommendations = recommendations;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The clinic's clients, by last name then first name (staff)")
    ClientList list(@PathVariable String slug,
            @Parameter(description = "Only clients whose name contains this text, in any case")
            @RequestParam(required = false) String q) {
        Membership m = access.require(slug, Capability.LIST_CLIENTS);
        List<Client> found = clients.list(m.clinic(), q);
        audit.recordEach(m, found.stream().map(Client::id).toList(), AuditAction.READ, AuditResource.CLIENT_RECORD,
                "client list (API)");
        return new ClientList(slug, found.size(), found);
    }

    @PostMapping
    @Operation(summary = "Add a client (staff)", description = "firstName and lastName are required (at most 100 "
            + "characters); email, phone (digits, spaces, + - ( ), at most 30) and dateOfBirth (YYYY-MM-DD, from 1900, "
            + "not in the future) are optional. A 400 names each wrong field.")
    ResponseEntity<Client> create(@PathVariable String slug, @RequestBody NewClient body) {
        Membership m = access.require(slug, Capability.LIST_CLIENTS);
        Client client = clients.create(m.clinic(), body);
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/clients/" + client.id())).body(client);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One client (staff, or the client themself)", description = "404 for an id that is not a client of this clinic, and to a client for anybody but themself.")
    Client one(@PathVariable String slug, @PathVariable String id) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.READ_CLIENT);
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.CLIENT_RECORD, "client record (API)");
        return g.client();
    }

    @GetMapping("/{id}/assessments")
    @Operation(summary = "The client's assessments, newest first (owner, admin, a practitioner who treats the client, the client themself)")
    AssessmentHistory history(@PathVariable String slug, @PathVariable String id) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        Client client = g.client();
        List<AssessmentView> views = assessments.history(g.clinic(), client).stream().map(AssessmentView::of).toList();
        audit.record(g.membership(), client.id(), AuditAction.READ, AuditResource.ASSESSMENT,
                views.size() + " assessments (API)");
        return new AssessmentHistory(client.id(), views.size(), views);
    }

    @PostMapping("/{id}/assessments")
    @Operation(summary = "Record an assessment (owner, admin, practitioner, the client themself)", description = "The body is the "
            + "assessment JSON of POST /api/v1/recommendations. asOf defaults to today in the clinic's time zone; "
            + "without an age, the age at asOf is taken from the client's date of birth. Earlier assessments are "
            + "kept as they were.")
    ResponseEntity<AssessmentView> record(@PathVariable String slug, @PathVariable String id,
            @RequestBody JsonNode body) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.RECORD_ASSESSMENT);
        RecordedAssessment recorded = assessments.record(g.clinic(), g.client(), body,
                access.currentUser().orElseThrow().id());
        return ResponseEntity.status(HttpStatus.CREATED).body(AssessmentView.of(recorded));
    }

    @GetMapping("/{id}/recommendation")
    @Operation(summary = "The recommendation for the client's latest assessment (as for the assessments)",
            description = "Judged as of that assessment's asOf date over the clinic's own catalog. 404 when the "
                    + "client has no assessment yet.")
    Recommendation recommendation(@PathVariable String slug, @PathVariable String id) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.READ_RECOMMENDATION);
        RecordedAssessment latest = assessments.latest(g.clinic(), g.client()).orElseThrow(() -> new NotFoundException(
                "This client has no assessment yet: record one first (POST .../assessments)."));
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.RECOMMENDATION,
                "recommendation for the latest assessment (API)");
        return recommendations.forClinic(g.clinic(), latest.assessment());
    }
}

package com.clearskin.clients.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.assessment.AssessmentJson;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.AssignedPractitioners;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    /** The body of PUT .../practitioner. */
    record AssignPractitioner(UUID practitionerId) {
    }

    /** The client's assigned practitioner; {@code practitionerId} null when none is assigned. */
    record PractitionerView(UUID client, UUID practitionerId, String practitionerName, Instant assignedAt) {
        static PractitionerView of(UUID client, java.util.Optional<AssignedPractitioners.Assignment> a) {
            return a.map(x -> new PractitionerView(client, x.practitionerId(), x.practitionerName(), x.assignedAt()))
                    .orElse(new PractitionerView(client, null, null, null));
        }
    }

    private final ClinicAccess access;
    private final ClientAccess clientAccess;
    private final Clients clients;
    private final ClientAssessments assessments;
    private final Recommendations recommendations;
    private final java.time.Clock clock;
    private final AuditLog audit;
    private final AssignedPractitioners assigned;

    ClientApi(ClinicAccess access, ClientAccess clientAccess, Clients clients, ClientAssessments assessments,
            Recommendations recommendations, AuditLog audit, AssignedPractitioners assigned, java.time.Clock clock) {
        this.clock = clock;
        this.assigned = assigned;
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
    @Operation(summary = "One client (staff, or the client themself)",
            description = "404 for an id that is not a client of this clinic, and to a client for anybody but themself.")
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
    @Operation(summary = "Record an assessment (owner, admin, a practitioner who treats the client, the client themself)",
            description = "The body is the "
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
    @Operation(summary = "The recommendation for the client's latest assessment, with its plan (as for the assessments)",
            description = "Judged as of that assessment's asOf date over the clinic's own catalog; a time-bound answer "
                    + "(isotretinoin, retinoid creams, pregnancy) it leaves unknown is taken from the latest earlier "
                    + "assessment that gave it. plan: the first step (the top recommended treatment as a course, dated "
                    + "from the clinic's today), when to re-measure, and the next level if the change stays under the "
                    + "clinic's threshold; null when nothing is recommended. 404 when the "
                    + "client has no assessment yet.")
    Recommendation recommendation(@PathVariable String slug, @PathVariable String id) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.READ_RECOMMENDATION);
        com.clearskin.assessment.Assessment effective = assessments.effective(g.clinic(), g.client())
                .orElseThrow(() -> new NotFoundException(
                        "This client has no assessment yet: record one first (POST .../assessments)."));
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.RECOMMENDATION,
                "recommendation for the latest assessment (API)");
        return recommendations.forClient(g.clinic(), g.client().id(), effective,
                LocalDate.now(clock.withZone(g.clinic().timeZone())));
    }

    @GetMapping("/{id}/practitioner")
    @Operation(summary = "The client's assigned practitioner (staff, or the client themself)",
            description = "practitionerId is null when the clinic assigned none.")
    PractitionerView practitioner(@PathVariable String slug, @PathVariable String id) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.READ_CLIENT);
        return PractitionerView.of(g.client().id(), assigned.of(g.clinic(), g.client().id()));
    }

    @PutMapping("/{id}/practitioner")
    @Operation(summary = "Assign a practitioner to the client (owner, admin)", description = "Body: "
            + "{\"practitionerId\"}. The practitioner then treats the client: they read the client's assessments and "
            + "recommendation and record intakes. Replaces an earlier assignment. Audited. 400 unless an active "
            + "practitioner of the clinic with an account.")
    PractitionerView assign(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) AssignPractitioner body) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.ASSIGN_PRACTITIONER);
        AssignedPractitioners.Assignment a = assigned.assign(g.clinic(), g.client(),
                body == null ? null : body.practitionerId(), access.currentUser().orElseThrow().id());
        return PractitionerView.of(g.client().id(), java.util.Optional.of(a));
    }

    @DeleteMapping("/{id}/practitioner")
    @Operation(summary = "Remove the client's assigned practitioner (owner, admin)", description = "The "
            + "practitioner no longer reads the client's health record by the assignment (a checked-in "
            + "appointment with them still counts). Audited. 204, also when none was assigned.")
    ResponseEntity<Void> unassign(@PathVariable String slug, @PathVariable String id) {
        ClientAccess.Granted g = clientAccess.require(slug, id, Capability.ASSIGN_PRACTITIONER);
        assigned.unassign(g.clinic(), g.client());
        return ResponseEntity.noContent().build();
    }
}

package com.clearskin.hygiene.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.hygiene.Hygiene;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.Ids;
import com.clearskin.sessions.SessionDesk;
import com.clearskin.sessions.Sessions;
import com.clearskin.sessions.TreatmentSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Instrument hygiene: owners, admins and practitioners record sterilizers, sets, cycles, spore tests
 * and what a session used; every staff member reads the log, packages and recalls; other clinics 404.
 */
@RestController
@Tag(name = "Hygiene", description = "Instrument sterilization traced from the autoclave to the client")
@SecurityRequirement(name = "bearer")
class HygieneApi {

    record CycleView(UUID id, String status, List<String> reasons, List<Hygiene.PackageRef> packages, UUID sterilizerId,
            String operator, Instant startedAt, double temperatureC, int exposureMinutes, int dryingMinutes,
            String chemicalIndicator) {
        static CycleView of(Hygiene.Cycle c) {
            return new CycleView(c.id(), c.status(), c.reasons(), c.packages(), c.sterilizerId(), c.operator(), c.startedAt(),
                    c.temperatureC(), c.exposureMinutes(), c.dryingMinutes(), c.chemicalIndicator());
        }
    }

    record RecallSession(UUID id, UUID clientId, UUID practitionerId, Instant startedAt, String packageCode) {
    }

    record RecallClient(UUID id, String name, String email, String phone) {
    }

    record Recall(UUID sporeTestId, UUID sterilizerId, Instant readAt, List<Hygiene.PackageRef> packages,
            List<RecallSession> sessions, List<RecallClient> clients) {
    }

    private final ClinicAccess access;
    private final Hygiene hygiene;
    private final SessionDesk desk;
    private final Sessions sessions;
    private final Clients clients;
    private final AuditLog audit;

    HygieneApi(ClinicAccess access, Hygiene hygiene, SessionDesk desk, Sessions sessions, Clients clients, AuditLog audit) {
        this.access = access;
        this.hygiene = hygiene;
        this.desk = desk;
        this.sessions = sessions;
        this.clients = clients;
        this.audit = audit;
    }

    private UUID user() {
        return access.currentUser().orElseThrow().id();
    }

    @GetMapping("/api/v1/clinics/{slug}/sterilizers")
    @Operation(summary = "The clinic's sterilizers, in service or not, with their next spore test due")
    List<Hygiene.Sterilizer> sterilizers(@PathVariable String slug) {
        return hygiene.sterilizers(access.require(slug, Capability.READ_STERILIZATION_LOG).clinic());
    }

    @PostMapping("/api/v1/clinics/{slug}/sterilizers")
    @Operation(summary = "Add a sterilizer", description = "Body: name, kind (steam-gravity, steam-prevacuum, dry-heat), serial.")
    ResponseEntity<Hygiene.Sterilizer> addSterilizer(@PathVariable String slug, @RequestBody(required = false) JsonNode body) {
        Clinic clinic = access.require(slug, Capability.RECORD_STERILIZATION).clinic();
        Hygiene.Sterilizer s = hygiene.addSterilizer(clinic, body, user());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/sterilizers/" + s.id())).body(s);
    }

    @GetMapping("/api/v1/clinics/{slug}/instrument-sets")
    @Operation(summary = "The clinic's instrument sets")
    List<Hygiene.InstrumentSet> sets(@PathVariable String slug) {
        return hygiene.sets(access.require(slug, Capability.READ_STERILIZATION_LOG).clinic());
    }

    @PostMapping("/api/v1/clinics/{slug}/instrument-sets")
    @Operation(summary = "Add an instrument set", description = "Body: name, instruments [\"comedone extractor\", ...].")
    ResponseEntity<Hygiene.InstrumentSet> addSet(@PathVariable String slug, @RequestBody(required = false) JsonNode body) {
        Clinic clinic = access.require(slug, Capability.RECORD_STERILIZATION).clinic();
        Hygiene.InstrumentSet s = hygiene.addSet(clinic, body, user());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/instrument-sets/" + s.id())).body(s);
    }

    @PostMapping("/api/v1/clinics/{slug}/sterilization-cycles")
    @Operation(summary = "Record a sterilization cycle and its packages", description = "Body: sterilizerId, operator, "
            + "startedAt, temperatureC (0-300), exposureMinutes, dryingMinutes (0-600), chemicalIndicator (pass|fail), "
            + "packages [{setId}]. The status is decided by the parameters against the minimums of the sterilizer's kind.")
    ResponseEntity<CycleView> recordCycle(@PathVariable String slug, @RequestBody(required = false) JsonNode body) {
        Clinic clinic = access.require(slug, Capability.RECORD_STERILIZATION).clinic();
        Hygiene.Cycle c = hygiene.recordCycle(clinic, body, user());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/sterilization-cycles/" + c.id()))
                .body(CycleView.of(c));
    }

    @GetMapping("/api/v1/clinics/{slug}/packages/{code}")
    @Operation(summary = "A package's status (usable, or why not) and history")
    Hygiene.PackageStatus pkg(@PathVariable String slug, @PathVariable String code) {
        return hygiene.packageStatus(access.require(slug, Capability.READ_STERILIZATION_LOG).clinic(), code);
    }

    @PostMapping("/api/v1/clinics/{slug}/spore-tests")
    @Operation(summary = "Record a spore test reading", description = "Body: sterilizerId, cycleId, result (pass|fail), "
            + "readAt. A failure takes the sterilizer out of service and recalls every package since its last pass.")
    ResponseEntity<Hygiene.SporeTest> sporeTest(@PathVariable String slug, @RequestBody(required = false) JsonNode body) {
        Clinic clinic = access.require(slug, Capability.RECORD_STERILIZATION).clinic();
        Hygiene.SporeTest t = hygiene.recordSporeTest(clinic, body, user());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/spore-tests/" + t.id())).body(t);
    }

    @GetMapping("/api/v1/clinics/{slug}/spore-tests/{id}/recall")
    @Operation(summary = "The recall of a failed spore test: packages, the sessions they were used in, the clients to call")
    Recall recall(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.READ_STERILIZATION_LOG);
        Clinic clinic = m.clinic();
        Hygiene.SporeTest t = hygiene.requireSporeTest(clinic, Ids.orNotFound(id, "No spore test " + id + "."));
        if (!"fail".equals(t.result())) {
            throw new ConflictException("spore-test-passed", "This spore test passed: there is nothing to recall.", Map.of());
        }
        List<RecallSession> used = new ArrayList<>();
        Map<UUID, RecallClient> people = new LinkedHashMap<>();
        for (Hygiene.Use u : hygiene.usesOfRecall(clinic, t.id())) {
            Optional<TreatmentSession> s = sessions.find(clinic, u.sessionId());
            if (s.isEmpty()) {
                continue;
            }
            used.add(new RecallSession(s.get().id(), s.get().clientId(), s.get().practitionerId(), s.get().startedAt(),
                    u.packageCode()));
            clients.find(clinic, s.get().clientId()).ifPresent(c -> people.putIfAbsent(c.id(), contact(c)));
        }
        audit.recordEach(m, people.keySet(), AuditAction.READ, AuditResource.CLIENT_RECORD, "instrument recall contact list");
        return new Recall(t.id(), t.sterilizerId(), t.readAt(), hygiene.packages(clinic, t.recalled()), used,
                List.copyOf(people.values()));
    }

    private static RecallClient contact(Client c) {
        return new RecallClient(c.id(), c.fullName(), c.email(), c.phone());
    }

    @PostMapping("/api/v1/clinics/{slug}/sessions/{id}/instruments")
    @Operation(summary = "Record what the session used", description = "Body: {package: CODE} or {singleUse: {product, lot}}. "
            + "409 package-not-usable saying why; 409 session-signed once the record is signed.")
    ResponseEntity<Hygiene.Use> recordUse(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        access.require(slug, Capability.RECORD_STERILIZATION);
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        if (g.session().signed()) {
            throw new ConflictException("session-signed", "The record is signed: it cannot change. Add an addendum instead.",
                    Map.of("status", g.session().status()));
        }
        Hygiene.Use u = hygiene.recordUse(g.clinic(), g.session().id(), body, g.userId());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/sessions/" + id + "/instruments/" + u.id()))
                .body(u);
    }

    @GetMapping("/api/v1/clinics/{slug}/sessions/{id}/instruments")
    @Operation(summary = "What the session used")
    List<Hygiene.Use> uses(@PathVariable String slug, @PathVariable String id) {
        access.require(slug, Capability.READ_STERILIZATION_LOG);
        SessionDesk.Granted g = desk.session(slug, id, Capability.READ_RECORD_STATUS);
        return hygiene.uses(g.clinic(), g.session().id());
    }

    @GetMapping(value = "/api/v1/clinics/{slug}/sterilization-log", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The sterilization log between two days (from, to: dates; default the last 30 days)",
            description = "JSON by default; Accept: text/csv (or the .csv address) for a spreadsheet.")
    Hygiene.Log log(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return hygiene.log(access.require(slug, Capability.READ_STERILIZATION_LOG).clinic(), from, to);
    }

    @GetMapping(value = {"/api/v1/clinics/{slug}/sterilization-log", "/api/v1/clinics/{slug}/sterilization-log.csv"},
            produces = "text/csv")
    ResponseEntity<byte[]> logCsv(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Clinic clinic = access.require(slug, Capability.READ_STERILIZATION_LOG).clinic();
        Hygiene.Log log = hygiene.log(clinic, from, to);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"sterilization-log-" + log.from() + "-" + log.to() + ".csv\"")
                .body(SterilizationLogCsv.of(log).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = {"/api/v1/clinics/{slug}/sterilization-log", "/api/v1/clinics/{slug}/sterilization-log.pdf"},
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The sterilization log as PDF (Accept: application/pdf, or the .pdf address)")
    ResponseEntity<byte[]> logPdf(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Clinic clinic = access.require(slug, Capability.READ_STERILIZATION_LOG).clinic();
        Hygiene.Log log = hygiene.log(clinic, from, to);
        Map<UUID, String> names = new LinkedHashMap<>();
        hygiene.sterilizers(clinic).forEach(s -> names.put(s.id(), s.name()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline; filename=\"sterilization-log-" + log.from() + "-" + log.to() + ".pdf\"")
                .body(SterilizationLogPdf.render(clinic, log, names));
    }
}

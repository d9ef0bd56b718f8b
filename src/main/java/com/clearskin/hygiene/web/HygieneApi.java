package com.clearskin.hygiene.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.clinics.Clinic;
import com.clearskin.hygiene.ClinicSterilizationSettings;
import com.clearskin.hygiene.Hygiene;
import com.clearskin.hygiene.SterilizationSettings;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.IfMatch;
import com.clearskin.platform.Ids;
import com.clearskin.platform.StoredSettings;
import com.clearskin.sessions.SessionDesk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
            String chemicalIndicator, boolean implantLoad) {
        static CycleView of(Hygiene.Cycle c) {
            return new CycleView(c.id(), c.status(), c.reasons(), c.packages(), c.sterilizerId(), c.operator(), c.startedAt(),
                    c.temperatureC(), c.exposureMinutes(), c.dryingMinutes(), c.chemicalIndicator(), c.implantLoad());
        }
    }

    record SettingsView(String clinic, boolean customized, int revision, Instant updatedAt, SterilizationSettings settings) {
        static SettingsView of(String slug, StoredSettings<SterilizationSettings> c) {
            return new SettingsView(slug, c.customized(), c.revision(), c.updatedAt(), c.settings());
        }
    }

    record Stock(List<Hygiene.Stocked> packages) {
    }

    private final ClinicAccess access;
    private final Hygiene hygiene;
    private final Recalls recalls;
    private final ClinicSterilizationSettings settings;
    private final SessionDesk desk;

    HygieneApi(ClinicAccess access, Hygiene hygiene, Recalls recalls, ClinicSterilizationSettings settings, SessionDesk desk) {
        this.access = access;
        this.hygiene = hygiene;
        this.recalls = recalls;
        this.settings = settings;
        this.desk = desk;
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
    @Operation(summary = "The recall of a failed spore test: packages, the sessions they were used in, the clients to call, "
            + "and the checklist of what was done")
    Recalls.Recall recall(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.READ_STERILIZATION_LOG);
        return recalls.recall(m, Ids.orNotFound(id, "No spore test " + id + "."));
    }

    @PostMapping("/api/v1/clinics/{slug}/spore-tests/{id}/recall/actions")
    @Operation(summary = "Record a step of the recall", description = "Body: clientId (a client the recall names; "
            + "optional for closed), action (notified, no-answer, seen-in-clinic, referred, closed), note.")
    ResponseEntity<Hygiene.RecallAction> recallAction(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        Membership m = access.require(slug, Capability.RECORD_STERILIZATION);
        Hygiene.RecallAction a = recalls.act(m, Ids.orNotFound(id, "No spore test " + id + "."), body, user());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/spore-tests/" + id + "/recall")).body(a);
    }

    @GetMapping("/api/v1/clinics/{slug}/sterilizers/{id}/repairs")
    @Operation(summary = "A sterilizer's repairs, newest first")
    List<Hygiene.Repair> repairs(@PathVariable String slug, @PathVariable String id) {
        Clinic clinic = access.require(slug, Capability.READ_STERILIZATION_LOG).clinic();
        return hygiene.repairs(clinic, Ids.orNotFound(id, "No sterilizer " + id + "."));
    }

    @PostMapping("/api/v1/clinics/{slug}/sterilizers/{id}/repairs")
    @Operation(summary = "Record a repair", description = "Body: repairedAt (not in the future), note. A spore test is due "
            + "after a repair (AAMI ST79): until one passes, the sterilizer shows its test as overdue.")
    ResponseEntity<Hygiene.Repair> addRepair(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        Clinic clinic = access.require(slug, Capability.RECORD_STERILIZATION).clinic();
        Hygiene.Repair r = hygiene.addRepair(clinic, Ids.orNotFound(id, "No sterilizer " + id + "."), body, user());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/sterilizers/" + id + "/repairs")).body(r);
    }

    @GetMapping("/api/v1/clinics/{slug}/packages")
    @Operation(summary = "Packages on the shelf (cycle passed, not opened, recalled or expired), soonest expiry first")
    Stock stock(@PathVariable String slug) {
        return new Stock(hygiene.stock(access.require(slug, Capability.READ_STERILIZATION_LOG).clinic()));
    }

    @GetMapping(value = "/api/v1/clinics/{slug}/packages/{code}/label.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A package's printable label (62 x 40 mm): QR code, code, day, cycle, sterilizer, expiry")
    ResponseEntity<byte[]> label(@PathVariable String slug, @PathVariable String code) {
        Clinic clinic = access.require(slug, Capability.READ_STERILIZATION_LOG).clinic();
        Hygiene.PackageStatus p = hygiene.packageStatus(clinic, code);
        String sterilizer = hygiene.requireSterilizer(clinic, p.sterilizerId()).name();
        String set = p.setId() == null ? "Loose instruments" : hygiene.sets(clinic).stream().filter(x -> x.id().equals(p.setId()))
                .map(Hygiene.InstrumentSet::name).findFirst().orElse("Instrument set");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline; filename=\"package-" + p.code() + ".pdf\"")
                .body(PackageLabelPdf.render(clinic, p, sterilizer, set));
    }

    @GetMapping("/api/v1/clinics/{slug}/sterilization-settings")
    @Operation(summary = "The sterilization settings in force: cycle minimums per kind, shelf life, overdue spore tests")
    ResponseEntity<SettingsView> settings(@PathVariable String slug) {
        Clinic clinic = access.require(slug, Capability.READ_STERILIZATION_LOG).clinic();
        StoredSettings<SterilizationSettings> c = settings.current(clinic);
        return ResponseEntity.ok().eTag(Integer.toString(c.revision())).body(SettingsView.of(slug, c));
    }

    @PutMapping("/api/v1/clinics/{slug}/sterilization-settings")
    @Operation(summary = "Change the sterilization settings (owners and admins)", description = "The body is the 'settings' "
            + "object as GET returns it. Minimums may be raised above CDC 2008, never lowered below it; shelfLifeDays null "
            + "(event-related) or 1-3650; blockOnOverdueSporeTest. With If-Match, a stale revision is refused with 409.")
    ResponseEntity<SettingsView> changeSettings(@PathVariable String slug, @RequestBody(required = false) SterilizationSettings body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Clinic clinic = access.require(slug, Capability.EDIT_RECORD_SETTINGS).clinic();
        StoredSettings<SterilizationSettings> c = settings.update(clinic, body, IfMatch.revision(ifMatch), user());
        return ResponseEntity.ok().eTag(Integer.toString(c.revision())).body(SettingsView.of(slug, c));
    }

    @DeleteMapping("/api/v1/clinics/{slug}/sterilization-settings")
    @Operation(summary = "Back to the sourced defaults (owners and admins)")
    SettingsView resetSettings(@PathVariable String slug) {
        Clinic clinic = access.require(slug, Capability.EDIT_RECORD_SETTINGS).clinic();
        return SettingsView.of(slug, settings.reset(clinic));
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

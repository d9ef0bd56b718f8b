package com.clearskin.sessions.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.Membership;
import com.clearskin.platform.IfMatch;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.StoredSettings;
import com.clearskin.booking.Appointment;
import com.clearskin.sessions.SessionDesk;
import com.clearskin.sessions.SessionPdf;
import com.clearskin.sessions.OversightSettings;
import com.clearskin.sessions.SessionSettings;
import com.clearskin.sessions.SessionView;
import com.clearskin.sessions.SessionViews;
import com.clearskin.sessions.Sessions;
import com.clearskin.sessions.TreatmentSession;
import com.clearskin.sessions.VisitSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Treatment sessions and their clinical record. Practitioners treating the client, admins and owners
 * read and write them; the front desk sees only a session's existence and status; only the clinic's
 * medical director co-signs; a client reads their visit summaries; other clinics get 404.
 */
@RestController
@Tag(name = "Sessions", description = "The visit as it happens: the day's safety check, the protocol's steps with "
        + "server-held timers, the chart, signatures, co-signature and addenda")
@SecurityRequirement(name = "bearer")
class SessionApi {

    record StatusView(UUID id, UUID appointmentId, String status, Instant startedAt, Instant signedAt) {
        static StatusView of(TreatmentSession s) {
            return new StatusView(s.id(), s.appointmentId(), s.status(), s.startedAt(), s.signedAt());
        }
    }

    record History(UUID clientId, List<SessionView> sessions) {
    }

    record Queue(List<SessionView> sessions) {
    }

    record StepNotes(String notes) {
    }

    record AddendumBody(String text) {
    }

    record Settings(String medicalDirectorId, Integer revision) {
        static ResponseEntity<Settings> of(StoredSettings<OversightSettings> s) {
            UUID director = s.settings().medicalDirectorId();
            return ResponseEntity.ok().eTag("\"" + s.revision() + "\"")
                    .body(new Settings(director == null ? null : director.toString(), s.revision()));
        }
    }

    record Visits(List<VisitSummary> visits) {
    }

    private final SessionDesk desk;
    private final Sessions sessions;
    private final SessionViews views;
    private final SessionPdf pdf;
    private final SessionSettings settings;

    SessionApi(SessionDesk desk, Sessions sessions, SessionViews views, SessionPdf pdf, SessionSettings settings) {
        this.desk = desk;
        this.sessions = sessions;
        this.views = views;
        this.pdf = pdf;
        this.settings = settings;
    }

    @PostMapping("/api/v1/clinics/{slug}/appointments/{id}/session")
    @Operation(summary = "Start the session of a checked-in appointment", description = "Body: todayCheck with "
            + "sunburnOrRecentTan, activeInfectionInArea, openWoundsInArea, pregnantOrBreastfeeding, "
            + "newMedicationSinceAssessment (each true or false: a missing one is a 400 naming it), and "
            + "acknowledgedCautions [{rule, reason}]. 409 types: consent-required, safety-excluded (with reasons), "
            + "caution-unacknowledged (with the cautions), session-exists, not-checked-in.")
    ResponseEntity<SessionView> start(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        Appointment a = desk.appointment(slug, id, Capability.WRITE_RECORD);
        Membership m = desk.member(slug);
        TreatmentSession s = sessions.start(m.clinic(), a, body, desk.userId());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/sessions/" + s.id()))
                .body(views.of(m.clinic(), s));
    }

    @GetMapping("/api/v1/clinics/{slug}/appointments/{id}/session")
    @Operation(summary = "Whether the appointment's session exists and its status (all staff; no content)")
    StatusView status(@PathVariable String slug, @PathVariable String id) {
        Appointment a = desk.appointment(slug, id, Capability.READ_RECORD_STATUS);
        return sessions.forAppointment(desk.member(slug).clinic(), a.id()).map(StatusView::of)
                .orElseThrow(() -> new NotFoundException("The appointment has no session yet."));
    }

    @GetMapping("/api/v1/clinics/{slug}/sessions/{id}")
    @Operation(summary = "The whole record, addenda included")
    SessionView one(@PathVariable String slug, @PathVariable String id) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.READ_RECORD);
        desk.audited(g.membership(), g.session().clientId(), "session record");
        return views.of(g.clinic(), g.session());
    }

    @GetMapping(value = "/api/v1/clinics/{slug}/sessions/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The record as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable String slug, @PathVariable String id) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.READ_RECORD);
        byte[] out = pdf.render(g.clinic(), views.of(g.clinic(), g.session()));
        desk.exported(g.membership(), g.session().clientId(), "session record PDF");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline; filename=\"session-" + g.session().id() + ".pdf\"").body(out);
    }

    @PostMapping("/api/v1/clinics/{slug}/sessions/{id}/steps/{order}/start")
    @Operation(summary = "Start a step: the server keeps its start time (409 when started already)")
    SessionView startStep(@PathVariable String slug, @PathVariable String id, @PathVariable String order) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        return views.of(g.clinic(), sessions.startStep(g.clinic(), g.session().id(), order(order), g.userId()));
    }

    @PostMapping("/api/v1/clinics/{slug}/sessions/{id}/steps/{order}/complete")
    @Operation(summary = "Complete a step with its notes", description = "Body (optional): notes. Two devices "
            + "completing the same step at once: one succeeds, the other gets 409.")
    SessionView completeStep(@PathVariable String slug, @PathVariable String id, @PathVariable String order,
            @RequestBody(required = false) StepNotes body) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        return views.of(g.clinic(), sessions.completeStep(g.clinic(), g.session().id(), order(order),
                body == null ? null : body.notes(), g.userId()));
    }

    @PutMapping("/api/v1/clinics/{slug}/sessions/{id}/chart")
    @Operation(summary = "Save the chart", description = "products [{name, lot, expires}] (an expired lot is a 400 "
            + "naming products[i].expires), devices [{name, settings{}}], skinResponse {erythema, edema} 0-3, "
            + "adverseEvents [{description, severity: mild|moderate|severe}], notes {subjective, objective, "
            + "assessment, plan}, preferences {music, aroma, lighting, pressure}. 409 once signed.")
    SessionView chart(@PathVariable String slug, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        return views.of(g.clinic(), sessions.saveChart(g.clinic(), g.session().id(), body, g.userId()));
    }

    @PostMapping("/api/v1/clinics/{slug}/sessions/{id}/sign")
    @Operation(summary = "Sign the record: it is locked from then on (every step done, a chart saved)")
    SessionView sign(@PathVariable String slug, @PathVariable String id) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        return views.of(g.clinic(), sessions.sign(g.clinic(), g.session().id(), g.userId()));
    }

    @PostMapping("/api/v1/clinics/{slug}/sessions/{id}/addenda")
    @Operation(summary = "Add an addendum (append-only, with author and time)")
    ResponseEntity<SessionView> addendum(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) AddendumBody body) {
        SessionDesk.Granted g = desk.session(slug, id, Capability.WRITE_RECORD);
        TreatmentSession s = sessions.addAddendum(g.clinic(), g.session().id(), body == null ? null : body.text(),
                g.userId());
        return ResponseEntity.status(201).body(views.of(g.clinic(), s));
    }

    @PostMapping("/api/v1/clinics/{slug}/sessions/{id}/cosign")
    @Operation(summary = "Co-sign a signed record that needs medical oversight (the clinic's medical director only; "
            + "anyone else 403)")
    SessionView cosign(@PathVariable String slug, @PathVariable String id) {
        SessionDesk.Granted g = desk.forCosign(slug, id);
        return views.of(g.clinic(), sessions.cosign(g.clinic(), g.session().id(), g.userId()));
    }

    @GetMapping("/api/v1/clinics/{slug}/cosign-queue")
    @Operation(summary = "Signed records waiting for the medical director's co-signature, oldest first "
            + "(owners, admins, the medical director)")
    Queue queue(@PathVariable String slug) {
        Membership m = desk.forQueue(slug);
        List<TreatmentSession> waiting = sessions.awaitingCosign(m.clinic());
        waiting.stream().map(TreatmentSession::clientId).distinct()
                .forEach(c -> desk.audited(m, c, "co-sign queue"));
        return new Queue(views.of(m.clinic(), waiting));
    }

    @GetMapping("/api/v1/clinics/{slug}/clients/{id}/sessions")
    @Operation(summary = "A client's sessions, newest first")
    History history(@PathVariable String slug, @PathVariable String id) {
        Membership m = desk.client(slug, id, Capability.READ_RECORD);
        UUID clientId = UUID.fromString(id);
        List<TreatmentSession> list = sessions.forClient(m.clinic(), clientId);
        if (!list.isEmpty()) {
            desk.audited(m, clientId, list.size() + " session record(s)");
        }
        return new History(clientId, views.of(m.clinic(), list));
    }

    @GetMapping("/api/v1/clinics/{slug}/session-settings")
    @Operation(summary = "The clinic's medical director (staff)", description = "The ETag (and revision) is the "
            + "settings' revision, for If-Match on a change.")
    ResponseEntity<Settings> settings(@PathVariable String slug) {
        Membership m = desk.require(slug, Capability.READ_RECORD_STATUS);
        return Settings.of(settings.current(m.clinic()));
    }

    @PutMapping("/api/v1/clinics/{slug}/session-settings")
    @Operation(summary = "Name the medical director: a physician practitioner of the clinic (owners, admins)",
            description = "Body {medicalDirectorId} (null: none); If-Match with the revision, optional (409 when another "
                    + "change came first).")
    ResponseEntity<Settings> changeSettings(@PathVariable String slug, @RequestBody(required = false) Settings body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Membership m = desk.require(slug, Capability.EDIT_RECORD_SETTINGS);
        return Settings.of(settings.changeMedicalDirector(m.clinic(), body == null ? null : body.medicalDirectorId(),
                IfMatch.revision(ifMatch), desk.userId()));
    }

    @GetMapping("/api/v1/clinics/{slug}/me/visits")
    @Operation(summary = "The signed-in client's visits in plain words: treatment, date, practitioner, aftercare")
    Visits visits(@PathVariable String slug) {
        Membership m = desk.member(slug);
        UUID own = desk.ownClient(m).orElseThrow(() -> new NotFoundException("No client record of yours here."));
        List<VisitSummary> visits = views.summaries(m.clinic(), own);
        if (!visits.isEmpty()) {
            desk.audited(m, own, "visit summaries");
        }
        return new Visits(visits);
    }

    private static int order(String order) {
        try {
            return Integer.parseInt(order);
        } catch (NumberFormatException e) {
            throw new NotFoundException("The session has no step " + order + ".");
        }
    }
}

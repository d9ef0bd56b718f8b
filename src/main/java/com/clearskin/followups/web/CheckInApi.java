package com.clearskin.followups.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClientRelation;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Permissions;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.Appointments;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAccess;
import com.clearskin.clients.Clients;
import com.clearskin.followups.CheckIns;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.JsonFields;
import com.clearskin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/** A client's check-in after a visit, and the escalations it opens for the practitioner. */
@RestController
class CheckInApi {

    static final int ACTION_MAX = 2000;

    record Escalations(List<CheckIns.Escalation> escalations) {
    }

    /** What the practitioner did about an escalation. */
    record ResolveBody(String action) {
    }

    private final ClinicAccess access;
    private final ClientAccess clientAccess;
    private final Clients clients;
    private final Appointments appointments;
    private final CheckIns checkIns;
    private final AuditLog audit;
    private final JsonMapper json;

    CheckInApi(ClinicAccess access, ClientAccess clientAccess, Clients clients, Appointments appointments,
            CheckIns checkIns, AuditLog audit, JsonMapper json) {
        this.json = json;
        this.access = access;
        this.clientAccess = clientAccess;
        this.clients = clients;
        this.appointments = appointments;
        this.checkIns = checkIns;
        this.audit = audit;
    }

    @PostMapping("/api/v1/clinics/{slug}/me/appointments/{id}/check-ins")
    @Operation(summary = "The signed-in client says how their skin is after a completed visit (or reports a problem)",
            description = "Body: {\"redness\": 0-3, \"peeling\": bool, \"pain\": 0-10, \"swelling\": bool, \"warningSigns\": "
                    + "[\"pus\",\"fever\",\"spreading-redness\",\"blisters\",\"severe-pain\"], \"note\"?}. 201 {\"id\",\"escalated\"}.")
    ResponseEntity<CheckIns.Recorded> checkIn(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) String body) {
        Visit v = ownVisit(slug, id);
        CheckIns.Answers answers = CheckInAnswers.read(json, body);
        return ResponseEntity.status(HttpStatus.CREATED).body(checkIns.record(v.m().clinic(), v.own().id(), v.appointment(),
                answers));
    }

    @PostMapping(value = "/api/v1/clinics/{slug}/me/appointments/{id}/check-ins", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The signed-in client's check-in with a photo of the skin (multipart)",
            description = "Parts: answers (the JSON object of the plain body), photo (JPEG, PNG or WebP, optional), area "
                    + "(where the photo was taken; required with a photo). 201 {\"id\",\"escalated\"}.")
    ResponseEntity<CheckIns.Recorded> checkInWithPhoto(@PathVariable String slug, @PathVariable String id,
            @RequestParam(value = "answers", required = false) String answers,
            @RequestParam(value = "photo", required = false) MultipartFile photo,
            @RequestParam(value = "area", required = false) String area) {
        Visit v = ownVisit(slug, id);
        CheckIns.Answers read = CheckInAnswers.multipart(json, answers);
        return ResponseEntity.status(HttpStatus.CREATED).body(checkIns.record(v.m().clinic(), v.own().id(), v.appointment(),
                read, CheckInAnswers.photo(photo, area), v.user()));
    }

    @GetMapping("/api/v1/clinics/{slug}/escalations")
    @Operation(summary = "Check-ins that need the practitioner, with the answers (staff who may read the client's record)")
    Escalations escalations(@PathVariable String slug, @RequestParam(required = false) String status) {
        Membership m = staff(slug);
        if (status != null && !status.equals("open") && !status.equals("resolved")) {
            throw new InvalidInputException("status", "is open or resolved");
        }
        List<CheckIns.Escalation> visible = checkIns.escalations(m.clinic(), "open".equals(status)).stream()
                .filter(e -> status == null || e.status().equals(status))
                .filter(e -> mayRead(m, e.clientId())).toList();
        audit.recordEach(m, visible.stream().map(CheckIns.Escalation::clientId).distinct().toList(), AuditAction.READ,
                AuditResource.CLINICAL_RECORD, "check-in escalations");
        return new Escalations(visible);
    }

    @PostMapping("/api/v1/clinics/{slug}/escalations/{id}/resolve")
    @Operation(summary = "Record what was done about an escalation (body {\"action\"}); 409 escalation-resolved when done already")
    CheckIns.Escalation resolve(@PathVariable String slug, @PathVariable String id, @RequestBody(required = false) String body) {
        Membership m = staff(slug);
        UUID escalation = Ids.parse(id).orElseThrow(() -> new NotFoundException("No such escalation."));
        CheckIns.Escalation e = checkIns.escalation(m.clinic(), escalation);
        access.check(m, Capability.WRITE_RECORD, clientAccess.relationOf(m.clinic(), userId(), e.clientId()));
        String action = JsonFields.record(json, body, ResolveBody.class).action();
        if (action == null || action.isBlank()) {
            throw new InvalidInputException("action", "is required: what you did (called the client, booked a review, ...)");
        }
        if (action.length() > ACTION_MAX) {
            throw new InvalidInputException("action", "is at most " + ACTION_MAX + " characters");
        }
        return checkIns.resolve(m, userId(), escalation, action.strip());
    }

    /** The signed-in client's own visit of this clinic: 404 for anyone else's or an unknown one. */
    private Visit ownVisit(String slug, String id) {
        Membership m = access.member(slug);
        UUID user = access.currentUser().orElseThrow().id();
        Client own = clients.ownedBy(m.clinic(), user).orElseThrow(() -> new NotFoundException("No client record of yours here."));
        Appointment appointment = Ids.parse(id).flatMap(u -> appointments.find(m.clinic(), u))
                .filter(a -> a.clientId().equals(own.id()))
                .orElseThrow(() -> new NotFoundException("No such visit of yours."));
        return new Visit(m, user, own, appointment);
    }

    private record Visit(Membership m, UUID user, Client own, Appointment appointment) {
    }

    /** A member whose role may read a clinical record of a client they treat (403 otherwise). */
    private Membership staff(String slug) {
        Membership m = access.member(slug);
        access.check(m, Capability.READ_RECORD, ClientRelation.TREATING);
        return m;
    }

    private boolean mayRead(Membership m, UUID client) {
        return Permissions.decide(m.role(), Capability.READ_RECORD, clientAccess.relationOf(m.clinic(), userId(), client))
                .allowed();
    }

    private UUID userId() {
        return access.currentUser().orElseThrow().id();
    }
}

package com.clearskin.consent.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.Membership;
import com.clearskin.clinics.Clinic;
import com.clearskin.consent.ConsentDesk;
import com.clearskin.consent.ConsentForm;
import com.clearskin.consent.ConsentFormDraft;
import com.clearskin.consent.ConsentSettings;
import com.clearskin.consent.ConsentForms;
import com.clearskin.consent.Consents;
import com.clearskin.consent.PhotoConsent;
import com.clearskin.consent.Signature;
import com.clearskin.consent.SignatureRequest;
import com.clearskin.platform.IfMatch;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.StoredSettings;
import com.clearskin.booking.Appointment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consent forms (every member reads them; owners and admins write a new version) and signatures:
 * signed for an appointment by the client (portal) or on the clinic's tablet (the staff member is
 * the witness), read with their evidence, printed as PDF, withdrawn. A client reaches only their own.
 */
@RestController
@Tag(name = "Consent", description = "Consent forms per treatment, in versions; signatures with their evidence")
@SecurityRequirement(name = "bearer")
class ConsentApi {

    record FormView(UUID id, String title, List<String> treatments, int version, String text, int validMonths,
            Instant createdAt) {
        static FormView of(ConsentForm f) {
            return new FormView(f.id(), f.title(), f.treatments(), f.version(), f.text(), f.validMonths(), f.createdAt());
        }
    }

    record FormList(List<FormView> forms) {
    }

    record Settings(Integer validMonths, Integer revision) {
        static ResponseEntity<Settings> of(StoredSettings<ConsentSettings> s) {
            return ResponseEntity.ok().eTag("\"" + s.revision() + "\"")
                    .body(new Settings(s.settings().validMonths(), s.revision()));
        }
    }

    record Signed(UUID id, UUID formId, int formVersion, UUID clientId, Instant signedAt, String documentSha256,
            Instant validUntil) {
    }

    record WithdrawalView(Instant at, UUID by, String reason) {
    }

    record ConsentView(UUID id, UUID formId, int formVersion, String title, UUID clientId, UUID appointmentId,
            Instant signedAt, String documentSha256, Instant validUntil, String status, String signerName,
            String typedSignature, boolean drawnSignature, boolean agreed, String ip, String userAgent, UUID signedBy,
            UUID witnessId, PhotoConsent photos, WithdrawalView withdrawal) {
        static ConsentView of(Signature s, Instant now) {
            return new ConsentView(s.id(), s.formId(), s.formVersion(), s.title(), s.clientId(), s.appointmentId(),
                    s.signedAt(), s.documentSha256(), s.validUntil(), s.status(now), s.signerName(),
                    s.typedSignature(), s.drawn(), true, s.ip(), s.userAgent(), s.signedBy(), s.witnessId(), s.photos(),
                    s.withdrawn() ? new WithdrawalView(s.withdrawal().at(), s.withdrawal().by(), s.withdrawal().reason())
                            : null);
        }
    }

    record ConsentList(UUID clientId, List<ConsentView> consents) {
    }

    record Withdraw(String reason) {
    }

    private final ConsentDesk desk;
    private final ConsentForms forms;
    private final Consents consents;

    ConsentApi(ConsentDesk desk, ConsentForms forms, Consents consents) {
        this.desk = desk;
        this.forms = forms;
        this.consents = consents;
    }

    @GetMapping("/api/v1/clinics/{slug}/consent-forms")
    @Operation(summary = "The clinic's consent forms, latest versions (every member)",
            description = "treatment: only the forms that cover that catalog code.")
    FormList list(@PathVariable String slug, @RequestParam(required = false) String treatment) {
        Membership m = desk.require(slug, Capability.READ_CONSENT_FORMS);
        return new FormList(forms.list(m.clinic(), treatment == null || treatment.isBlank() ? null : treatment.strip())
                .stream().map(FormView::of).toList());
    }

    @PostMapping("/api/v1/clinics/{slug}/consent-forms")
    @Operation(summary = "Write a new consent form (owners, admins)", description = "Body: title, treatments "
            + "(catalog codes), text, validMonths (optional: the clinic's setting, 12 by default). 400 names each field.")
    ResponseEntity<FormView> create(@PathVariable String slug, @RequestBody(required = false) ConsentFormDraft body) {
        Membership m = desk.require(slug, Capability.EDIT_RECORD_SETTINGS);
        ConsentForm f = forms.create(m.clinic(), body == null ? new ConsentFormDraft(null, null, null, null) : body,
                desk.userId());
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/consent-forms/" + f.id()))
                .body(FormView.of(f));
    }

    @GetMapping("/api/v1/clinics/{slug}/consent-forms/{id}")
    @Operation(summary = "One consent form, latest version")
    FormView one(@PathVariable String slug, @PathVariable String id) {
        Membership m = desk.require(slug, Capability.READ_CONSENT_FORMS);
        return FormView.of(forms.find(m.clinic(), ConsentDesk.uuid(id))
                .orElseThrow(() -> new NotFoundException("No consent form " + id + ".")));
    }

    @GetMapping("/api/v1/clinics/{slug}/consent-forms/{id}/versions")
    @Operation(summary = "Every version of a consent form, newest first: old versions stay readable")
    FormList versions(@PathVariable String slug, @PathVariable String id) {
        Membership m = desk.require(slug, Capability.READ_CONSENT_FORMS);
        List<ConsentForm> all = forms.versions(m.clinic(), ConsentDesk.uuid(id));
        if (all.isEmpty()) {
            throw new NotFoundException("No consent form " + id + ".");
        }
        return new FormList(all.stream().map(FormView::of).toList());
    }

    @PutMapping("/api/v1/clinics/{slug}/consent-forms/{id}")
    @Operation(summary = "Edit a consent form: a new version (owners, admins)",
            description = "Earlier versions stay; signatures keep pointing at the version they signed.")
    FormView revise(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) ConsentFormDraft body) {
        Membership m = desk.require(slug, Capability.EDIT_RECORD_SETTINGS);
        UUID formId = ConsentDesk.uuid(id);
        if (formId == null) {
            throw new NotFoundException("No consent form " + id + ".");
        }
        return FormView.of(forms.revise(m.clinic(), formId,
                body == null ? new ConsentFormDraft(null, null, null, null) : body, desk.userId()));
    }

    @GetMapping("/api/v1/clinics/{slug}/consent-settings")
    @Operation(summary = "How many months a signature holds by default (every member)", description = "The ETag "
            + "(and revision) is the settings' revision, for If-Match on a change.")
    ResponseEntity<Settings> settings(@PathVariable String slug) {
        Membership m = desk.require(slug, Capability.READ_CONSENT_FORMS);
        return Settings.of(forms.settings(m.clinic()));
    }

    @PutMapping("/api/v1/clinics/{slug}/consent-settings")
    @Operation(summary = "Change the default validity of new forms, 1-120 months (owners, admins)", description =
            "Body {validMonths}; If-Match with the revision, optional (409 when another change came first).")
    ResponseEntity<Settings> changeSettings(@PathVariable String slug, @RequestBody(required = false) Settings body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Membership m = desk.require(slug, Capability.EDIT_RECORD_SETTINGS);
        return Settings.of(forms.changeValidMonths(m.clinic(), body == null ? null : body.validMonths(),
                IfMatch.revision(ifMatch), desk.userId()));
    }

    @PostMapping("/api/v1/clinics/{slug}/appointments/{id}/consents")
    @Operation(summary = "Sign a consent form for the appointment's treatment", description = "Body: formId, "
            + "signerName, typedSignature, signatureImage (optional PNG, base64 or a data: address, at most 200 KB), "
            + "agreed (must be true). The client for their own appointment (portal), or staff on the clinic's tablet "
            + "(recorded as witness). Keeps the time, address, browser and the SHA-256 of the exact text signed.")
    ResponseEntity<Signed> sign(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) SignatureRequest body, HttpServletRequest request) {
        Appointment a = desk.appointment(slug, id, Capability.SIGN_CONSENT);
        ConsentDesk.Granted g = desk.forAppointment(slug, a, Capability.SIGN_CONSENT);
        Signature s = consents.sign(g.clinic(), a, body, g.userId(), g.staff(),
                new Consents.Evidence(request.getRemoteAddr(), request.getHeader("User-Agent")));
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/consents/" + s.id()))
                .body(new Signed(s.id(), s.formId(), s.formVersion(), s.clientId(), s.signedAt(), s.documentSha256(),
                        s.validUntil()));
    }

    @GetMapping("/api/v1/clinics/{slug}/consents/{id}")
    @Operation(summary = "One signed consent with its evidence (staff; a client their own)")
    ConsentView consent(@PathVariable String slug, @PathVariable String id) {
        Signature s = desk.signature(slug, id, Capability.READ_CONSENT);
        desk.audited(desk.member(slug), s, "consent");
        return ConsentView.of(s, consents.now());
    }

    @GetMapping(value = "/api/v1/clinics/{slug}/consents/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The signed consent as PDF: the text signed, the evidence and the SHA-256")
    ResponseEntity<byte[]> pdf(@PathVariable String slug, @PathVariable String id) {
        Signature s = desk.signature(slug, id, Capability.READ_CONSENT);
        byte[] pdf = desk.pdf(desk.member(slug), s);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline; filename=\"consent-" + s.id() + ".pdf\"").body(pdf);
    }

    @PostMapping("/api/v1/clinics/{slug}/consents/{id}/withdraw")
    @Operation(summary = "Withdraw a consent: recorded, never deleted", description = "Body (optional): reason. "
            + "409 when it was withdrawn already.")
    ConsentView withdraw(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) Withdraw body) {
        Signature s = desk.signature(slug, id, Capability.SIGN_CONSENT);
        Clinic clinic = desk.member(slug).clinic();
        return ConsentView.of(consents.withdraw(clinic, s.id(), desk.userId(), body == null ? null : body.reason()),
                consents.now());
    }

    @GetMapping("/api/v1/clinics/{slug}/clients/{id}/consents")
    @Operation(summary = "A client's consents, newest first (staff; a client their own)")
    ConsentList forClient(@PathVariable String slug, @PathVariable String id) {
        Membership m = desk.member(slug);
        UUID clientId = ConsentDesk.uuid(id);
        if (clientId == null || !desk.clientExists(m.clinic(), clientId)) {
            throw new NotFoundException("No client " + id + ".");
        }
        ConsentDesk.Granted g = desk.forClient(slug, clientId, Capability.READ_CONSENT);
        Instant now = consents.now();
        return new ConsentList(clientId, desk.forClientAudited(g).stream().map(s -> ConsentView.of(s, now)).toList());
    }

    @GetMapping("/api/v1/clinics/{slug}/me/consents")
    @Operation(summary = "The signed-in client's own consents")
    ConsentList mine(@PathVariable String slug) {
        Membership m = desk.member(slug);
        UUID own = desk.ownClient(m.clinic()).orElseThrow(() -> new NotFoundException("No client record of yours here."));
        ConsentDesk.Granted g = desk.forClient(slug, own, Capability.READ_CONSENT);
        Instant now = consents.now();
        return new ConsentList(own, desk.forClientAudited(g).stream().map(s -> ConsentView.of(s, now)).toList());
    }
}

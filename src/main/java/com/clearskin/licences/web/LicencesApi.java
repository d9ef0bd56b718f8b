package com.clearskin.licences.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.licences.ClinicLicenceSettings;
import com.clearskin.licences.Licence;
import com.clearskin.licences.LicenceExpiryWarnings;
import com.clearskin.licences.LicenceSettings;
import com.clearskin.licences.Licences;
import com.clearskin.licences.NewLicence;
import com.clearskin.platform.IfMatch;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.StoredSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * A practitioner's licences for the clinic's owners and admins: list them with where each stands,
 * add one with its document, read the document; and the clinic's licence setting. Verifying is the
 * platform reviewer's ({@link PlatformLicencesApi}).
 */
@RestController
@Tag(name = "Licences", description = "Practitioners' licences, their documents and review status (issue 17)")
@SecurityRequirement(name = "bearer")
class LicencesApi {

    record ReviewView(String decision, String note, Instant decidedAt) {
    }

    record LicenceView(UUID id, UUID practitionerId, String type, String typeLabel, String number, String jurisdiction,
            LocalDate expiresOn, String status, boolean counts, boolean expiresSoon, ReviewView review,
            String documentType, String document, Instant createdAt) {
    }

    record LicenceList(List<LicenceView> licences) {
    }

    record SettingsView(boolean verificationRequired, int revision) {
    }

    record SettingsBody(Boolean verificationRequired) {
    }

    private final ClinicAccess access;
    private final Licences licences;
    private final LicenceExpiryWarnings warnings;
    private final ClinicLicenceSettings settings;

    LicencesApi(ClinicAccess access, Licences licences, LicenceExpiryWarnings warnings, ClinicLicenceSettings settings) {
        this.access = access;
        this.licences = licences;
        this.warnings = warnings;
        this.settings = settings;
    }

    @GetMapping("/api/v1/clinics/{slug}/practitioners/{id}/licences")
    @Operation(summary = "The practitioner's licences, newest first", description = "status: pending, verified, "
            + "rejected or expired (past expiresOn, whatever the review); counts: verified and not expired today; "
            + "expiresSoon: within 30 days, no renewal on file.")
    LicenceList list(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.MANAGE_LICENCES);
        List<Licence> theirs = licences.forPractitioner(m.clinic(), id);
        Set<UUID> soon = warnings.expiringSoon(m.clinic(), theirs).stream().map(Licence::id).collect(Collectors.toSet());
        LocalDate today = licences.today(m.clinic());
        return new LicenceList(theirs.stream().map(l -> view(slug, l, today, soon.contains(l.id()))).toList());
    }

    @PostMapping("/api/v1/clinics/{slug}/practitioners/{id}/licences") // multipart: the document is a file
    @Operation(summary = "Add a licence with its document", description = "Multipart: type (esthetician, cosmetologist, "
            + "nurse, nurse-practitioner, physician-assistant, physician), number, jurisdiction (such as US-CA), "
            + "expiresOn (a date, not in the past), document (PDF, JPEG or PNG, told by its content; at most 10 MB). "
            + "201; 400 naming the field. The licence waits for a Clearskin reviewer before it counts.")
    ResponseEntity<LicenceView> add(@PathVariable String slug, @PathVariable String id,
            @RequestParam(required = false) String type, @RequestParam(required = false) String number,
            @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String expiresOn,
            @RequestParam(required = false) MultipartFile document) throws IOException {
        Membership m = access.require(slug, Capability.MANAGE_LICENCES);
        Licence l = licences.add(m, id, new NewLicence(type, number, jurisdiction, expiresOn,
                document == null || document.isEmpty() ? null : document.getBytes()), userId());
        return ResponseEntity.created(URI.create(base(slug, l) + "/" + l.id()))
                .body(view(slug, l, licences.today(m.clinic()), false));
    }

    @GetMapping("/api/v1/clinics/{slug}/practitioners/{id}/licences/{licenceId}/document")
    @Operation(summary = "The licence's document (PDF, JPEG or PNG, as added); the read is audited")
    ResponseEntity<byte[]> document(@PathVariable String slug, @PathVariable String id, @PathVariable String licenceId) {
        Membership m = access.require(slug, Capability.MANAGE_LICENCES);
        Licence l = licences.require(m.clinic(), id, licenceId);
        return document(licences.document(m, l), l);
    }

    @GetMapping("/api/v1/clinics/{slug}/licence-settings")
    @Operation(summary = "The clinic's licence setting", description = "verificationRequired: the clinic's "
            + "jurisdiction requires licences verified by Clearskin before a practitioner is booked (default false).")
    SettingsView settings(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.MANAGE_LICENCES);
        return view(settings.current(m.clinic()));
    }

    @PutMapping("/api/v1/clinics/{slug}/licence-settings")
    @Operation(summary = "Change the clinic's licence setting", description = "Body {verificationRequired}; If-Match "
            + "with the revision, optional (409 when another change came first).")
    SettingsView changeSettings(@PathVariable String slug, @RequestBody(required = false) SettingsBody body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Membership m = access.require(slug, Capability.MANAGE_LICENCES);
        if (body == null || body.verificationRequired() == null) {
            throw new InvalidInputException("verificationRequired", "is required: true or false");
        }
        return view(settings.update(m.clinic(), new LicenceSettings(body.verificationRequired()), IfMatch.revision(ifMatch),
                userId()));
    }

    static ResponseEntity<byte[]> document(Licences.Document d, Licence l) {
        String extension = switch (d.mediaType()) {
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            default -> "jpg";
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.mediaType()))
                .cacheControl(CacheControl.noStore())
                // an uploaded file, shown from this origin: no script of its own, ever
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"licence-" + l.id() + "." + extension + "\"")
                .body(d.bytes());
    }

    private static SettingsView view(StoredSettings<LicenceSettings> s) {
        return new SettingsView(s.settings().verificationRequired(), s.revision());
    }

    private static String base(String slug, Licence l) {
        return "/api/v1/clinics/" + slug + "/practitioners/" + l.practitionerId() + "/licences";
    }

    static LicenceView view(String slug, Licence l, LocalDate today, boolean expiresSoon) {
        ReviewView review = l.decision() == null ? null
                : new ReviewView(l.decision().review().code(), l.decision().note(), l.decision().decidedAt());
        return new LicenceView(l.id(), l.practitionerId(), l.type().code(), l.type().label(), l.number(), l.jurisdiction(),
                l.expiresOn(), l.status(today), l.counts(today), expiresSoon, review, l.documentType(),
                base(slug, l) + "/" + l.id() + "/document", l.createdAt());
    }

    private UUID userId() {
        return access.currentUser().map(SignedInUser::id).orElseThrow();
    }
}

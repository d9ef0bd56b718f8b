package com.clearskin.catalog.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.Treatment;
import com.clearskin.platform.IfMatch;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's own copy of the catalog: every member reads it, owners and admins edit it. */
@RestController
@RequestMapping("/api/v1/clinics/{slug}/treatments")
@Tag(name = "Clinic catalog", description = "A clinic's own, editable copy of the treatment catalog")
@SecurityRequirement(name = "bearer")
class ClinicTreatmentApi {

    record ClinicTreatmentView(@JsonUnwrapped Treatment treatment, String clinic, String defaultVersion,
            boolean customized, boolean active, int revision, Instant updatedAt) {

        static ClinicTreatmentView of(String slug, ClinicTreatment t) {
            return new ClinicTreatmentView(t.treatment(), slug, t.defaultVersion(), t.customized(), t.active(),
                    t.revision(), t.updatedAt());
        }
    }

    record ClinicTreatmentList(String clinic, int count, List<ClinicTreatmentView> treatments) {
    }

    private final ClinicAccess access;
    private final ClinicCatalog catalog;

    ClinicTreatmentApi(ClinicAccess access, ClinicCatalog catalog) {
        this.access = access;
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "The clinic's treatments")
    ClinicTreatmentList list(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_CATALOG);
        List<ClinicTreatmentView> views = catalog.list(m.clinic()).stream()
                .map(t -> ClinicTreatmentView.of(slug, t)).toList();
        return new ClinicTreatmentList(slug, views.size(), views);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One of the clinic's treatments", description = "The ETag is the revision; send it back "
            + "as If-Match with PUT to refuse an edit made from a stale copy.")
    ResponseEntity<ClinicTreatmentView> one(@PathVariable String slug, @PathVariable String code) {
        Membership m = access.require(slug, Capability.READ_CATALOG);
        ClinicTreatment t = catalog.require(m.clinic(), code);
        return ResponseEntity.ok().eTag(Integer.toString(t.revision())).body(ClinicTreatmentView.of(slug, t));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Replace the clinic's copy of a treatment (owners and admins)",
            description = "The body is the whole treatment as GET returns it. Changed facts are attributed to the "
                    + "clinic. With If-Match, a stale revision is refused with 409.")
    ResponseEntity<ClinicTreatmentView> update(@PathVariable String slug, @PathVariable String code,
            @RequestBody Treatment treatment,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Membership m = access.require(slug, Capability.EDIT_CATALOG);
        ClinicTreatment t = catalog.update(m.clinic(), code, treatment, IfMatch.revision(ifMatch),
                access.currentUser().orElseThrow().id());
        return ResponseEntity.ok().eTag(Integer.toString(t.revision())).body(ClinicTreatmentView.of(slug, t));
    }

    @PostMapping("/{code}/reset")
    @Operation(summary = "Put the clinic's copy back to the default (owners and admins)")
    ClinicTreatmentView reset(@PathVariable String slug, @PathVariable String code) {
        Membership m = access.require(slug, Capability.EDIT_CATALOG);
        return ClinicTreatmentView.of(slug,
                catalog.resetToDefault(m.clinic(), code, access.currentUser().orElseThrow().id()));
    }
}

package com.clearskin.branding.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.branding.ClinicProfile;
import com.clearskin.branding.CancellationNotice;
import com.clearskin.branding.ClinicProfiles;
import com.clearskin.branding.ProfileInput;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.IfMatch;
import com.clearskin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The clinic's own face: anyone reads it (its client-facing pages show it), owners and admins set it. */
@RestController
@RequestMapping("/api/v1/clinics/{slug}/profile")
@Tag(name = "Clinic profile", description = "The clinic's display name, logo, colours, address, phone, opening hours "
        + "shown, description, premises photos and cancellation policy")
class ClinicProfileApi {

    record Colors(String brand, String onBrand) {
    }

    record Picture(UUID id, String url, String alt) {
    }

    record ProfileView(String clinic, String displayName, String description, String address, String phone,
            String openingHours, Colors colors, String cancellationPolicy, boolean ownCancellationPolicy,
            Picture logo, List<Picture> photos, int revision, Instant updatedAt) {
    }

    private final ClinicAccess access;
    private final Clinics clinics;
    private final ClinicProfiles profiles;
    private final ObjectProvider<CancellationNotice> notice;

    ClinicProfileApi(ClinicAccess access, Clinics clinics, ClinicProfiles profiles, ObjectProvider<CancellationNotice> notice) {
        this.access = access;
        this.clinics = clinics;
        this.profiles = profiles;
        this.notice = notice;
    }

    @GetMapping
    @Operation(summary = "The clinic's profile (public): its own values, or its name and the defaults (revision 0)")
    ResponseEntity<ProfileView> get(@PathVariable String slug) {
        Clinic clinic = clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        ProfileView view = view(clinic, profiles.of(clinic));
        return ResponseEntity.ok().eTag(Integer.toString(view.revision())).body(view);
    }

    @PutMapping
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Set the clinic's profile (owners and admins)", description = "Body: displayName (required), "
            + "description, address, phone, openingHours (the words shown), colors {brand, onBrand} as #rrggbb, "
            + "cancellationPolicy; an empty field returns to its default. Colours are refused with 400 when text in "
            + "onBrand on brand, or brand on the page background, is below WCAG AA's 4.5:1. With If-Match, a stale "
            + "revision is refused with 409. Logo and photos are uploaded on the profile page.")
    ResponseEntity<ProfileView> put(@PathVariable String slug, @RequestBody(required = false) ProfileInput body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Membership m = access.require(slug, Capability.EDIT_CLINIC_PROFILE);
        UUID user = access.currentUser().orElseThrow().id();
        ClinicProfile saved = profiles.update(m.clinic(), body, user, IfMatch.revision(ifMatch));
        ProfileView view = view(m.clinic(), saved);
        return ResponseEntity.ok().eTag(Integer.toString(view.revision())).body(view);
    }

    @DeleteMapping("/pictures/{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Remove the logo or a photo (owners and admins)")
    ResponseEntity<Void> removePicture(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.EDIT_CLINIC_PROFILE);
        profiles.removePicture(m.clinic(), com.clearskin.platform.Ids.orNotFound(id, "No picture '" + id + "'."));
        return ResponseEntity.noContent().build();
    }

    ProfileView view(Clinic clinic, ClinicProfile p) {
        String base = "/clinics/" + clinic.slug();
        int cancelHours = hours(clinic);
        return new ProfileView(clinic.slug(), p.displayName(), p.description(), p.address(), p.phone(),
                p.openingHours(), new Colors(p.colors().brand(), p.colors().onBrand()),
                p.cancellationPolicyOr(cancelHours), p.cancellationPolicy() != null,
                p.logo() == null ? null : new Picture(p.logo().id(), base + "/logo", p.logo().alt()),
                p.photos().stream().map(x -> new Picture(x.id(), base + "/photos/" + x.id(), x.alt())).toList(),
                p.revision(), p.updatedAt());
    }


    private int hours(Clinic clinic) {
        CancellationNotice n = notice.getIfAvailable();
        return n == null ? 24 : n.clientCancelHours(clinic);
    }
}

package com.clearskin.branding.web;

import com.clearskin.branding.ClinicProfile;
import com.clearskin.branding.ClinicProfiles;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.NotFoundException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's public pictures (logo, photos of the premises) and the stylesheet of its colours. */
@RestController
class ClinicPictures {

    private final Clinics clinics;
    private final ClinicProfiles profiles;

    ClinicPictures(Clinics clinics, ClinicProfiles profiles) {
        this.clinics = clinics;
        this.profiles = profiles;
    }

    @GetMapping("/clinics/{slug}/logo")
    ResponseEntity<byte[]> logo(@PathVariable String slug) {
        Clinic clinic = clinic(slug);
        return profiles.logo(clinic).map(ClinicPictures::image)
                .orElseThrow(() -> new NotFoundException(clinic.name() + " has no logo."));
    }

    @GetMapping("/clinics/{slug}/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String slug, @PathVariable String id) {
        Clinic clinic = clinic(slug);
        return com.clearskin.platform.Ids.parse(id).flatMap(uuid -> profiles.picture(clinic, uuid))
                .map(ClinicPictures::image).orElseThrow(() -> new NotFoundException("No photo '" + id + "'."));
    }

    /** The clinic's colours for its client-facing pages, already checked for WCAG AA contrast. */
    @GetMapping(value = "/clinics/{slug}/theme.css", produces = "text/css")
    ResponseEntity<String> theme(@PathVariable String slug) {
        ClinicProfile p = profiles.of(clinic(slug));
        String brand = p.colors().brand();
        String on = p.colors().onBrand();
        String css = String.format(Locale.ROOT, """
                :root { --brand: %1$s; --brand-dark: %1$s; }
                .button, .button:hover, .button:focus { color: %2$s; }
                .button-ghost, .button-ghost:hover { color: %1$s; }
                .clinic-brand { color: %1$s; }
                """, brand, on);
        return ResponseEntity.ok().contentType(new MediaType("text", "css"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(css);
    }

    private static ResponseEntity<byte[]> image(ClinicProfiles.PictureData d) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10))).body(d.bytes());
    }

    private Clinic clinic(String slug) {
        return clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
    }
}

package com.clearskin.directory;

import com.clearskin.branding.ClinicProfiles;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.Performer;
import com.clearskin.catalog.Treatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.directory.PractitionerCredentials.Credential;
import com.clearskin.platform.Coded;
import com.clearskin.platform.NotFoundException;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import com.clearskin.resources.TreatmentRequirement;
import com.clearskin.reviews.Reviews;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Puts together a listed clinic's public profile; an unlisted clinic has none (404). */
@Service
public class PublicProfiles {

    /** How many reviews the profile shows. */
    static final int REVIEWS_SHOWN = 20;

    private final Clinics clinics;
    private final DirectoryListings listings;
    private final ClinicProfiles faces;
    private final ClinicResources resources;
    private final ClinicCatalog catalog;
    private final Reviews reviews;
    private final Directory.Credentials credentials;

    private final List<HygieneRecord> hygiene;

    PublicProfiles(Clinics clinics, DirectoryListings listings, ClinicProfiles faces, ClinicResources resources,
            ClinicCatalog catalog, Reviews reviews, Directory.Credentials credentials, List<HygieneRecord> hygiene) {
        this.hygiene = List.copyOf(hygiene);
        this.clinics = clinics;
        this.listings = listings;
        this.faces = faces;
        this.resources = resources;
        this.catalog = catalog;
        this.reviews = reviews;
        this.credentials = credentials;
    }

    public PublicProfile of(String slug) {
        Clinic clinic = clinics.bySlug(slug).orElseThrow(() -> notListed(slug));
        DirectoryListing listing = listings.of(clinic);
        if (!listing.listed()) {
            throw notListed(slug);
        }
        Map<UUID, List<Credential>> licences = credentials.of(clinic);
        List<PublicProfile.Member> team = resources.practitioners(clinic).stream().filter(PractitionerDetails::active)
                .map(p -> {
                    List<Credential> own = licences.getOrDefault(p.id(), List.of());
                    return new PublicProfile.Member(p.displayName(), qualification(p.qualification()),
                            LicenceRules.status(own), LicenceRules.counts(own), own);
                }).toList();
        Set<String> bookable = resources.requirements(clinic).stream().filter(TreatmentRequirement::bookable)
                .map(TreatmentRequirement::treatment).collect(Collectors.toSet());
        List<PublicProfile.Offer> offers = catalog.list(clinic).stream().filter(ClinicTreatment::active)
                .map(t -> offer(t.treatment(), bookable.contains(t.code()))).toList();
        return new PublicProfile(clinic, faces.of(clinic), listing, resources.schedule(clinic).openingHours(), team,
                offers, reviews.summary(clinic), reviews.list(clinic, REVIEWS_SHOWN, 0),
                credentials.verified(clinic, null),
                hygiene.stream().flatMap(h -> h.forClinic(clinic.id()).stream()).findFirst().orElse(null));
    }

    static PublicProfile.Offer offer(Treatment t, boolean bookable) {
        Treatment.PriceRange price = t.price();
        Treatment.Course course = t.course();
        BigDecimal min = price == null ? null : price.min();
        BigDecimal max = price == null ? null : price.max();
        Integer sessionsMin = course == null ? null : course.sessionsMin();
        Integer sessionsMax = course == null ? null : course.sessionsMax();
        return new PublicProfile.Offer(t.code(), t.name(), t.summary(), price == null ? null : price.currency(), min, max,
                sessionsMin, sessionsMax, times(min, sessionsMin), times(max, sessionsMax), bookable);
    }

    private static BigDecimal times(BigDecimal price, Integer sessions) {
        return price == null || sessions == null ? null : price.multiply(BigDecimal.valueOf(sessions));
    }

    private static String qualification(String code) {
        return Coded.find(Performer.class, code).map(Performer::label).orElse(code);
    }

    private static NotFoundException notListed(String slug) {
        return new NotFoundException("No clinic '" + slug + "' in the directory.");
    }
}

package com.clearskin.directory.web;

import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.JsonFields;
import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.clinics.Clinic;
import com.clearskin.directory.Directory;
import com.clearskin.directory.DirectoryListing;
import com.clearskin.directory.DirectoryListings;
import com.clearskin.directory.SearchRules;
import com.clearskin.platform.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The public directory of clinics that chose to be listed, and each clinic's own listing (owners and admins). */
@RestController
@Tag(name = "Directory", description = "Find a clinic: listed clinics by treatment, place, price, rating and free time")
class DirectoryApi {

    record ListingView(String clinic, boolean listed, String address, String city, Double latitude, Double longitude,
            int revision, Instant updatedAt) {

        static ListingView of(Clinic clinic, DirectoryListing l) {
            return new ListingView(clinic.slug(), l.listed(), l.address(), l.city(), l.latitude(), l.longitude(),
                    l.revision(), l.updatedAt());
        }
    }

    private final Directory directory;
    private final DirectoryListings listings;
    private final ClinicAccess access;
    private final Clock clock;

    /** The body of the listing: shown or not, and where the clinic is. */
    record ListingBody(Boolean listed, String address, String city, Double latitude, Double longitude) {
    }

    private final JsonMapper json;

    DirectoryApi(Directory directory, DirectoryListings listings, ClinicAccess access, Clock clock, JsonMapper json) {
        this.json = json;
        this.directory = directory;
        this.listings = listings;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/v1/clinics")
    @Operation(summary = "Search listed clinics (public, paged)", description = "Only clinics that chose to be listed. "
            + "near=LAT,LNG with radiusKm (default 50, at most 500); treatment (a code) adds its price of one session and "
            + "nextAvailable, the first free start within 14 days; maxPrice and availableBy (YYYY-MM-DD, today to 14 "
            + "days ahead) need treatment; q matches words of the name or city; sort distance (needs near), rating, "
            + "price or soonest (need treatment). rating.average is null under 3 reviews. licencesVerified: every "
            + "active practitioner for the treatment holds a verified, unexpired licence. A 400 names the parameter.")
    Directory.Page search(
            @Parameter(description = "Treatment code") @RequestParam(required = false) String treatment,
            @Parameter(description = "LAT,LNG in decimal degrees") @RequestParam(required = false) String near,
            @Parameter(description = "Radius in km (with near), at most 500") @RequestParam(required = false) String radiusKm,
            @Parameter(description = "Words of the clinic's name or city") @RequestParam(required = false) String q,
            @Parameter(description = "Highest price of one session") @RequestParam(required = false) String maxPrice,
            @Parameter(description = "A free time on or before this date") @RequestParam(required = false) String availableBy,
            @Parameter(description = "distance, rating, price or soonest") @RequestParam(required = false) String sort,
            @Parameter(description = "Page (0 first)") @RequestParam(required = false) String page,
            @Parameter(description = "Clinics a page (1-50, 20)") @RequestParam(required = false) String size) {
        return directory.search(SearchRules.parse(treatment, near, radiusKm, q, maxPrice, availableBy, sort, page, size,
                LocalDate.now(clock)));
    }

    @GetMapping("/api/v1/clinics/{slug}/directory-listing")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The clinic's directory listing (owners and admins)")
    ResponseEntity<ListingView> get(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.EDIT_DIRECTORY_LISTING);
        ListingView view = ListingView.of(m.clinic(), listings.of(m.clinic()));
        return ResponseEntity.ok().eTag(Integer.toString(view.revision())).body(view);
    }

    @PutMapping("/api/v1/clinics/{slug}/directory-listing")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Set the clinic's directory listing (owners and admins)", description = "Body: listed (true to "
            + "appear in the public directory), address, city, latitude (-90..90), longitude (-180..180). A listed "
            + "clinic needs a city and coordinates. With If-Match, a stale revision is 409.")
    ResponseEntity<ListingView> put(@PathVariable String slug, @RequestBody(required = false) String body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Membership m = access.require(slug, Capability.EDIT_DIRECTORY_LISTING);
        UUID user = access.currentUser().orElseThrow().id();
        ListingBody in = JsonFields.record(json, body, ListingBody.class);
        if (in.listed() == null) {
            throw new InvalidInputException("listed", "is required (true or false)");
        }
        DirectoryListing saved = listings.set(m.clinic(), in.listed(), in.address(), in.city(),
                in.latitude(), in.longitude(), user, IfMatch.revision(ifMatch));
        ListingView view = ListingView.of(m.clinic(), saved);
        return ResponseEntity.ok().eTag(Integer.toString(view.revision())).body(view);
    }
}

package com.clearskin.directory.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.catalog.DefaultCatalog;
import com.clearskin.clinics.Clinic;
import com.clearskin.directory.Directory;
import com.clearskin.directory.DirectoryListing;
import com.clearskin.directory.DirectoryListings;
import com.clearskin.directory.DirectoryRanking;
import com.clearskin.directory.PublicProfile;
import com.clearskin.directory.PublicProfiles;
import com.clearskin.directory.SearchQuery;
import com.clearskin.directory.SearchRules;
import com.clearskin.directory.StructuredData;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public directory's pages: the search at /clinics (works without JavaScript; a small script
 * adds "use my location"), a listed clinic's profile at /clinics/{slug}, and the clinic's own
 * listing page for owners and admins.
 */
@Controller
class DirectoryPages {

    /** This page may ask the browser for the client's position (every other page may not). */
    static final String GEOLOCATION_POLICY = "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), "
            + "interest-cohort=()";
    static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEE d MMM, h:mm a", Locale.US);
    static final List<Integer> RADII = List.of(5, 10, 25, 50, 100, 250, 500);

    /** A result card: the entry with its words ready. */
    record Card(Directory.Entry entry, String href, String nextAvailable) {
    }

    /** A treatment to choose in the search. */
    record Choice(String code, String name) {
    }

    private final Directory directory;
    private final DirectoryListings listings;
    private final PublicProfiles profiles;
    private final DefaultCatalog defaults;
    private final ClinicAccess access;
    private final Clock clock;

    DirectoryPages(Directory directory, DirectoryListings listings, PublicProfiles profiles, DefaultCatalog defaults,
            ClinicAccess access, Clock clock) {
        this.directory = directory;
        this.listings = listings;
        this.profiles = profiles;
        this.defaults = defaults;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/clinics")
    String search(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        response.setHeader("Permissions-Policy", GEOLOCATION_POLICY);
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : List.of("treatment", "place", "near", "radiusKm", "maxPrice", "availableBy", "sort", "q", "page")) {
            values.put(f, Optional.ofNullable(params.getFirst(f)).orElse(""));
        }
        List<DirectoryListings.Listed> listed = listings.listed();
        List<String> cities = listed.stream().map(l -> l.listing().city()).distinct().sorted().toList();
        model.addAttribute("values", values);
        model.addAttribute("cities", cities);
        model.addAttribute("treatments", choices());
        model.addAttribute("radii", RADII);
        model.addAttribute("errors", Map.of());
        model.addAttribute("cards", List.of());
        model.addAttribute("page", null);
        model.addAttribute("placeNote", null);
        String near = values.get("near");
        String radius = values.get("radiusKm");
        try {
            if (near.isBlank() && !values.get("place").isBlank()) {
                Optional<DirectoryListings.Listed> match = listed.stream()
                        .filter(l -> DirectoryRanking.samePlace(values.get("place"), l.listing().city())).findFirst();
                if (match.isEmpty()) {
                    throw new InvalidInputException("place", "no listed clinic is in '" + values.get("place").strip()
                            + "'; choose one of the cities listed, or use your location");
                }
                near = match.get().listing().latitude() + "," + match.get().listing().longitude();
                model.addAttribute("placeNote", "Distances from the centre of the clinics in " + match.get().listing().city()
                        + ".");
            }
            if (near.isBlank()) {
                radius = "";
            }
            SearchQuery query = SearchRules.parse(values.get("treatment"), near, radius, values.get("q"),
                    values.get("maxPrice"), values.get("availableBy"), values.get("sort"), values.get("page"), null,
                    LocalDate.now(clock));
            Directory.Page page = directory.search(query);
            model.addAttribute("page", page);
            model.addAttribute("cards", page.clinics().stream().map(this::card).toList());
            model.addAttribute("nextHref", page.total() > (page.page() + 1) * page.size() ? pageHref(values, page.page() + 1)
                    : null);
            model.addAttribute("prevHref", page.page() > 0 ? pageHref(values, page.page() - 1) : null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new TreeMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(formField(v.field()), v.reason()));
            model.addAttribute("errors", errors);
        }
        return "directory/search";
    }

    @GetMapping("/clinics/{slug}")
    String profile(@PathVariable String slug, Model model, HttpServletRequest request) {
        PublicProfile profile = profiles.of(slug);
        String url = ServletUriComponentsBuilder.fromContextPath(request).path("/clinics/" + profile.clinic().slug())
                .toUriString();
        model.addAttribute("p", profile);
        model.addAttribute("clinic", profile.clinic());
        model.addAttribute("jsonLd", StructuredData.of(profile, url));
        model.addAttribute("bookHref", "/clinics/" + profile.clinic().slug() + "/book");
        return "directory/profile";
    }

    @GetMapping("/app/clinics/{slug}/directory-listing")
    String listing(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.EDIT_DIRECTORY_LISTING);
        DirectoryListing l = listings.of(m.clinic());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("address", l.address());
        values.put("city", l.city());
        values.put("latitude", l.latitude() == null ? "" : l.latitude().toString());
        values.put("longitude", l.longitude() == null ? "" : l.longitude().toString());
        values.put("listed", Boolean.toString(l.listed()));
        return listingPage(model, m.clinic(), l, values, Map.of(), null);
    }

    @PostMapping("/app/clinics/{slug}/directory-listing")
    String saveListing(@PathVariable String slug, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response) {
        Membership m = access.require(slug, Capability.EDIT_DIRECTORY_LISTING);
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : List.of("address", "city", "latitude", "longitude", "revision")) {
            values.put(f, Optional.ofNullable(form.getFirst(f)).orElse("").strip());
        }
        boolean listed = "on".equals(form.getFirst("listed")) || "true".equals(form.getFirst("listed"));
        values.put("listed", Boolean.toString(listed));
        Map<String, String> errors = new TreeMap<>();
        Double lat = decimal("latitude", values.get("latitude"), errors);
        Double lng = decimal("longitude", values.get("longitude"), errors);
        Integer revision = values.get("revision").isEmpty() ? null : revisionOf(values.get("revision"));
        if (errors.isEmpty()) {
            try {
                DirectoryListing saved = listings.set(m.clinic(), listed, values.get("address"), values.get("city"), lat,
                        lng, access.currentUser().orElseThrow().id(), revision);
                model.addAttribute("saved", saved.listed() ? "Saved. Your clinic is listed in the directory."
                        : "Saved. Your clinic is not listed in the directory.");
                return listingPage(model, m.clinic(), saved, values, Map.of(), null);
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
            } catch (ConflictException e) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return listingPage(model, m.clinic(), listings.of(m.clinic()), values, Map.of(), e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return listingPage(model, m.clinic(), listings.of(m.clinic()), values, errors, null);
    }

    private String listingPage(Model model, Clinic clinic, DirectoryListing current, Map<String, String> values,
            Map<String, String> errors, String conflict) {
        model.addAttribute("clinic", clinic);
        model.addAttribute("listing", current);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", null);
        }
        return "directory/listing";
    }

    private Card card(Directory.Entry e) {
        String href = "/clinics/" + e.slug();
        String next = e.nextAvailable() == null ? null : NEXT.format(OffsetDateTime.parse(e.nextAvailable()));
        return new Card(e, href, next);
    }

    /** The treatments to choose from: the catalog's (every clinic's copy starts from it, with the same codes). */
    private List<Choice> choices() {
        return defaults.all().stream().map(t -> new Choice(t.code(), t.name()))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    }

    private static String pageHref(Map<String, String> values, int page) {
        var b = org.springframework.web.util.UriComponentsBuilder.fromPath("/clinics");
        values.forEach((k, v) -> {
            if (!k.equals("page") && !v.isBlank()) {
                b.queryParam(k, v);
            }
        });
        return b.queryParam("page", page).encode().build().toUriString();
    }

    /** The form names the place typed; the API's near is the form's place or location. */
    private static String formField(String field) {
        return field.equals("near") ? "place" : field;
    }

    private static Double decimal(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "is a decimal number of degrees, such as 48.8566");
            return null;
        }
    }

    private static Integer revisionOf(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

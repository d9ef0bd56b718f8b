package com.clearskin.directory;

import com.clearskin.booking.Availability;
import com.clearskin.booking.Slot;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.Treatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.directory.DirectoryRanking.Candidate;
import com.clearskin.directory.PractitionerCredentials.Credential;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import com.clearskin.resources.Requirements;
import com.clearskin.reviews.ReviewSummary;
import com.clearskin.reviews.Reviews;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The public directory's search: listed clinics only, filtered and ordered by {@link DirectoryRanking},
 * with ratings from real visits, the treatment's price, its first free time (the availability engine,
 * {@value SearchRules#LOOK_AHEAD_DAYS} days ahead, asked only for the clinics shown unless the order
 * or {@code availableBy} needs it) and whether every practitioner's licence is verified.
 */
@Service
public class Directory {

    /** One page of the directory. */
    public record Page(List<Entry> clinics, int page, int size, int total) {
    }

    /** One clinic as the directory lists it (the JSON contract of GET /api/v1/clinics). */
    public record Entry(String slug, String name, String city, Double distanceKm, Rating rating, Offer treatment,
            String nextAvailable, boolean licencesVerified) {
    }

    /** Reviews in numbers: the average is null under three reviews. */
    public record Rating(Double average, int count) {
    }

    /** The treatment searched for at this clinic, with the price of one session. */
    public record Offer(String code, Price price) {
    }

    /** A price range in the treatment's currency (null bounds: not given). */
    public record Price(BigDecimal min, BigDecimal max, String currency) {
    }

    private record Found(Clinic clinic, DirectoryListing listing, ClinicTreatment treatment, ReviewSummary summary) {
    }

    private final DirectoryListings listings;
    private final Clinics clinics;
    private final ClinicCatalog catalog;
    private final Reviews reviews;
    private final Availability availability;
    private final Credentials credentials;
    private final Clock clock;

    Directory(DirectoryListings listings, Clinics clinics, ClinicCatalog catalog, Reviews reviews,
            Availability availability, Credentials credentials, Clock clock) {
        this.listings = listings;
        this.clinics = clinics;
        this.catalog = catalog;
        this.reviews = reviews;
        this.availability = availability;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** One page of listed clinics that match the query. */
    public Page search(SearchQuery query) {
        List<DirectoryListings.Listed> all = listings.listed();
        Map<UUID, Clinic> byId = clinics.byIds(all.stream().map(DirectoryListings.Listed::clinicId).toList()).stream()
                .collect(Collectors.toMap(Clinic::id, Function.identity()));
        List<Found> found = new ArrayList<>();
        for (DirectoryListings.Listed listed : all) {
            Clinic clinic = byId.get(listed.clinicId());
            DirectoryListing l = listed.listing();
            if (clinic == null || !DirectoryRanking.matchesWords(query.q(), clinic.name(), l.city())
                    || !DirectoryRanking.withinRadius(query.near(), query.radiusKm(), l.latitude(), l.longitude())) {
                continue;
            }
            ClinicTreatment offered = null;
            if (query.treatment() != null) {
                Optional<ClinicTreatment> t = catalog.find(clinic, query.treatment()).filter(ClinicTreatment::active);
                if (t.isEmpty() || !DirectoryRanking.withinPrice(query.maxPrice(), priceMin(t.get()))) {
                    continue;
                }
                offered = t.get();
            }
            found.add(new Found(clinic, l, offered, null));
        }
        Map<UUID, ReviewSummary> summaries = reviews.summaries(found.stream().map(f -> f.clinic().id()).toList());
        boolean allSlots = query.treatment() != null
                && (query.sort() == SearchQuery.Sort.SOONEST || query.availableBy() != null);
        Map<UUID, OffsetDateTime> next = new HashMap<>();
        if (allSlots) {
            found.forEach(f -> next.put(f.clinic().id(), nextAvailable(f.clinic(), query.treatment()).orElse(null)));
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Found> bySlug = new HashMap<>();
        for (Found f : found) {
            ReviewSummary s = summaries.getOrDefault(f.clinic().id(), ReviewSummary.none());
            OffsetDateTime soonest = next.get(f.clinic().id());
            if (!DirectoryRanking.availableBy(query.availableBy(), soonest)) {
                continue;
            }
            candidates.add(new Candidate(f.clinic().slug(), f.clinic().name(), f.listing().city(), f.listing().latitude(),
                    f.listing().longitude(), s.average(), s.count(), f.treatment() == null ? null : priceMin(f.treatment()),
                    soonest));
            bySlug.put(f.clinic().slug(), new Found(f.clinic(), f.listing(), f.treatment(), s));
        }
        candidates.sort(DirectoryRanking.order(query.sort(), query.near()));
        int from = Math.min(candidates.size(), query.page() * query.size());
        int to = Math.min(candidates.size(), from + query.size());
        List<Entry> entries = new ArrayList<>();
        for (Candidate c : candidates.subList(from, to)) {
            Found f = bySlug.get(c.slug());
            OffsetDateTime soonest = query.treatment() == null ? null
                    : allSlots ? c.nextAvailable() : nextAvailable(f.clinic(), query.treatment()).orElse(null);
            entries.add(new Entry(c.slug(), c.name(), c.city(),
                    DirectoryRanking.distanceKm(query.near(), c.latitude(), c.longitude()),
                    new Rating(f.summary().average(), f.summary().count()),
                    f.treatment() == null ? null : new Offer(f.treatment().code(), price(f.treatment())),
                    soonest == null ? null : soonest.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    credentials.verified(f.clinic(), query.treatment())));
        }
        return new Page(entries, query.page(), query.size(), candidates.size());
    }

    /** The first free start of the treatment within the look-ahead (none when it cannot be booked online). */
    public Optional<OffsetDateTime> nextAvailable(Clinic clinic, String treatment) {
        LocalDate today = LocalDate.now(clock.withZone(clinic.timeZone()));
        try {
            List<Slot> slots = availability.search(clinic, treatment, today,
                    today.plusDays(SearchRules.LOOK_AHEAD_DAYS - 1), null);
            return slots.isEmpty() ? Optional.empty() : Optional.of(slots.get(0).start());
        } catch (InvalidInputException notBookable) {
            return Optional.empty();
        }
    }

    static BigDecimal priceMin(ClinicTreatment t) {
        Treatment.PriceRange p = t.treatment().price();
        return p == null ? null : p.min();
    }

    static Price price(ClinicTreatment t) {
        Treatment.PriceRange p = t.treatment().price();
        return p == null ? null : new Price(p.min(), p.max(), p.currency());
    }

    /**
     * The licences side of the directory: the credentials from every {@link PractitionerCredentials}
     * bean (none: nobody is verified), and which practitioners a treatment needs.
     */
    @Service
    public static class Credentials {

        private final List<PractitionerCredentials> sources;
        private final ClinicResources resources;
        private final Requirements requirements;
        private final Clock clock;

        Credentials(List<PractitionerCredentials> sources, ClinicResources resources, Requirements requirements,
                Clock clock) {
            this.sources = List.copyOf(sources);
            this.resources = resources;
            this.requirements = requirements;
            this.clock = clock;
        }

        /** Every practitioner's licences as the public may see them (empty without a licences module). */
        public Map<UUID, List<Credential>> of(Clinic clinic) {
            if (sources.isEmpty()) {
                return Map.of();
            }
            LocalDate today = LocalDate.now(clock.withZone(clinic.timeZone()));
            Map<UUID, List<Credential>> all = new HashMap<>();
            for (PractitionerCredentials source : sources) {
                source.forClinic(clinic.id(), today).forEach((p, list) ->
                        all.computeIfAbsent(p, k -> new ArrayList<>()).addAll(list));
            }
            return all;
        }

        /**
         * Whether every active practitioner who may perform {@code treatment} (null: every active
         * practitioner) holds a licence that counts.
         */
        public boolean verified(Clinic clinic, String treatment) {
            if (sources.isEmpty()) {
                return false;
            }
            List<PractitionerDetails> active = resources.practitioners(clinic).stream()
                    .filter(PractitionerDetails::active).toList();
            if (treatment != null) {
                try {
                    Set<String> performers = requirements.of(clinic, treatment).performers().stream()
                            .map(p -> p.code()).collect(Collectors.toSet());
                    active = active.stream().filter(p -> performers.contains(p.qualification())).toList();
                } catch (InvalidInputException notBookable) {
                    // not booked online: every active practitioner answers for the clinic
                }
            }
            return LicenceRules.allVerified(active.stream().map(PractitionerDetails::id).toList(), of(clinic));
        }
    }
}

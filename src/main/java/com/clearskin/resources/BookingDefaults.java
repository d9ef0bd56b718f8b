package com.clearskin.resources;

import com.clearskin.platform.InvalidInputException.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a new clinic starts with for booking, read from {@code resources/booking-defaults.json}:
 * settings, opening hours, the vocabularies of room capabilities and device types, and what each
 * catalog treatment needs with its sources.
 */
public record BookingDefaults(String version, String about, DefaultSettings settings, List<WeeklyHours> openingHours,
        List<Capability> roomCapabilities, List<Term> deviceTypes, NotBooked notBooked, Map<String, Need> treatments) {

    public static final String RESOURCE = "resources/booking-defaults.json";

    /** The default settings and why. */
    public record DefaultSettings(int slotMinutes, int minNoticeMinutes, int horizonDays, int clientCancelHours,
            int waitlistOfferMinutes, List<String> sources, String note) {

        public BookingSettings toSettings() {
            return new BookingSettings(slotMinutes, minNoticeMinutes, horizonDays, clientCancelHours,
                    waitlistOfferMinutes);
        }
    }

    /** A room capability and the catalog equipment names it stands for. */
    public record Capability(String code, String label, List<String> equipment) {
    }

    /** Catalog equipment that is not booked (room tools, consumables), and why. */
    public record NotBooked(List<String> equipment, String note) {
    }

    /** What one catalog treatment needs by default. */
    public record Need(boolean bookable, List<String> roomCapabilities, List<String> deviceTypes,
            int bufferBeforeMinutes, int bufferAfterMinutes, List<String> sources, String note) {
    }

    public static BookingDefaults load(JsonMapper json) {
        try (InputStream in = BookingDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            BookingDefaults defaults = json.readValue(in, BookingDefaults.class);
            List<Violation> problems = defaults.check();
            if (!problems.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " breaks the resource rules: " + problems);
            }
            return defaults;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> capabilityCodes() {
        return roomCapabilities.stream().map(Capability::code).toList();
    }

    public List<String> deviceTypeCodes() {
        return deviceTypes.stream().map(Term::code).toList();
    }

    public List<Term> capabilityTerms() {
        return roomCapabilities.stream().map(c -> new Term(c.code(), c.label())).toList();
    }

    public Optional<Need> need(String treatment) {
        return Optional.ofNullable(treatments.get(treatment));
    }

    /** The same rules as a clinic's own edits: the defaults cannot hold what a clinic could not enter. */
    public List<Violation> check() {
        List<Violation> out = new ArrayList<>(ResourceRules.settings(settings.toSettings()));
        List<WeeklyInterval> hours = ResourceInput.weeklyIntervals("openingHours", openingHours, out);
        out.addAll(ResourceRules.intervalsDoNotOverlap("openingHours", hours));
        treatments.forEach((code, need) -> {
            ResourceRules.codesAreKnown("roomCapabilities", need.roomCapabilities(), capabilityCodes())
                    .forEach(v -> out.add(new Violation(code + "." + v.field(), v.reason())));
            ResourceRules.codesAreKnown("deviceTypes", need.deviceTypes(), deviceTypeCodes())
                    .forEach(v -> out.add(new Violation(code + "." + v.field(), v.reason())));
            ResourceRules.buffersAreWithinFourHours(need.bufferBeforeMinutes(), need.bufferAfterMinutes())
                    .forEach(v -> out.add(new Violation(code + "." + v.field(), v.reason())));
            if (need.sources() == null || need.sources().isEmpty()) {
                out.add(new Violation(code + ".sources", "name at least one source or \"inference\""));
            }
        });
        return out;
    }
}

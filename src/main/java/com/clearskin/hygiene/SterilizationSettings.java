package com.clearskin.hygiene;

import com.clearskin.hygiene.SterilizationRules.Kind;
import com.clearskin.hygiene.SterilizationRules.Minimum;
import com.clearskin.hygiene.SterilizationRules.Minimums;
import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clinic's sterilization settings, with sourced defaults: the minimum temperature and exposure per
 * sterilizer kind (CDC 2008; a clinic may ask more where the maker's instructions do, never less), a
 * shelf life for packages (none: event-related, AAMI ST79), and whether packages from a sterilizer
 * whose spore test is overdue may be used (default: they may, with a warning).
 */
public record SterilizationSettings(Map<String, List<Minimum>> minimums, Integer shelfLifeDays,
        boolean blockOnOverdueSporeTest, List<String> sources, Boolean showOnPublicProfile) {

    /** Where the defaults come from. */
    public static final List<String> DEFAULT_SOURCES = List.of(
            "CDC Guideline for Disinfection and Sterilization in Healthcare Facilities (2008): minimum cycle times",
            "AAMI ST79: event-related package sterility; biological indicator with implant loads and after repairs");

    public SterilizationSettings {
        minimums = minimums == null ? Map.of() : Map.copyOf(minimums);
        sources = sources == null ? List.of() : List.copyOf(sources);
        showOnPublicProfile = Boolean.TRUE.equals(showOnPublicProfile);
    }

    /** Settings not shown on the clinic's public profile (the default: a clinic chooses to show its record). */
    public SterilizationSettings(Map<String, List<Minimum>> minimums, Integer shelfLifeDays, boolean blockOnOverdueSporeTest,
            List<String> sources) {
        this(minimums, shelfLifeDays, blockOnOverdueSporeTest, sources, false);
    }

    /** The shipped defaults. */
    public static SterilizationSettings defaults() {
        Map<String, List<Minimum>> byCode = new LinkedHashMap<>();
        Minimums.cdc2008().byKind().forEach((kind, list) -> byCode.put(kind.code(), list));
        return new SterilizationSettings(byCode, null, false, DEFAULT_SOURCES);
    }

    /** The minimums as the rules read them. */
    public Minimums toMinimums() {
        Map<Kind, List<Minimum>> byKind = new EnumMap<>(Kind.class);
        minimums.forEach((code, list) -> Kind.of(code).ifPresent(k -> byKind.put(k, list)));
        return new Minimums(byKind);
    }

    /** What is wrong with these settings, field by field; empty when they may be saved. */
    public List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        for (String code : minimums.keySet()) {
            if (Kind.of(code).isEmpty()) {
                v.add(new Violation("minimums." + code, "is not a sterilizer kind: use steam-gravity, steam-prevacuum or dry-heat"));
            }
        }
        for (Kind kind : Kind.values()) {
            List<Minimum> list = minimums.get(kind.code());
            String field = "minimums." + kind.code();
            if (list == null || list.isEmpty()) {
                v.add(new Violation(field, "needs at least one temperature and exposure time"));
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                Minimum m = list.get(i);
                String at = field + "[" + i + "]";
                if (m == null || !SterilizationRules.validTemperature(m.temperatureC())
                        || !SterilizationRules.validMinutes(m.exposureMinutes())) {
                    v.add(new Violation(at, "needs a temperature of 0-300 °C and an exposure of 0-600 minutes"));
                } else if (!SterilizationRules.atLeastCdc(kind, m)) {
                    v.add(new Violation(at, "must not be below the CDC 2008 minimum for " + kind.code() + " ("
                            + String.join(" or ", Minimums.cdc2008().byKind().get(kind).stream()
                                    .map(c -> (int) c.temperatureC() + " °C for " + c.exposureMinutes() + " min").toList())
                            + ")"));
                }
            }
        }
        if (!SterilizationRules.validShelfLife(shelfLifeDays)) {
            v.add(new Violation("shelfLifeDays", "must be empty (event-related) or 1 to 3650 days"));
        }
        return v;
    }
}

package com.clearskin.hygiene;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of instrument sterilization, one small method each (tests: {@code SterilizationRulesTest}).
 * Sources: CDC Guideline for Disinfection and Sterilization in Healthcare Facilities (2008) for the
 * minimum cycle parameters and the weekly biological indicator; AAMI ST79 for a biological indicator
 * with every load holding an implantable and after a repair, and for event-related package expiry.
 */
public final class SterilizationRules {

    /** Kinds of sterilizer, as named in the API. */
    public enum Kind {
        STEAM_GRAVITY("steam-gravity"), STEAM_PREVACUUM("steam-prevacuum"), DRY_HEAT("dry-heat");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The API name of the kind. */
        public String code() {
            return code;
        }

        /** The kind with that API name, empty when none. */
        public static Optional<Kind> of(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** One acceptable temperature/exposure pair: at least {@code temperatureC} for at least {@code exposureMinutes}. */
    public record Minimum(double temperatureC, int exposureMinutes) {
    }

    /**
     * The minimums per kind; a cycle passes when it meets any one pair of its kind. Clinic settings,
     * defaults from CDC 2008: steam gravity 121 °C for 30 min (wrapped), prevacuum 132 °C for 4 min,
     * dry heat 170 °C for 60 min or 160 °C for 120 min.
     */
    public record Minimums(Map<Kind, List<Minimum>> byKind) {

        /** The CDC 2008 defaults. */
        public static Minimums cdc2008() {
            return new Minimums(Map.of(
                    Kind.STEAM_GRAVITY, List.of(new Minimum(121, 30)),
                    Kind.STEAM_PREVACUUM, List.of(new Minimum(132, 4)),
                    Kind.DRY_HEAT, List.of(new Minimum(170, 60), new Minimum(160, 120))));
        }
    }

    /** What an operator records about one cycle. */
    public record CycleReading(Kind kind, double temperatureC, int exposureMinutes, int dryingMinutes, boolean chemicalIndicatorPassed) {
    }

    /** Reason: the temperature/exposure pair meets no minimum of the sterilizer's kind. */
    public static final String BELOW_MINIMUM = "below-minimum";
    /** Reason: the chemical indicator did not change. */
    public static final String CHEMICAL_INDICATOR_FAILED = "chemical-indicator-failed";

    /** Package refusal reasons (the {@code detail} of a {@code /package-not-usable} problem). */
    public static final String CYCLE_FAILED = "cycle-failed";
    /** The cycle's spore test result is required and not in. */
    public static final String RESULT_NOT_IN = "result-not-in";
    /** The package was already opened in another session. */
    public static final String ALREADY_OPENED = "already-opened";
    /** The package is recalled. */
    public static final String RECALLED = "recalled";
    /** The package's shelf life is over, or its wrap was compromised. */
    public static final String EXPIRED = "expired";
    /** The package's sterilizer is out of service. */
    public static final String STERILIZER_OUT_OF_SERVICE = "sterilizer-out-of-service";
    /** The sterilizer's spore test is overdue and the clinic blocks such packages. */
    public static final String SPORE_TEST_OVERDUE = "spore-test-overdue";

    /** How long a sterilizer may go between spore tests (CDC 2008: at least weekly). */
    public static final Duration SPORE_TEST_INTERVAL = Duration.ofDays(7);

    private SterilizationRules() {
    }

    /** Whether the temperature and exposure meet at least one minimum of the kind. */
    public static boolean meetsMinimum(Minimums minimums, Kind kind, double temperatureC, int exposureMinutes) {
        for (Minimum m : minimums.byKind().getOrDefault(kind, List.of())) {
            if (temperatureC >= m.temperatureC() && exposureMinutes >= m.exposureMinutes()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a cycle fails, empty when it passes. The parameters decide whatever the operator ticks:
     * below the minimum fails even with a passing chemical indicator.
     */
    public static List<String> cycleFailures(Minimums minimums, CycleReading r) {
        List<String> reasons = new ArrayList<>();
        if (!meetsMinimum(minimums, r.kind(), r.temperatureC(), r.exposureMinutes())) {
            reasons.add(BELOW_MINIMUM);
        }
        if (!r.chemicalIndicatorPassed()) {
            reasons.add(CHEMICAL_INDICATOR_FAILED);
        }
        return reasons;
    }

    /**
     * A package's expiry date: empty means event-related (sterile until the wrap is opened, torn,
     * wet or dropped; AAMI ST79), the default; with a shelf life set, the day of the cycle plus it.
     */
    public static Optional<LocalDate> expiry(Instant cycleStart, ZoneId zone, Integer shelfLifeDays) {
        if (shelfLifeDays == null || shelfLifeDays <= 0) {
            return Optional.empty();
        }
        return Optional.of(cycleStart.atZone(zone).toLocalDate().plusDays(shelfLifeDays));
    }

    /** Whether a package with that expiry is expired on that day (event-related packages never expire by date). */
    public static boolean expired(Optional<LocalDate> expiry, LocalDate today) {
        return expiry.isPresent() && today.isAfter(expiry.get());
    }

    /**
     * Whether the sterilizer's spore test is overdue: no passing test yet, more than a week since the
     * last one, or a repair or implant load since the last one without a test of its own.
     */
    public static boolean sporeTestOverdue(Optional<Instant> lastTest, Optional<Instant> lastRepair,
            Optional<Instant> lastImplantLoad, Instant now) {
        if (lastTest.isEmpty()) {
            return true;
        }
        Instant t = lastTest.get();
        if (now.isAfter(t.plus(SPORE_TEST_INTERVAL))) {
            return true;
        }
        return lastRepair.filter(r -> r.isAfter(t)).isPresent() || lastImplantLoad.filter(i -> i.isAfter(t)).isPresent();
    }

    /** When the next weekly spore test is due: a week after the last, now when there is none. */
    public static Instant nextSporeTestDue(Optional<Instant> lastTest, Instant now) {
        return lastTest.map(t -> t.plus(SPORE_TEST_INTERVAL)).orElse(now);
    }

    /** A package as far as the recall needs it: its id and when its cycle started. */
    public record Processed(String packageId, Instant cycleStart) {
    }

    /**
     * The recall's scope after a failed spore test: every package processed on that sterilizer since
     * its last passing spore test before the failure (all of them when it never passed), up to the
     * failing test's reading.
     */
    public static List<String> recallScope(List<Processed> packages, Optional<Instant> lastPassBefore, Instant failedReadAt) {
        List<String> scope = new ArrayList<>();
        for (Processed p : packages) {
            boolean after = lastPassBefore.map(t -> !p.cycleStart().isBefore(t)).orElse(true);
            if (after && !p.cycleStart().isAfter(failedReadAt)) {
                scope.add(p.packageId());
            }
        }
        return scope;
    }

    /** What usability depends on for one package. */
    public record PackageState(Boolean cyclePassed, boolean resultRequired, Boolean sporeResultPassed, boolean opened,
            boolean recalled, boolean expired, boolean sterilizerInService, boolean sporeTestOverdue, boolean blockOnOverdue) {
    }

    /** Why a package may not be used in a session, empty when it may. */
    public static List<String> unusableReasons(PackageState s) {
        List<String> reasons = new ArrayList<>();
        if (Boolean.FALSE.equals(s.cyclePassed())) {
            reasons.add(CYCLE_FAILED);
        }
        if (s.cyclePassed() == null || s.resultRequired() && s.sporeResultPassed() == null) {
            reasons.add(RESULT_NOT_IN);
        }
        if (s.opened()) {
            reasons.add(ALREADY_OPENED);
        }
        if (s.recalled()) {
            reasons.add(RECALLED);
        }
        if (s.expired()) {
            reasons.add(EXPIRED);
        }
        if (!s.sterilizerInService()) {
            reasons.add(STERILIZER_OUT_OF_SERVICE);
        }
        if (s.sporeTestOverdue() && s.blockOnOverdue()) {
            reasons.add(SPORE_TEST_OVERDUE);
        }
        return reasons;
    }

    /**
     * Whether a clinic's minimum is at least as strict as one CDC 2008 pair of its kind: a clinic
     * may ask more (the sterilizer maker's instructions), never less.
     */
    public static boolean atLeastCdc(Kind kind, Minimum m) {
        for (Minimum cdc : Minimums.cdc2008().byKind().get(kind)) {
            if (m.temperatureC() >= cdc.temperatureC() && m.exposureMinutes() >= cdc.exposureMinutes()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a shelf life is acceptable: none (event-related) or 1 to 3,650 days. */
    public static boolean validShelfLife(Integer days) {
        return days == null || days >= 1 && days <= 3650;
    }

    /**
     * Whether a package waits for its own cycle's spore test: a load holding an implantable is
     * released only when that cycle's biological indicator is read (AAMI ST79).
     */
    public static boolean awaitsOwnSporeTest(boolean implantLoad) {
        return implantLoad;
    }

    /**
     * How the client's visit summary describes a sterilized package: "verified" once a spore test on
     * its sterilizer passed after the cycle; a recalled package is never called verified.
     */
    public static String clientLine(boolean set, LocalDate cycleDay, boolean verifiedAfter, boolean recalled) {
        String what = set ? "sterilized set" : "sterilized instruments";
        String day = cycleDay.getDayOfMonth() + " " + cycleDay.getMonth().getDisplayName(TextStyle.SHORT,
                Locale.ENGLISH);
        if (recalled) {
            return "Instruments: " + what + ", cycle of " + day + ", under review: the clinic will contact you";
        }
        return "Instruments: " + what + ", cycle of " + day + (verifiedAfter ? ", verified" : "");
    }

    /** Whether a temperature is a valid reading (0-300 °C). */
    public static boolean validTemperature(double c) {
        return c >= 0 && c <= 300;
    }

    /** Whether a minute count is valid (0-600). */
    public static boolean validMinutes(int m) {
        return m >= 0 && m <= 600;
    }
}

package com.clearskin.sessions;

import com.clearskin.catalog.Performer;
import com.clearskin.catalog.Treatment;
import com.clearskin.recommendation.Reason;
import com.clearskin.recommendation.TreatmentVerdict;
import com.clearskin.recommendation.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a session, one small method each (tests: {@code SessionRulesTest}): the oversight a
 * treatment needs where the clinic practises (and so whether a physician co-signs), which reasons of
 * the engine's verdict are cautions the practitioner must acknowledge, and a step's timer.
 */
public final class SessionRules {

    /** The engine's reasons that describe fit or give information; every other reason is about safety. */
    static final Set<String> INFORMATION_RULES = Set.of("concern-match", "body-area", "cause-match",
            "cadence-by-skin-type", "checked-at-visit", "scope-of-practice");
    /** The caution given when the client has no assessment on file: the engine cannot check anything. */
    public static final String NO_ASSESSMENT = "no-assessment";

    private SessionRules() {
    }

    /**
     * The least qualified performer allowed for the treatment in the jurisdiction: the catalog's
     * scope of practice there when it lists the jurisdiction, else the qualification's minimum.
     */
    public static Performer leastPerformer(Treatment.Qualification q, String jurisdiction) {
        if (q == null) {
            return Performer.ESTHETICIAN;
        }
        if (jurisdiction != null) {
            for (Treatment.Scope scope : q.scope()) {
                if (scope.jurisdiction().equalsIgnoreCase(jurisdiction) && !scope.performers().isEmpty()) {
                    return scope.performers().stream().min(Enum::compareTo).orElseThrow();
                }
            }
        }
        return q.minimum() == null ? Performer.ESTHETICIAN : q.minimum();
    }

    /**
     * The medical oversight a session needs: when the least performer allowed is a nurse or a
     * physician, the record is co-signed by the clinic's medical director; empty otherwise.
     */
    public static Optional<Performer> oversight(Treatment.Qualification q, String jurisdiction) {
        Performer least = leastPerformer(q, jurisdiction);
        return least == Performer.NURSE || least == Performer.PHYSICIAN ? Optional.of(least) : Optional.empty();
    }

    /** Whether the verdict bars the session: an exclusion is never overridden. */
    public static boolean excluded(TreatmentVerdict verdict) {
        return verdict != null && verdict.verdict() == Verdict.EXCLUDED;
    }

    /**
     * The cautions to acknowledge, by rule with the engine's text: every safety reason of a caution
     * or needs-information verdict (fit and information reasons are not cautions); none otherwise.
     */
    public static Map<String, String> cautions(TreatmentVerdict verdict) {
        Map<String, String> cautions = new LinkedHashMap<>();
        if (verdict == null || verdict.verdict() == Verdict.EXCLUDED || verdict.verdict().safe()) {
            return cautions;
        }
        for (Reason r : verdict.reasons()) {
            if (!INFORMATION_RULES.contains(r.rule())) {
                cautions.merge(r.rule(), r.text(), (a, b) -> a + " " + b);
            }
        }
        return cautions;
    }

    /** The cautions not acknowledged with a reason: each must be, or the session does not start. */
    public static List<String> unacknowledged(Map<String, String> cautions, Map<String, String> acknowledged) {
        return cautions.keySet().stream()
                .filter(rule -> acknowledged.get(rule) == null || acknowledged.get(rule).isBlank()).toList();
    }

    /** A step is overrun once it has run longer than its maximum (running or finished); never without a maximum. */
    public static boolean overrun(Instant startedAt, Instant completedAt, Integer maxMinutes, Instant now) {
        if (startedAt == null || maxMinutes == null) {
            return false;
        }
        Instant end = completedAt != null ? completedAt : now;
        return Duration.between(startedAt, end).compareTo(Duration.ofMinutes(maxMinutes)) > 0;
    }

    /** Seconds left until a running step's maximum (negative once overrun); null when it has no timer or is not running. */
    public static Long secondsLeft(Instant startedAt, Instant completedAt, Integer maxMinutes, Instant now) {
        if (startedAt == null || completedAt != null || maxMinutes == null) {
            return null;
        }
        return Duration.between(now, startedAt.plus(Duration.ofMinutes(maxMinutes))).toSeconds();
    }
}

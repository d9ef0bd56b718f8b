package com.clearskin.recommendation;

import com.clearskin.assessment.Cause;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** How well a treatment fits the client: concerns, body areas, causes, cadence. Points add to a 0-100 score. */
final class FitRules {

    static final int CONCERN_POINTS = 60;
    static final int AREA_POINTS = 25;
    static final int CAUSE_POINTS = 15;
    static final int NO_CONCERNS_POINTS = 30;

    /** Seed 002's causes of enlarged pores, and the concerns each leads to. */
    static final Map<Cause, Set<Concern>> CAUSE_CONCERNS = Map.of(
            Cause.GENETICS, EnumSet.of(Concern.ENLARGED_PORES),
            Cause.SUN_DAMAGE, EnumSet.of(Concern.ENLARGED_PORES, Concern.PIGMENTATION, Concern.FINE_LINES, Concern.TEXTURE),
            Cause.AGING, EnumSet.of(Concern.ENLARGED_PORES, Concern.FINE_LINES, Concern.TEXTURE),
            Cause.EXCESS_SEBUM, EnumSet.of(Concern.ENLARGED_PORES, Concern.CONGESTION, Concern.BLACKHEADS,
                    Concern.WHITEHEADS, Concern.ACNE),
            Cause.SKINCARE_HABITS, EnumSet.of(Concern.CONGESTION, Concern.BLACKHEADS, Concern.WHITEHEADS),
            Cause.ENVIRONMENT, EnumSet.of(Concern.CONGESTION, Concern.DULLNESS, Concern.ENLARGED_PORES));

    private FitRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.of("concern-match", FitRules::concernMatch),
                Rule.of("body-area", FitRules::bodyArea),
                Rule.of("cause-match", FitRules::causeMatch),
                Rule.of("cadence-by-skin-type", FitRules::cadenceBySkinType));
    }

    /** The share of the client's concerns the treatment suits; a client with none gets a neutral score. */
    static void concernMatch(Rule.Input in, Findings f) {
        List<Concern> concerns = in.assessment().concerns();
        if (concerns.isEmpty()) {
            f.fit("concern-match", "You named no concern, so this is a general suggestion.", "", NO_CONCERNS_POINTS);
            return;
        }
        List<Concern> matched = concerns.stream().filter(in.treatment()::suits).toList();
        if (matched.isEmpty()) {
            f.fit("concern-match", "It is not aimed at your concerns.", "", 0);
            return;
        }
        int points = (int) Math.round(CONCERN_POINTS * (double) matched.size() / concerns.size());
        f.fit("concern-match", "It suits " + labels(matched) + ".", "", points);
    }

    /** A treatment for none of the areas the client wants treated fits poorly. */
    static void bodyArea(Rule.Input in, Findings f) {
        List<BodyArea> wanted = in.assessment().areasOrFace();
        List<BodyArea> treated = wanted.stream().filter(in.treatment()::treats).toList();
        if (treated.isEmpty()) {
            f.fit("body-area", "It is not done on your " + wanted.stream().map(a -> a.label().toLowerCase())
                    .collect(Collectors.joining(" or ")) + ".", "", 0);
        } else {
            f.fit("body-area", "It treats your " + treated.stream().map(a -> a.label().toLowerCase())
                    .collect(Collectors.joining(" and ")) + ".", "", AREA_POINTS);
        }
    }

    /** A treatment that addresses what causes the client's concerns (seed 002) fits a little better. */
    static void causeMatch(Rule.Input in, Findings f) {
        List<Cause> causes = in.assessment().causes().stream()
                .filter(c -> CAUSE_CONCERNS.get(c).stream().anyMatch(in.treatment()::suits)).toList();
        if (!causes.isEmpty()) {
            f.fit("cause-match", "It works on what contributes to your concerns: "
                    + causes.stream().map(c -> c.label().toLowerCase()).collect(Collectors.joining(", ")) + ".",
                    "seed-002", CAUSE_POINTS);
        }
    }

    /** Where the catalog gives a cadence for the client's skin type, the course follows it. */
    static void cadenceBySkinType(Rule.Input in, Findings f) {
        SkinType type = in.assessment().skinType();
        cadence(in.treatment(), type).ifPresent(c -> f.note("cadence-by-skin-type", "For "
                + type.label().toLowerCase() + " skin: every " + c.intervalDaysMin() + "-" + c.intervalDaysMax()
                + " days (" + ("at-home".equals(c.view()) ? "at-home" : "professional") + " guidance).",
                in.sources().describe(c.sources())));
    }

    static java.util.Optional<Treatment.Cadence> cadence(Treatment t, SkinType type) {
        if (type == null) {
            return java.util.Optional.empty();
        }
        return t.cadence().stream().filter(c -> c.skinTypes().contains(type)).findFirst();
    }

    private static String labels(List<Concern> concerns) {
        return concerns.stream().map(c -> c.label().toLowerCase()).collect(Collectors.joining(", "));
    }
}

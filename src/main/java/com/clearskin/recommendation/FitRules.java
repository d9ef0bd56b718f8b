package com.clearskin.recommendation;

import com.clearskin.assessment.Cause;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.recommendation.PreparedTreatment.Memo;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How well a treatment fits the client: concerns, body areas, causes, cadence. Points add to a 0-100 score. */
final class FitRules {

    static final int CONCERN_POINTS = 60;
    static final int AREA_POINTS = 25;
    static final int CAUSE_POINTS = 15;
    static final int NO_CONCERNS_POINTS = 30;

    /** Seed 002's causes of enlarged pores, and the concerns each leads to. */
    static final Map<Cause, Set<Concern>> CAUSE_CONCERNS = new EnumMap<>(Map.of(
            Cause.GENETICS, EnumSet.of(Concern.ENLARGED_PORES),
            Cause.SUN_DAMAGE, EnumSet.of(Concern.ENLARGED_PORES, Concern.PIGMENTATION, Concern.FINE_LINES,
                    Concern.TEXTURE),
            Cause.AGING, EnumSet.of(Concern.ENLARGED_PORES, Concern.FINE_LINES, Concern.TEXTURE),
            Cause.EXCESS_SEBUM, EnumSet.of(Concern.ENLARGED_PORES, Concern.CONGESTION, Concern.BLACKHEADS,
                    Concern.WHITEHEADS, Concern.ACNE),
            Cause.SKINCARE_HABITS, EnumSet.of(Concern.CONGESTION, Concern.BLACKHEADS, Concern.WHITEHEADS),
            Cause.ENVIRONMENT, EnumSet.of(Concern.CONGESTION, Concern.DULLNESS, Concern.ENLARGED_PORES)));

    static final List<String> SEED_002 = List.of("seed-002");
    private static final Reason NO_CONCERNS = new Reason("concern-match",
            "You named no concern, so this is a general suggestion.", "");
    private static final Reason NOT_AIMED = new Reason("concern-match", "It is not aimed at your concerns.", "");
    private static final String[] CONCERN_LABELS = Arrays.stream(Concern.values())
            .map(c -> c.label().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private static final String[] AREA_LABELS = Arrays.stream(BodyArea.values())
            .map(a -> a.label().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private static final String[] CAUSE_LABELS = Arrays.stream(Cause.values())
            .map(c -> c.label().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private FitRules() {
    }

    static List<Rule> all() {
        return List.of(
                Rule.of("concern-match", FitRules::concernMatch),
                Rule.of("body-area", FitRules::bodyArea),
                Rule.of("cause-match", t -> t.causesAddressed() != 0, FitRules::causeMatch),
                Rule.of("cadence-by-skin-type", t -> !t.treatment().cadence().isEmpty(), FitRules::cadenceBySkinType));
    }

    /**
     * The share of the client's concerns the treatment suits; a client with none gets a neutral
     * score. The suited concerns are named in the treatment's order, so that the client's order
     * changes nothing.
     */
    static void concernMatch(Rule.Input in, Findings f) {
        List<Concern> concerns = in.assessment().concerns();
        if (concerns.isEmpty()) {
            f.fit(NO_CONCERNS, NO_CONCERNS_POINTS);
            return;
        }
        int matched = 0;
        int count = 0;
        for (int i = 0; i < concerns.size(); i++) {
            int bit = in.prepared().concernBit(concerns.get(i));
            if (bit >= 0) {
                matched |= 1 << bit;
                count++;
            }
        }
        if (count == 0) {
            f.fit(NOT_AIMED, 0);
            return;
        }
        int points = (int) Math.round(CONCERN_POINTS * (double) count / concerns.size());
        f.fit(in.prepared().memo(Memo.CONCERNS_SUITED, matched, in, (input, suited) -> new Reason("concern-match",
                "It suits " + suitedLabels(input.treatment().concerns(), suited) + ".", "")), points);
    }

    /** The concerns of the treatment's list whose bits are set, in the treatment's order. */
    private static String suitedLabels(List<Concern> concerns, int mask) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < concerns.size() && i < 16; i++) {
            if ((mask & 1 << i) != 0) {
                text.append(text.length() == 0 ? "" : ", ").append(CONCERN_LABELS[concerns.get(i).ordinal()]);
            }
        }
        return text.toString();
    }

    /** A treatment for none of the areas the client wants treated fits poorly. */
    static void bodyArea(Rule.Input in, Findings f) {
        int wanted = 0;
        int treated = 0;
        List<BodyArea> areas = in.assessment().areasOrFace();
        for (int i = 0; i < areas.size(); i++) {
            BodyArea area = areas.get(i);
            wanted |= 1 << area.ordinal();
            if (in.prepared().treats(area)) {
                treated |= 1 << area.ordinal();
            }
        }
        if (treated == 0) {
            f.fit(in.prepared().memo(Memo.AREAS_NOT_TREATED, wanted, in, (input, all) -> new Reason("body-area",
                    "It is not done on your " + labels(AREA_LABELS, all, " or ") + ".", "")), 0);
        } else {
            f.fit(in.prepared().memo(Memo.AREAS_TREATED, treated, in, (input, some) -> new Reason("body-area",
                    "It treats your " + labels(AREA_LABELS, some, " and ") + ".", "")), AREA_POINTS);
        }
    }

    /**
     * A treatment that addresses what causes the client's concerns (seed 002) fits a little better:
     * one that suits a concern the cause leads to ({@link #CAUSE_CONCERNS}).
     */
    static void causeMatch(Rule.Input in, Findings f) {
        int addressed = 0;
        List<Cause> causes = in.assessment().causes();
        for (int i = 0; i < causes.size(); i++) {
            addressed |= 1 << causes.get(i).ordinal();
        }
        addressed &= in.prepared().causesAddressed();
        if (addressed != 0) {
            f.fit(in.prepared().memo(Memo.CAUSES_ADDRESSED, addressed, in, (input, named) -> new Reason("cause-match",
                    "It works on what contributes to your concerns: " + labels(CAUSE_LABELS, named, ", ") + ".",
                    input.sources().describe(SEED_002))), CAUSE_POINTS);
        }
    }

    /** Where the catalog gives a cadence for the client's skin type, the course follows it. */
    static void cadenceBySkinType(Rule.Input in, Findings f) {
        SkinType type = in.assessment().skinType();
        if (in.prepared().cadence(type) != null) {
            f.note(in.prepared().memo(Memo.CADENCE, type.ordinal(), in, (input, t) -> {
                SkinType skin = SkinType.values()[t];
                Treatment.Cadence c = input.prepared().cadence(skin);
                return new Reason("cadence-by-skin-type", "For " + skin.label().toLowerCase(Locale.ROOT)
                        + " skin: every " + c.intervalDaysMin() + "-" + c.intervalDaysMax() + " days (" + view(c)
                        + " guidance).", input.sources().describe(c.sources()));
            }));
        }
    }

    /** The causes (bit i for {@code Cause.values()[i]}) that lead to a concern the treatment suits. */
    static int causesAddressed(Treatment t) {
        int causes = 0;
        for (Cause cause : Cause.values()) {
            for (Concern concern : CAUSE_CONCERNS.get(cause)) {
                if (t.suits(concern)) {
                    causes |= 1 << cause.ordinal();
                }
            }
        }
        return causes;
    }

    /** "at-home" or "professional": whose guidance a cadence is. */
    static String view(Treatment.Cadence c) {
        return "at-home".equals(c.view()) ? "at-home" : "professional";
    }

    static java.util.Optional<Treatment.Cadence> cadence(Treatment t, SkinType type) {
        if (type == null) {
            return java.util.Optional.empty();
        }
        return t.cadence().stream().filter(c -> c.skinTypes().contains(type)).findFirst();
    }

    /** The labels whose bits are set in {@code mask}, in the order of their enum, joined. */
    private static String labels(String[] labels, int mask, String separator) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            if ((mask & 1 << i) != 0) {
                text.append(text.length() == 0 ? "" : separator).append(labels[i]);
            }
        }
        return text.toString();
    }
}

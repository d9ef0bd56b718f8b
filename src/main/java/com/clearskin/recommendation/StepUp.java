package com.clearskin.recommendation;

import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.ConcernSeverity;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.InvasivenessLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The step-up rule ({@code step-up}): start with the least invasive level that can work, step up
 * when it did not. A treatment the other rules recommend stays recommended only when, for one of
 * the client's concerns it fits at its severity, no gentler fitting treatment of the catalog is
 * open to the client, or the gentler levels were tried without enough improvement; otherwise it
 * is {@code possible}, and says what comes first. What "fits at its severity" means is a rule
 * setting ({@code firstLevel}: the first real level for each concern and severity), not code.
 */
final class StepUp {

    static final String RULE = "step-up";
    static final String GENTLER_FIRST = "a gentler option usually comes first: ";

    private StepUp() {
    }

    /** The level the step-up reads: a treatment without one counts as the most invasive (never as gentle). */
    static InvasivenessLevel level(PreparedTreatment t) {
        InvasivenessLevel level = t.treatment().level();
        return level == null ? InvasivenessLevel.ABLATIVE : level;
    }

    /** Whether the treatment fits the concern at the client's severity: it suits it, at or above the first real level. */
    static boolean fits(PreparedTreatment t, Concern c, Assessment a, RuleSettings settings) {
        return t.suits(c) && !level(t).gentlerThan(settings.firstLevel(c, a.severityOf(c)));
    }

    /**
     * Applies the rule to the verdicts of one catalog ({@code verdicts[i]} judges {@code treatments.get(i)}),
     * in place: a recommended treatment that is not a first step becomes possible, with the reason.
     */
    static void apply(TreatmentVerdict[] verdicts, List<PreparedTreatment> treatments, Assessment a,
            RuleSettings settings, Rule.Sources sources) {
        if (a.concerns().isEmpty()) {
            return; // nothing is recommended without a concern (concern-match)
        }
        InvasivenessLevel tried = a.mostInvasiveTried();
        List<Concern> concerns = a.concerns();
        InvasivenessLevel[] entry = new InvasivenessLevel[concerns.size()];
        for (int k = 0; k < concerns.size(); k++) {
            entry[k] = entry(concerns.get(k), verdicts, treatments, a, settings, tried);
        }
        for (int i = 0; i < verdicts.length; i++) {
            TreatmentVerdict v = verdicts[i];
            if (v.verdict() != Verdict.RECOMMENDED) {
                continue;
            }
            PreparedTreatment t = treatments.get(i);
            InvasivenessLevel level = level(t);
            boolean first = false;
            for (int k = 0; k < concerns.size() && !first; k++) {
                Concern c = concerns.get(k);
                first = fits(t, c, a, settings) && (tried == null || tried.gentlerThan(level))
                        && entry[k] != null && !entry[k].gentlerThan(level);
            }
            if (first) {
                if (tried != null) {
                    verdicts[i] = with(v, Verdict.RECOMMENDED, new Reason(RULE, "Gentler treatments ("
                            + levelsUpTo(tried) + ") were tried without enough improvement, so this is the next step.",
                            ""));
                }
                continue;
            }
            verdicts[i] = with(v, Verdict.POSSIBLE, why(t, verdicts, treatments, a, settings, tried, entry, sources));
        }
    }

    /**
     * The least invasive level of the catalog's treatments that fit the concern, are open to the
     * client (not excluded) and treat a wanted area, above the levels tried; null when none is.
     */
    static InvasivenessLevel entry(Concern c, TreatmentVerdict[] verdicts, List<PreparedTreatment> treatments,
            Assessment a, RuleSettings settings, InvasivenessLevel tried) {
        InvasivenessLevel entry = null;
        for (int j = 0; j < verdicts.length; j++) {
            PreparedTreatment u = treatments.get(j);
            InvasivenessLevel level = level(u);
            if (verdicts[j].verdict() == Verdict.EXCLUDED || !fits(u, c, a, settings) || !treatsArea(u, a)
                    || tried != null && !tried.gentlerThan(level)) {
                continue;
            }
            if (entry == null || level.gentlerThan(entry)) {
                entry = level;
            }
        }
        return entry;
    }

    private static boolean treatsArea(PreparedTreatment t, Assessment a) {
        for (BodyArea area : a.areasOrFace()) {
            if (t.treats(area)) {
                return true;
            }
        }
        return false;
    }

    /** Why a recommended treatment is not a first step: a gentler one comes first, it is too gentle, or it was tried. */
    private static Reason why(PreparedTreatment t, TreatmentVerdict[] verdicts, List<PreparedTreatment> treatments,
            Assessment a, RuleSettings settings, InvasivenessLevel tried, InvasivenessLevel[] entry,
            Rule.Sources sources) {
        InvasivenessLevel level = level(t);
        List<Concern> concerns = a.concerns();
        Set<String> gentler = new java.util.TreeSet<>();
        List<String> ids = new ArrayList<>();
        List<String> tooGentleFor = new ArrayList<>();
        for (int k = 0; k < concerns.size(); k++) {
            Concern c = concerns.get(k);
            if (!t.suits(c)) {
                continue;
            }
            RuleSettings.FirstLevel setting = settings.firstLevel().get(c);
            if (setting != null) {
                ids.addAll(setting.sources());
            }
            if (!fits(t, c, a, settings)) {
                tooGentleFor.add(describe(c, a.severityOf(c)));
                continue;
            }
            if (entry[k] != null && entry[k].gentlerThan(level)) {
                for (int j = 0; j < verdicts.length; j++) {
                    PreparedTreatment u = treatments.get(j);
                    if (level(u) == entry[k] && verdicts[j].verdict() != Verdict.EXCLUDED && fits(u, c, a, settings)
                            && treatsArea(u, a)) {
                        gentler.add(u.treatment().name() + " (" + entry[k].label().toLowerCase(Locale.ROOT) + ")");
                    }
                }
            }
        }
        String source = sources.describe(ids.stream().distinct().toList());
        if (!gentler.isEmpty()) {
            return new Reason(RULE, GENTLER_FIRST + String.join(", ", gentler) + ". This one ("
                    + level.label().toLowerCase(Locale.ROOT) + ") is the next step if that does not help enough.",
                    source);
        }
        if (tried != null && !tried.gentlerThan(level)) {
            return new Reason(RULE, "Treatments at this level (" + level.label().toLowerCase(Locale.ROOT)
                    + ") were tried without enough improvement: a stronger one is the next step.", source);
        }
        return new Reason(RULE, "It is usually too gentle for " + String.join(" and ", tooGentleFor)
                + ": a stronger treatment is the first real option.", source);
    }

    static String describe(Concern c, ConcernSeverity severity) {
        return severity.label().toLowerCase(Locale.ROOT) + " " + c.label().toLowerCase(Locale.ROOT);
    }

    private static String levelsUpTo(InvasivenessLevel tried) {
        List<String> names = new ArrayList<>();
        for (InvasivenessLevel l : InvasivenessLevel.values()) {
            if (!tried.gentlerThan(l)) {
                names.add(l.label().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(", ", names);
    }

    private static TreatmentVerdict with(TreatmentVerdict v, Verdict verdict, Reason reason) {
        List<Reason> reasons = new ArrayList<>(v.reasons());
        reasons.add(reason);
        return new TreatmentVerdict(v.code(), v.name(), verdict, v.score(), List.copyOf(reasons), v.course(),
                v.reconsiderOn(), v.withinBudget(), v.invasiveness());
    }
}

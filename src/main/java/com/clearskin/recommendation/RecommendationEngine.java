package com.clearskin.recommendation;

import com.clearskin.assessment.Assessment;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.InvasivenessLevel;
import com.clearskin.catalog.Treatment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The recommendation engine: plain Java, deterministic, no I/O. For every treatment of a catalog
 * it applies every rule, then gives a verdict with its reasons, a score, a course when the
 * treatment may be planned, and ranks the treatments best first.
 */
public final class RecommendationEngine {

    /** The currency of an assessment's budget ({@code budgetUsd}). */
    static final String BUDGET_CURRENCY = "USD";

    private final Rule[] rules;
    private final Rule.Sources sources;

    public RecommendationEngine(Rule.Sources sources) {
        this(rules(), sources);
    }

    RecommendationEngine(List<Rule> rules, Rule.Sources sources) {
        this.rules = rules.toArray(new Rule[0]);
        this.sources = Rule.Sources.remembering(sources);
    }

    /** Every rule the engine applies, safety first. */
    public static List<Rule> rules() {
        List<Rule> all = new ArrayList<>(SafetyRules.all());
        all.addAll(FitRules.all());
        return List.copyOf(all);
    }

    /**
     * The catalog made ready for {@link #recommend(Assessment, PreparedCatalog, String)}: keep it for
     * as long as the catalog and the settings stay the same.
     */
    public PreparedCatalog prepare(List<Treatment> catalog, RuleSettings settings) {
        return new PreparedCatalog(catalog, settings, sources);
    }

    /**
     * Judges each treatment for the assessment. {@code jurisdiction} is where the clinic practises
     * (falls back to the assessment's); {@code asOf} must be set on the assessment.
     */
    public Recommendation recommend(Assessment assessment, List<Treatment> catalog, RuleSettings settings,
            String jurisdiction) {
        return recommend(assessment, prepare(catalog, settings), jurisdiction);
    }

    /** As {@link #recommend(Assessment, List, RuleSettings, String)}, over a catalog prepared by this engine. */
    public Recommendation recommend(Assessment assessment, PreparedCatalog catalog, String jurisdiction) {
        Objects.requireNonNull(assessment.asOf(), "asOf");
        String where = jurisdiction != null ? jurisdiction : assessment.jurisdiction();
        List<PreparedTreatment> treatments = catalog.treatments();
        TreatmentVerdict[] verdicts = new TreatmentVerdict[treatments.size()];
        Findings findings = new Findings();
        for (int i = 0; i < verdicts.length; i++) {
            findings.clear();
            verdicts[i] = judge(new Rule.Input(assessment, treatments.get(i), catalog.settings(), where,
                    catalog.sources()), findings);
        }
        StepUp.apply(verdicts, treatments, assessment, catalog.settings(), catalog.sources());
        rank(verdicts);
        return new Recommendation(assessment.asOf(), List.of(verdicts),
                catalog.homeCare(assessment));
    }

    /**
     * Best first: by verdict, then within budget, then by score (fit), then least invasive, then least
     * downtime, then least course cost, then by code (so the order is stable).
     */
    static final Comparator<TreatmentVerdict> RANKING = (a, b) -> {
        int c = a.verdict().compareTo(b.verdict());
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(!a.withinBudget(), !b.withinBudget());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.score(), a.score());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(levelRank(a), levelRank(b));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(downtime(a), downtime(b));
        if (c != 0) {
            return c;
        }
        c = cost(a).compareTo(cost(b));
        return c != 0 ? c : a.code().compareTo(b.code());
    };

    private static int levelRank(TreatmentVerdict v) {
        return v.invasiveness() == null ? InvasivenessLevel.values().length : v.invasiveness().ordinal();
    }

    private static int downtime(TreatmentVerdict v) {
        return v.course() == null ? Integer.MAX_VALUE : v.course().downtime().maxDays();
    }

    private static final BigDecimal NO_COST = BigDecimal.valueOf(Long.MAX_VALUE);

    /** The course's least cost (a clinic prices its catalog in one currency). */
    private static BigDecimal cost(TreatmentVerdict v) {
        return v.course() == null ? NO_COST : v.course().courseCost().min();
    }

    /** Sorts by {@link #RANKING}, stably (insertion sort: a catalog has a few dozen treatments at most). */
    static void rank(TreatmentVerdict[] verdicts) {
        if (verdicts.length > 64) {
            Arrays.sort(verdicts, RANKING);
            return;
        }
        for (int i = 1; i < verdicts.length; i++) {
            TreatmentVerdict v = verdicts[i];
            int j = i - 1;
            while (j >= 0 && RANKING.compare(verdicts[j], v) > 0) {
                verdicts[j + 1] = verdicts[j];
                j--;
            }
            verdicts[j + 1] = v;
        }
    }

    TreatmentVerdict judge(Rule.Input in) {
        return judge(in, new Findings());
    }

    private TreatmentVerdict judge(Rule.Input in, Findings findings) {
        for (Rule rule : in.prepared().applicable(rules)) {
            rule.apply(in, findings);
        }
        int score = Math.max(0, Math.min(100, findings.points()));
        Verdict verdict = verdict(findings, score, in);
        CoursePlan course = verdict.plannable() ? in.prepared().course(in.assessment().skinType()) : null;
        boolean withinBudget = withinBudget(course, in.assessment().budgetUsd());
        return new TreatmentVerdict(in.treatment().code(), in.treatment().name(), verdict, score,
                findings.reasons(), course, verdict == Verdict.EXCLUDED ? findings.reconsiderOn() : null,
                withinBudget, in.treatment().level());
    }

    /** Excluded over needs-information over caution; a safe treatment is recommended when it fits well. */
    static Verdict verdict(Findings findings, int score, Rule.Input in) {
        if (findings.any(Findings.Kind.EXCLUDE)) {
            return Verdict.EXCLUDED;
        }
        if (findings.any(Findings.Kind.NEEDS_INFORMATION)) {
            return Verdict.NEEDS_INFORMATION;
        }
        if (findings.any(Findings.Kind.CAUTION)) {
            return Verdict.CAUTION;
        }
        return treatsArea(in) && suitsConcern(in) && score >= in.settings().recommendedScore().value()
                ? Verdict.RECOMMENDED : Verdict.POSSIBLE;
    }

    private static boolean treatsArea(Rule.Input in) {
        List<BodyArea> areas = in.assessment().areasOrFace();
        for (int i = 0; i < areas.size(); i++) {
            if (in.prepared().treats(areas.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean suitsConcern(Rule.Input in) {
        List<Concern> concerns = in.assessment().concerns();
        for (int i = 0; i < concerns.size(); i++) {
            if (in.prepared().suits(concerns.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the course's least cost fits the budget. The budget is in US dollars: a course priced
     * in another currency cannot be compared with it, so the budget then ranks nothing (as if none
     * were given) rather than ranking by numbers in different currencies.
     */
    static boolean withinBudget(CoursePlan course, BigDecimal budget) {
        if (budget == null) {
            return true;
        }
        if (course == null) {
            return false;
        }
        if (!BUDGET_CURRENCY.equals(course.currency())) {
            return true;
        }
        return course.courseCost().min().compareTo(budget) <= 0;
    }
}

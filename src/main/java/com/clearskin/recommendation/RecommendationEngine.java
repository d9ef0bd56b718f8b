package com.clearskin.recommendation;

import com.clearskin.assessment.Assessment;
import com.clearskin.catalog.Treatment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The recommendation engine: plain Java, deterministic, no I/O. For every treatment of a catalog
 * it applies every rule, then gives a verdict with its reasons, a score, a course when the
 * treatment may be planned, and ranks the treatments best first.
 */
public final class RecommendationEngine {

    private final List<Rule> rules;
    private final Rule.Sources sources;

    public RecommendationEngine(Rule.Sources sources) {
        this(rules(), sources);
    }

    RecommendationEngine(List<Rule> rules, Rule.Sources sources) {
        this.rules = List.copyOf(rules);
        this.sources = sources;
    }

    /** Every rule the engine applies, safety first. */
    public static List<Rule> rules() {
        List<Rule> all = new ArrayList<>(SafetyRules.all());
        all.addAll(FitRules.all());
        return List.copyOf(all);
    }

    /**
     * Judges each treatment for the assessment. {@code jurisdiction} is where the clinic practises
     * (falls back to the assessment's); {@code asOf} must be set on the assessment.
     */
    public Recommendation recommend(Assessment assessment, List<Treatment> catalog, RuleSettings settings,
            String jurisdiction) {
        Objects.requireNonNull(assessment.asOf(), "asOf");
        String where = jurisdiction != null ? jurisdiction : assessment.jurisdiction();
        List<TreatmentVerdict> verdicts = new ArrayList<>();
        for (Treatment treatment : catalog) {
            verdicts.add(judge(new Rule.Input(assessment, treatment, settings, where, sources)));
        }
        verdicts.sort(RANKING);
        return new Recommendation(assessment.asOf(), List.copyOf(verdicts),
                HomeRoutine.write(assessment, settings, catalog, sources));
    }

    /** Best first: by verdict, then within budget, then by score, then by code (so the order is stable). */
    static final Comparator<TreatmentVerdict> RANKING = Comparator
            .comparing(TreatmentVerdict::verdict)
            .thenComparing(v -> !v.withinBudget())
            .thenComparing(Comparator.comparingInt(TreatmentVerdict::score).reversed())
            .thenComparing(TreatmentVerdict::code);

    TreatmentVerdict judge(Rule.Input in) {
        Findings findings = new Findings();
        for (Rule rule : rules) {
            rule.apply(in, findings);
        }
        int score = Math.max(0, Math.min(100, findings.points()));
        Verdict verdict = verdict(findings, score, in);
        CoursePlan course = verdict.plannable() ? Courses.plan(in.treatment(), in.assessment()) : null;
        boolean withinBudget = withinBudget(course, in.assessment().budgetUsd());
        return new TreatmentVerdict(in.treatment().code(), in.treatment().name(), verdict, score,
                findings.reasons(), course, verdict == Verdict.EXCLUDED ? findings.reconsiderOn() : null,
                withinBudget);
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
        boolean treatsArea = in.assessment().areasOrFace().stream().anyMatch(in.treatment()::treats);
        boolean suitsConcern = in.assessment().concerns().stream().anyMatch(in.treatment()::suits);
        return treatsArea && suitsConcern && score >= in.settings().recommendedScore().value()
                ? Verdict.RECOMMENDED : Verdict.POSSIBLE;
    }

    static boolean withinBudget(CoursePlan course, BigDecimal budget) {
        if (budget == null) {
            return true;
        }
        return course != null && course.courseCost().min().compareTo(budget) <= 0;
    }
}

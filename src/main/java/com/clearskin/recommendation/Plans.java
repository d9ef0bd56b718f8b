package com.clearskin.recommendation;

import com.clearskin.assessment.Assessment;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.InvasivenessLevel;
import com.clearskin.catalog.Treatment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a recommendation into a plan: a pure function of the recommendation (so of the assessment
 * and its history), the catalog, the rule settings, the clinic's today and the client's progress.
 */
public final class Plans {

    /** Re-measure no sooner than this many days after the last session (the skin settles; inference). */
    static final int MIN_DAYS_TO_REMEASURE = 14;

    private Plans() {
    }

    /**
     * The plan, or null when nothing is recommended (no first step). {@code catalog} is the one the
     * recommendation was made over; {@code today} the clinic's today, from which the dates run.
     */
    public static TreatmentPlan plan(Recommendation r, Assessment a, List<Treatment> catalog, RuleSettings settings,
            LocalDate today, TreatmentPlan.Progress progress) {
        Map<String, Treatment> byCode = catalog.stream().collect(Collectors.toMap(Treatment::code,
                Function.identity(), (x, y) -> x));
        TreatmentVerdict first = r.treatments().stream().filter(v -> v.verdict() == Verdict.RECOMMENDED
                && v.course() != null).findFirst().orElse(null);
        if (first == null) {
            return null;
        }
        Treatment firstTreatment = byCode.get(first.code());
        List<Concern> fitted = a.concerns().stream()
                .filter(c -> firstTreatment != null && fits(firstTreatment, c, a, settings)).toList();
        TreatmentVerdict next = next(r, first, fitted, byCode, a, settings);
        int threshold = settings.improvementThreshold();
        TreatmentPlan.Progress p = progress == null ? TreatmentPlan.Progress.NONE : progress;
        CoursePlan course = first.course();
        int sessions = course.sessionsMin();
        int remaining = Math.max(0, sessions - p.sessionsCompleted());
        List<LocalDate> dates = new ArrayList<>();
        int interval = Math.max(1, course.intervalDaysMin());
        for (int k = 0; k < remaining; k++) {
            dates.add(today.plusDays((long) k * interval));
        }
        LocalDate lastSession = dates.isEmpty() ? today : dates.get(dates.size() - 1);
        int wait = Math.max(MIN_DAYS_TO_REMEASURE, course.intervalDaysMax() == null ? course.intervalDaysMin()
                : course.intervalDaysMax());
        LocalDate remeasureOn = dates.isEmpty() ? today : lastSession.plusDays(wait);
        String status;
        if (remaining > 0) {
            status = p.sessionsCompleted() == 0 ? "start" : "in-course";
        } else if (p.measuredChangePercent() == null) {
            status = "re-measure";
        } else {
            status = p.measuredChangePercent() < threshold ? "step-up" : "continue";
        }
        TreatmentPlan.Step firstStep = new TreatmentPlan.Step(first.code(), first.name(), first.invasiveness(),
                sessions, dates, course.intervalDaysMin(), course.intervalDaysMax(), course.currency(),
                course.courseCost().min(), course.courseCost().max(), whyFirst(first, fitted, a));
        TreatmentPlan.Step nextStep = next == null ? null : new TreatmentPlan.Step(next.code(), next.name(),
                next.invasiveness(), next.course().sessionsMin(), List.of(), next.course().intervalDaysMin(),
                next.course().intervalDaysMax(), next.course().currency(), next.course().courseCost().min(),
                next.course().courseCost().max(), "If the measured change stays under " + threshold
                + "% after the first course, the next level (" + label(next.invasiveness()) + ") is the next step.");
        return new TreatmentPlan(status, firstStep, remeasureOn, "Photos of the treated area in the same light and "
                + "position as at the start, compared after the course.", threshold, nextStep,
                summary(status, firstStep, nextStep, remeasureOn, threshold));
    }

    /** The next level that fits: the best-ranked safe treatment more invasive than the first that fits one of its concerns. */
    static TreatmentVerdict next(Recommendation r, TreatmentVerdict first, List<Concern> fitted,
            Map<String, Treatment> byCode, Assessment a, RuleSettings settings) {
        InvasivenessLevel from = first.invasiveness() == null ? InvasivenessLevel.ABLATIVE : first.invasiveness();
        TreatmentVerdict best = null;
        for (TreatmentVerdict v : r.treatments()) {
            Treatment t = byCode.get(v.code());
            if (t == null || !v.verdict().safe() || v.course() == null || v.invasiveness() == null
                    || !from.gentlerThan(v.invasiveness())
                    || fitted.stream().noneMatch(c -> fits(t, c, a, settings))) {
                continue;
            }
            if (best == null || v.invasiveness().gentlerThan(best.invasiveness())) {
                best = v; // ranked order: the first at the least invasive level is the best ranked there
            }
        }
        return best;
    }

    static boolean fits(Treatment t, Concern c, Assessment a, RuleSettings settings) {
        InvasivenessLevel level = t.level() == null ? InvasivenessLevel.ABLATIVE : t.level();
        return t.suits(c) && !level.gentlerThan(settings.firstLevel(c, a.severityOf(c)));
    }

    private static String whyFirst(TreatmentVerdict first, List<Concern> fitted, Assessment a) {
        String concerns = fitted.stream().map(c -> StepUp.describe(c, a.severityOf(c))).collect(Collectors.joining(
                " and "));
        return "The least invasive treatment that can work" + (concerns.isEmpty() ? "" : " for " + concerns) + " ("
                + label(first.invasiveness()) + ").";
    }

    private static String label(InvasivenessLevel level) {
        return level == null ? "level not given" : level.label().toLowerCase(Locale.ROOT);
    }

    private static String summary(String status, TreatmentPlan.Step first, TreatmentPlan.Step next, LocalDate remeasure,
            int threshold) {
        String course = first.sessions() + " session" + (first.sessions() == 1 ? "" : "s") + " of " + first.name();
        String then = next == null ? " If it does not help enough, talk with your practitioner about what comes next."
                : " If the change is under " + threshold + "%, the next step is " + next.name() + ".";
        return switch (status) {
            case "step-up" -> "The first course did not change enough (under " + threshold + "%): "
                    + (next == null ? "talk with your practitioner about what comes next." : "the next step is "
                    + next.name() + ".");
            case "continue" -> "The first course helped: keep going with " + first.name() + ".";
            case "re-measure" -> "The course is done: re-measure now with photos." + then;
            default -> "Start with " + course + ", then re-measure with photos on " + remeasure + "." + then;
        };
    }

}

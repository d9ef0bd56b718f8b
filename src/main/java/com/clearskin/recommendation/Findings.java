package com.clearskin.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the rules found about one treatment: the material of its verdict and score. */
public final class Findings {

    enum Kind { EXCLUDE, NEEDS_INFORMATION, CAUTION, FIT, NOTE }

    record Finding(Kind kind, Reason reason, LocalDate until, int points) {
    }

    private final List<Finding> findings = new ArrayList<>();

    /** An absolute contraindication; {@code until} is when it ends, or null when it does not end by itself. */
    public void exclude(String rule, String text, String source, LocalDate until) {
        findings.add(new Finding(Kind.EXCLUDE, new Reason(rule, text, source), until, 0));
    }

    public void needsInformation(String rule, String text, String source) {
        findings.add(new Finding(Kind.NEEDS_INFORMATION, new Reason(rule, text, source), null, 0));
    }

    public void caution(String rule, String text, String source) {
        findings.add(new Finding(Kind.CAUTION, new Reason(rule, text, source), null, 0));
    }

    /** How well the treatment fits: points towards the score (0-100). */
    public void fit(String rule, String text, String source, int points) {
        findings.add(new Finding(Kind.FIT, new Reason(rule, text, source), null, points));
    }

    /** Something worth knowing that changes neither the verdict nor the score. */
    public void note(String rule, String text, String source) {
        findings.add(new Finding(Kind.NOTE, new Reason(rule, text, source), null, 0));
    }

    boolean any(Kind kind) {
        return findings.stream().anyMatch(f -> f.kind() == kind);
    }

    int points() {
        return findings.stream().mapToInt(Finding::points).sum();
    }

    /** The date every exclusion has ended, or null when one of them does not end by itself. */
    LocalDate reconsiderOn() {
        LocalDate latest = null;
        for (Finding f : findings) {
            if (f.kind() == Kind.EXCLUDE) {
                if (f.until() == null) {
                    return null;
                }
                latest = latest == null || f.until().isAfter(latest) ? f.until() : latest;
            }
        }
        return latest;
    }

    /** The reasons, most serious first. */
    List<Reason> reasons() {
        return findings.stream().sorted(java.util.Comparator.comparing(Finding::kind))
                .map(Finding::reason).toList();
    }
}

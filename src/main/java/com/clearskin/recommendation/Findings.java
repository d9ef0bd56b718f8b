package com.clearskin.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** What the rules found about one treatment: the material of its verdict and score. */
public final class Findings {

    /** How serious a finding is, most serious first: the order of the verdict's precedence and of its reasons. */
    enum Kind { EXCLUDE, NEEDS_INFORMATION, CAUTION, FIT, NOTE }

    private static final Kind[] KINDS = Kind.values();

    /** One finding, as {@link #all()} lists them. */
    record Finding(Kind kind, Reason reason, LocalDate until, int points) {
    }

    private Kind[] kinds = new Kind[12];
    private Reason[] reasons = new Reason[12];
    private LocalDate[] untils;
    private int[] pointsOf;
    private int size;
    private final int[] counts = new int[KINDS.length];
    private int points;
    private LocalDate latestUntil;
    private boolean openEndedExclusion;

    /** An absolute contraindication; {@code until} is when it ends, or null when it does not end by itself. */
    public void exclude(String rule, String text, String source, LocalDate until) {
        exclude(new Reason(rule, text, source), until);
    }

    void exclude(Reason reason, LocalDate until) {
        int at = add(Kind.EXCLUDE, reason);
        if (until == null) {
            openEndedExclusion = true;
        } else {
            if (untils == null) {
                untils = new LocalDate[kinds.length];
            }
            untils[at] = until;
            if (latestUntil == null || until.isAfter(latestUntil)) {
                latestUntil = until;
            }
        }
    }

    public void needsInformation(String rule, String text, String source) {
        needsInformation(new Reason(rule, text, source));
    }

    void needsInformation(Reason reason) {
        add(Kind.NEEDS_INFORMATION, reason);
    }

    public void caution(String rule, String text, String source) {
        caution(new Reason(rule, text, source));
    }

    void caution(Reason reason) {
        add(Kind.CAUTION, reason);
    }

    /** How well the treatment fits: points towards the score (0-100). */
    public void fit(String rule, String text, String source, int points) {
        fit(new Reason(rule, text, source), points);
    }

    void fit(Reason reason, int points) {
        int at = add(Kind.FIT, reason);
        if (points != 0) {
            if (pointsOf == null) {
                pointsOf = new int[kinds.length];
            }
            pointsOf[at] = points;
            this.points += points;
        }
    }

    /** Something worth knowing that changes neither the verdict nor the score. */
    public void note(String rule, String text, String source) {
        note(new Reason(rule, text, source));
    }

    void note(Reason reason) {
        add(Kind.NOTE, reason);
    }

    private int add(Kind kind, Reason reason) {
        if (size == kinds.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            reasons = Arrays.copyOf(reasons, capacity);
            untils = untils == null ? null : Arrays.copyOf(untils, capacity);
            pointsOf = pointsOf == null ? null : Arrays.copyOf(pointsOf, capacity);
        }
        kinds[size] = kind;
        reasons[size] = reason;
        counts[kind.ordinal()]++;
        return size++;
    }

    /** Forgets everything found, to be used for the next treatment (entries past {@code size} are overwritten). */
    void clear() {
        if (untils != null) {
            Arrays.fill(untils, 0, size, null);
        }
        if (pointsOf != null) {
            Arrays.fill(pointsOf, 0, size, 0);
        }
        for (int k = 0; k < counts.length; k++) {
            counts[k] = 0;
        }
        size = 0;
        points = 0;
        latestUntil = null;
        openEndedExclusion = false;
    }

    boolean any(Kind kind) {
        return counts[kind.ordinal()] > 0;
    }

    int points() {
        return points;
    }

    /** Everything found, in the order the rules found it. */
    List<Finding> all() {
        List<Finding> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(new Finding(kinds[i], reasons[i], untils == null ? null : untils[i],
                    pointsOf == null ? 0 : pointsOf[i]));
        }
        return List.copyOf(all);
    }

    /** The date every exclusion has ended, or null when there is none or one of them does not end by itself. */
    LocalDate reconsiderOn() {
        return counts[Kind.EXCLUDE.ordinal()] == 0 || openEndedExclusion ? null : latestUntil;
    }

    /** The reasons, most serious first; in the order the rules found them within one kind. */
    List<Reason> reasons() {
        int[] next = new int[KINDS.length];
        for (int k = 1; k < KINDS.length; k++) {
            next[k] = next[k - 1] + counts[k - 1];
        }
        Reason[] out = new Reason[size];
        for (int i = 0; i < size; i++) {
            out[next[kinds[i].ordinal()]++] = reasons[i];
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }
}

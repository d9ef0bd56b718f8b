package com.clearskin.recommendation;

import java.time.LocalDate;
import java.util.List;

/**
 * The engine's answer: every treatment ranked best first, and the at-home routine; for a client of
 * a clinic, also the plan (null otherwise, or when nothing is recommended).
 */
public record Recommendation(LocalDate asOf, List<TreatmentVerdict> treatments, HomeCare homeCare,
        TreatmentPlan plan) {

    public Recommendation(LocalDate asOf, List<TreatmentVerdict> treatments, HomeCare homeCare) {
        this(asOf, treatments, homeCare, null);
    }

    /** This recommendation with a plan. */
    public Recommendation withPlan(TreatmentPlan other) {
        return new Recommendation(asOf, treatments, homeCare, other);
    }
}

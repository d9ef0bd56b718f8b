package com.clearskin.recommendation;

import java.time.LocalDate;
import java.util.List;

/** The engine's answer: every treatment ranked best first, and the at-home routine. */
public record Recommendation(LocalDate asOf, List<TreatmentVerdict> treatments, HomeCare homeCare) {
}

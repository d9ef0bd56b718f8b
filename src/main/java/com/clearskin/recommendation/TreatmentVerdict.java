package com.clearskin.recommendation;

import com.clearskin.catalog.InvasivenessLevel;
import java.time.LocalDate;
import java.util.List;

/**
 * One treatment's verdict with every reason; a course only when it may be planned; the date an
 * exclusion may be reconsidered when every reason for it is time-bound; the treatment's
 * invasiveness level (null where its catalog entry gives none).
 */
public record TreatmentVerdict(String code, String name, Verdict verdict, int score, List<Reason> reasons,
        CoursePlan course, LocalDate reconsiderOn, boolean withinBudget, InvasivenessLevel invasiveness) {
}

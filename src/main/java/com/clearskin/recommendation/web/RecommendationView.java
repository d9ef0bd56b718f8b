package com.clearskin.recommendation.web;

import com.clearskin.recommendation.CoursePlan;
import com.clearskin.recommendation.HomeCare;
import com.clearskin.recommendation.Reason;
import com.clearskin.recommendation.Recommendation;
import com.clearskin.recommendation.TreatmentPlan;
import com.clearskin.recommendation.TreatmentVerdict;
import com.clearskin.catalog.InvasivenessLevel;
import com.clearskin.recommendation.Verdict;
import java.time.LocalDate;
import java.util.List;

/** The JSON answer of {@code POST /api/v1/recommendations}: exactly the fields of the published contract. */
record RecommendationView(LocalDate asOf, List<TreatmentView> treatments, HomeCare homeCare, TreatmentPlan plan) {

    /** One treatment's verdict; {@code course} is null unless it may be planned, {@code reconsiderOn} unless excluded for a time. */
    record TreatmentView(String code, String name, Verdict verdict, int score, List<Reason> reasons, CoursePlan course,
            LocalDate reconsiderOn, InvasivenessLevel invasiveness) {

        static TreatmentView of(TreatmentVerdict v) {
            return new TreatmentView(v.code(), v.name(), v.verdict(), v.score(), v.reasons(), v.course(),
                    v.reconsiderOn(), v.invasiveness());
        }
    }

    static RecommendationView of(Recommendation r) {
        return new RecommendationView(r.asOf(), r.treatments().stream().map(TreatmentView::of).toList(), r.homeCare(),
                r.plan());
    }
}

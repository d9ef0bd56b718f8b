package com.clearskin.recommendation.web;

import com.clearskin.assessment.AssessmentParser;
import com.clearskin.recommendation.Recommendations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The public recommendation: an assessment in, every treatment's verdict and the home routine out. Stores nothing. */
@RestController
@Tag(name = "Recommendations", description = "Which treatments fit a skin assessment, which are unsafe now, and why")
class RecommendationApi {

    static final String EXAMPLE = """
            {"age": 34, "skinType": "oily", "fitzpatrick": 3, "concerns": ["blackheads", "enlarged-pores"],
             "bodyAreas": ["face"], "causes": ["excess-sebum"],
             "medical": {"pregnantOrBreastfeeding": false, "activeInfectionInArea": false, "sunburnOrRecentTan": false,
               "isotretinoinLastTaken": "never", "topicalRetinoidLastUsed": "2026-01-10"},
             "budgetUsd": 600}""";

    private final Recommendations recommendations;
    private final Clock clock;

    RecommendationApi(Recommendations recommendations, Clock clock) {
        this.recommendations = recommendations;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recommend treatments for a skin assessment (public, stores nothing)",
            description = "Every treatment of the default catalog, ranked best first, with a verdict (recommended, "
                    + "possible, caution, needs-information, excluded), its reasons (rule, text, source), a course "
                    + "when it may be planned, the date an exclusion may be reconsidered and its invasiveness level; plus an "
                    + "at-home routine (with pause: why and until when it is gentle only) and the plan (the first step "
                    + "as a course dated from today, when to re-measure, the next level if it does not help enough). "
                    + "A medical answer that is missing or null is unknown, never no. Each invalid field is named in a "
                    + "400 problem; a body over the size limit is 413; too many requests from one address is 429 with "
                    + "Retry-After.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = EXAMPLE))))
    RecommendationView recommend(@RequestBody JsonNode assessment) {
        LocalDate today = LocalDate.now(clock);
        com.clearskin.assessment.Assessment a = AssessmentParser.parse(assessment, today);
        com.clearskin.recommendation.Recommendation r = recommendations.forPublic(a);
        return RecommendationView.of(r.withPlan(recommendations.publicPlan(r, a, today)));
    }
}

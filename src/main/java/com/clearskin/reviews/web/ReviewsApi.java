package com.clearskin.reviews.web;

import com.clearskin.platform.JsonFields;
import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RateLimiter;
import com.clearskin.reviews.Review;
import com.clearskin.reviews.ReviewRules;
import com.clearskin.reviews.ReviewSummary;
import com.clearskin.reviews.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reviews from real visits: the client of a completed visit writes one, the clinic replies once,
 * anyone reads them. There is no address that deletes, hides or reorders a review.
 */
@RestController
@Tag(name = "Reviews", description = "Reviews from completed visits, the clinic's one reply, reports of abuse")
class ReviewsApi {

    /** How many reviews, replies and reports one account may send: a burst of 5, then one a minute. */
    static final RateLimiter.Limits LIMITS = new RateLimiter.Limits(5, 1, 10_000);
    static final int MAX_PAGE = 50;

    record ReviewsView(String clinic, Double average, int count, Map<String, Integer> distribution, List<Review> reviews,
            int page, int size) {
    }

    record Reported(UUID id) {
    }

    /** The body of a review. */
    record ReviewBody(Integer rating, String text) {
    }

    /** The body of a reply: its text. */
    record ReplyBody(String text) {
    }

    /** The body of a report: why the review is abusive. */
    record ReportBody(String reason) {
    }

    private final Clinics clinics;
    private final ClinicAccess access;
    private final Reviews reviews;
    private final RateLimiter limiter = new RateLimiter(LIMITS);
    private final JsonMapper json;

    ReviewsApi(Clinics clinics, ClinicAccess access, Reviews reviews, JsonMapper json) {
        this.json = json;
        this.clinics = clinics;
        this.access = access;
        this.reviews = reviews;
    }

    @PostMapping("/api/v1/clinics/{slug}/me/appointments/{id}/review")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Review your completed visit (clients only; once; within 90 days)", description = "Body: "
            + "{\"rating\": 1-5, \"text\": up to 2000 characters, kept as typed}. 201 with the review; 409 review-exists "
            + "for a second one; 403 for a visit not completed or not yours, and for staff; 422 review-window-closed "
            + "after 90 days; 429 past 5 reviews, replies or reports at once (then one a minute).")
    ResponseEntity<Review> write(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) String body) {
        Membership m = access.require(slug, Capability.WRITE_REVIEW);
        UUID user = access.currentUser().orElseThrow().id();
        UUID visit = Ids.parse(id).orElseThrow(() -> new ForbiddenException("Only the client of a visit may review it."));
        ReviewBody in = JsonFields.record(json, body, ReviewBody.class);
        Integer rating = ReviewRules.rating(in.rating());
        String text = ReviewRules.text("text", in.text());
        limiter.acquire(user.toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(reviews.write(m.clinic(), user, visit, rating, text));
    }

    @GetMapping("/api/v1/clinics/{slug}/reviews")
    @Operation(summary = "The clinic's reviews, newest first, with their numbers (public)", description = "average is "
            + "null under 3 reviews; distribution counts the reviews per number of stars. page (0 first) and size "
            + "(1-50, 20).")
    ReviewsView list(@PathVariable String slug, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        Clinic clinic = clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        int p = number("page", page, 0, 0, 10_000);
        int s = number("size", size, 20, 1, MAX_PAGE);
        ReviewSummary summary = reviews.summary(clinic);
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (int stars = 1; stars <= 5; stars++) {
            distribution.put(Integer.toString(stars), summary.distribution().get(stars - 1));
        }
        return new ReviewsView(clinic.slug(), summary.average(), summary.count(), distribution,
                reviews.list(clinic, s, p * s), p, s);
    }

    @PostMapping("/api/v1/clinics/{slug}/reviews/{id}/reply")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Reply publicly to a review, once (owners and admins)", description = "Body {\"text\"}: 1 to "
            + "2000 characters. 201 with the review and its reply; 409 review-replied for a second reply.")
    ResponseEntity<Review> reply(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) String body) {
        Membership m = access.require(slug, Capability.REPLY_TO_REVIEWS);
        UUID user = access.currentUser().orElseThrow().id();
        UUID review = Ids.orNotFound(id, "No such review.");
        String text = ReviewRules.reply(JsonFields.record(json, body, ReplyBody.class).text());
        limiter.acquire(user.toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(reviews.reply(m.clinic(), review, user, text));
    }

    @PostMapping("/api/v1/clinics/{slug}/reviews/{id}/reports")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Report a review as abusive, for the platform reviewer (any member)", description = "Body "
            + "{\"reason\"}: 1 to 2000 characters. 201 {\"id\"}. Only the platform reviewer may hide a review, with a "
            + "recorded reason; the clinic never can.")
    ResponseEntity<Reported> report(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) String body) {
        Membership m = access.member(slug);
        UUID user = access.currentUser().orElseThrow().id();
        UUID review = Ids.orNotFound(id, "No such review.");
        String reason = JsonFields.record(json, body, ReportBody.class).reason();
        limiter.acquire(user.toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Reported(reviews.report(m.clinic(), review, user, reason)));
    }

    static int number(String field, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new InvalidInputException(field, "is " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "is a whole number");
        }
    }
}

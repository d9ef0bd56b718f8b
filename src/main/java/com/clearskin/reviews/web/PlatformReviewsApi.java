package com.clearskin.reviews.web;

import com.clearskin.accounts.PlatformAccess;
import com.clearskin.accounts.PlatformRole;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.Ids;
import com.clearskin.reviews.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports of abusive reviews, for the Clearskin platform reviewer only (clinic staff get 403): the
 * queue across clinics, and hiding a reported review with a recorded reason. A clinic can never
 * hide, delete or reorder a review (US FTC 2024 rule on review suppression).
 */
@RestController
@Tag(name = "Platform: review reports", description = "The platform reviewer's answer to reports of abusive reviews")
@SecurityRequirement(name = "bearer")
class PlatformReviewsApi {

    record ReportView(UUID id, String clinic, String clinicName, UUID reviewId, int rating, String text, String reason,
            Instant reportedAt, boolean hidden, String hiddenReason) {
    }

    record Reports(List<ReportView> reports) {
    }

    record HideBody(String reason) {
    }

    private final PlatformAccess platform;
    private final Reviews reviews;
    private final Clinics clinics;

    PlatformReviewsApi(PlatformAccess platform, Reviews reviews, Clinics clinics) {
        this.platform = platform;
        this.reviews = reviews;
        this.clinics = clinics;
    }

    @GetMapping("/api/v1/platform/review-reports")
    @Operation(summary = "Reports of abusive reviews across clinics, open ones first (platform reviewer only)")
    Reports reports() {
        platform.require(PlatformRole.LICENCE_REVIEWER);
        return new Reports(views(reviews, clinics));
    }

    static List<ReportView> views(Reviews reviews, Clinics clinics) {
        List<Reviews.ReportEntry> entries = reviews.reports();
        Map<UUID, Clinic> byId = clinics.byIds(entries.stream().map(Reviews.ReportEntry::clinicId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Clinic::id, Function.identity()));
        return entries.stream().map(e -> {
            Clinic c = byId.get(e.clinicId());
            return new ReportView(e.reportId(), c == null ? null : c.slug(), c == null ? null : c.name(), e.reviewId(), e.rating(),
                    e.text(), e.reason(), e.reportedAt(), e.hidden(), e.hiddenReason());
        }).toList();
    }

    @PostMapping("/api/v1/platform/reviews/{id}/hide")
    @Operation(summary = "Hide a reported review, with the reason kept (platform reviewer only)", description = "Body: "
            + "reason (1-2000 characters). 404 for a review nobody reported; 409 when it is hidden already.")
    ResponseEntity<Map<String, Object>> hide(@PathVariable String id, @RequestBody(required = false) HideBody body) {
        SignedInUser reviewer = platform.require(PlatformRole.LICENCE_REVIEWER);
        UUID reviewId = Ids.orNotFound(id, "No reported review " + id + ".");
        reviews.hide(reviewId, body == null ? null : body.reason(), reviewer.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reviewId", reviewId, "hidden", true));
    }
}

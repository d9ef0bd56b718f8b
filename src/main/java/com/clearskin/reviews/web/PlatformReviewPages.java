package com.clearskin.reviews.web;

import com.clearskin.accounts.PlatformAccess;
import com.clearskin.accounts.PlatformRole;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.reviews.Reviews;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform reviewer's page of reported reviews, with the form to hide one for a recorded reason. */
@Controller
class PlatformReviewPages {

    private final PlatformAccess platform;
    private final Reviews reviews;
    private final Clinics clinics;

    PlatformReviewPages(PlatformAccess platform, Reviews reviews, Clinics clinics) {
        this.platform = platform;
        this.reviews = reviews;
        this.clinics = clinics;
    }

    @GetMapping("/app/platform/reviews")
    String reports(Model model) {
        platform.require(PlatformRole.LICENCE_REVIEWER);
        return page(model, null);
    }

    @PostMapping("/app/platform/reviews/{id}/hide")
    String hide(@PathVariable String id, @RequestParam(required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser reviewer = platform.require(PlatformRole.LICENCE_REVIEWER);
        UUID reviewId = Ids.orNotFound(id, "No reported review " + id + ".");
        try {
            reviews.hide(reviewId, reason, reviewer.id());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return page(model, "Reason: " + e.violations().get(0).reason() + ".");
        } catch (ConflictException e) {
            response.setStatus(409);
            return page(model, e.getMessage());
        }
        redirect.addFlashAttribute("saved", "The review is hidden; the reason is kept.");
        return "redirect:/app/platform/reviews";
    }

    private String page(Model model, String problem) {
        model.addAttribute("reports", PlatformReviewsApi.views(reviews, clinics));
        model.addAttribute("problem", problem);
        return "reviews/platform-reports";
    }
}

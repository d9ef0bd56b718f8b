package com.clearskin.reviews.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Permissions;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RateLimiter;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.platform.TooManyRequestsException;
import com.clearskin.reviews.ReviewRules;
import com.clearskin.reviews.Reviews;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client's "Review this visit" form (from the portal's past visits) and the staff page of the
 * clinic's reviews, where owners and admins reply once and anyone at the clinic may report abuse.
 */
@Controller
class ReviewPages {

    private final ClinicAccess access;
    private final Clients clients;
    private final Appointments appointments;
    private final ClinicCatalog catalog;
    private final Reviews reviews;
    private final RateLimiter limiter = new RateLimiter(ReviewsApi.LIMITS);

    ReviewPages(ClinicAccess access, Clients clients, Appointments appointments, ClinicCatalog catalog, Reviews reviews) {
        this.access = access;
        this.clients = clients;
        this.appointments = appointments;
        this.catalog = catalog;
        this.reviews = reviews;
    }

    @GetMapping("/app/clinics/{slug}/portal/visits/{id}/review")
    String form(@PathVariable String slug, @PathVariable String id, Model model, HttpServletResponse response) {
        Membership m = access.require(slug, Capability.WRITE_REVIEW);
        Appointment visit = ownVisit(m, id);
        return page(model, m.clinic(), visit, "", "", Map.of(), refusal(m.clinic(), visit), response);
    }

    @PostMapping("/app/clinics/{slug}/portal/visits/{id}/review")
    String write(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String rating,
            @RequestParam(required = false) String text, Model model, HttpServletResponse response) {
        Membership m = access.require(slug, Capability.WRITE_REVIEW);
        Appointment visit = ownVisit(m, id);
        UUID user = access.currentUser().orElseThrow().id();
        Map<String, String> errors = new TreeMap<>();
        Integer stars = null;
        try {
            stars = rating == null || rating.isBlank() ? null : Integer.valueOf(rating.strip());
        } catch (NumberFormatException e) {
            errors.put("rating", "Choose from 1 to 5 stars.");
        }
        if (errors.isEmpty()) {
            try {
                limiter.acquire(user.toString());
                reviews.write(m.clinic(), user, visit.id(), stars, text);
                model.addAttribute("clinic", m.clinic());
                model.addAttribute("treatmentName", treatmentName(m.clinic(), visit));
                return "reviews/thanks";
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> errors.putIfAbsent(v.field(), v.field().equals("rating")
                        ? "Choose from 1 to 5 stars." : "Your review is too long: at most " + ReviewRules.MAX_TEXT
                        + " characters."));
            } catch (ForbiddenException | ConflictException | RuleRefusedException e) {
                response.setStatus(e instanceof ForbiddenException ? 403 : e instanceof ConflictException ? 409 : 422);
                return page(model, m.clinic(), visit, rating, text, Map.of(), refusal(m.clinic(), visit), response);
            } catch (TooManyRequestsException e) {
                response.setStatus(429);
                return page(model, m.clinic(), visit, rating, text, Map.of(), "You have sent several reviews in a short "
                        + "time. Please wait " + e.retryAfterSeconds() + " seconds and send it again.", response);
            }
        }
        response.setStatus(400);
        return page(model, m.clinic(), visit, rating, text, errors, null, response);
    }

    @GetMapping("/app/clinics/{slug}/reviews")
    String staff(@PathVariable String slug, @RequestParam(required = false) String saved, Model model) {
        Membership m = access.member(slug);
        if (!m.isStaff()) {
            throw new ForbiddenException("The clinic's review page is for its staff; your reviews are on your visits.");
        }
        return staffPage(model, m, saved == null ? null : "Your reply is published.", null);
    }

    @PostMapping("/app/clinics/{slug}/reviews/{id}/reply")
    String reply(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String text,
            Model model, HttpServletResponse response) {
        Membership m = access.require(slug, Capability.REPLY_TO_REVIEWS);
        UUID review = Ids.orNotFound(id, "No such review.");
        try {
            limiter.acquire(access.currentUser().orElseThrow().id().toString());
            reviews.reply(m.clinic(), review, access.currentUser().orElseThrow().id(), text);
            return "redirect:/app/clinics/" + m.clinic().slug() + "/reviews?saved";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return staffPage(model, m, null, "A reply says something, in at most " + ReviewRules.MAX_TEXT + " characters.");
        } catch (ConflictException e) {
            response.setStatus(409);
            return staffPage(model, m, null, e.getMessage());
        } catch (TooManyRequestsException e) {
            response.setStatus(429);
            return staffPage(model, m, null, "Please wait " + e.retryAfterSeconds() + " seconds and send it again.");
        }
    }

    @PostMapping("/app/clinics/{slug}/reviews/{id}/report")
    String report(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String reason,
            Model model, HttpServletResponse response) {
        Membership m = access.member(slug);
        UUID review = Ids.orNotFound(id, "No such review.");
        try {
            limiter.acquire(access.currentUser().orElseThrow().id().toString());
            reviews.report(m.clinic(), review, access.currentUser().orElseThrow().id(), reason);
            return staffPage(model, m, "Thank you: the report goes to Clearskin's reviewer, who decides whether the "
                    + "review breaks the rules.", null);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return staffPage(model, m, null, "Say what is wrong with the review (at most " + ReviewRules.MAX_TEXT
                    + " characters).");
        } catch (TooManyRequestsException e) {
            response.setStatus(429);
            return staffPage(model, m, null, "Please wait " + e.retryAfterSeconds() + " seconds and send it again.");
        }
    }

    private String staffPage(Model model, Membership m, String saved, String problem) {
        Clinic clinic = m.clinic();
        model.addAttribute("clinic", clinic);
        model.addAttribute("summary", reviews.summary(clinic));
        model.addAttribute("reviews", reviews.list(clinic, 200, 0));
        model.addAttribute("mayReply", Permissions.decide(m.role(), Capability.REPLY_TO_REVIEWS,
                com.clearskin.accounts.ClientRelation.NONE).allowed());
        model.addAttribute("saved", saved);
        model.addAttribute("problem", problem);
        return "reviews/staff";
    }

    private String page(Model model, Clinic clinic, Appointment visit, String rating, String text,
            Map<String, String> errors, String refusal, HttpServletResponse response) {
        model.addAttribute("clinic", clinic);
        model.addAttribute("visit", visit);
        model.addAttribute("treatmentName", treatmentName(clinic, visit));
        model.addAttribute("when", visit.start().atZone(clinic.timeZone()));
        model.addAttribute("rating", rating == null ? "" : rating);
        model.addAttribute("text", text == null ? "" : text);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("maxText", ReviewRules.MAX_TEXT);
        return "reviews/write";
    }

    /** Why this visit cannot be reviewed now, in the client's words; null when it can. */
    private String refusal(Clinic clinic, Appointment visit) {
        if (visit.status() != AppointmentStatus.COMPLETED) {
            return "You can review this visit once it has taken place.";
        }
        if (reviews.reviewOf(clinic, visit.id()).isPresent()) {
            return "You have reviewed this visit already. Thank you!";
        }
        if (!reviews.reviewable(clinic, visit)) {
            return "Visits can be reviewed within " + ReviewRules.WINDOW.toDays() + " days; this one was longer ago.";
        }
        return null;
    }

    private Appointment ownVisit(Membership m, String id) {
        UUID user = access.currentUser().orElseThrow().id();
        Optional<Client> own = clients.ownedBy(m.clinic(), user);
        return Ids.parse(id).flatMap(u -> appointments.find(m.clinic(), u))
                .filter(a -> own.isPresent() && a.clientId().equals(own.get().id()))
                .orElseThrow(() -> new NotFoundException("No such visit of yours."));
    }

    private String treatmentName(Clinic clinic, Appointment visit) {
        return catalog.find(clinic, visit.treatment()).map(t -> t.treatment().name()).orElse(visit.treatment());
    }
}

package com.clearskin.publicbooking.web;

import com.clearskin.branding.ClinicProfiles;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.TooManyRequestsException;
import com.clearskin.publicbooking.SignUpRequest;
import com.clearskin.publicbooking.SignUps;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-up page of a clinic, its "check your email" answer, and the emailed link's page. */
@Controller
class SignUpPages {

    private final SignUps signUps;
    private final Clinics clinics;
    private final ClinicProfiles profiles;
    private final Outbox outbox;

    SignUpPages(SignUps signUps, Clinics clinics, ClinicProfiles profiles, Outbox outbox) {
        this.signUps = signUps;
        this.clinics = clinics;
        this.profiles = profiles;
        this.outbox = outbox;
    }

    @GetMapping("/clinics/{slug}/sign-up")
    String form(@PathVariable String slug, @RequestParam(required = false) String email, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", email == null ? "" : email);
        return page(model, clinic(slug), values, Map.of(), null);
    }

    @PostMapping("/clinics/{slug}/sign-up")
    String signUp(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Clinic clinic = clinic(slug);
        String website = form.get("website");
        try {
            if (website == null || website.isEmpty()) {
                signUps.signUp(clinic, new SignUpRequest(form.get("email"), form.get("password"), form.get("firstName"),
                        form.get("lastName")), request.getRemoteAddr(), Links.base(outbox, request));
            }
            response.setStatus(202);
            model.addAttribute("clinic", clinic);
            model.addAttribute("clinicName", profiles.of(clinic).displayName());
            model.addAttribute("message", SignUpApi.ANSWER);
            return "publicbooking/sign-up-sent";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
            Map<String, String> values = new LinkedHashMap<>(form);
            values.remove("password");
            return page(model, clinic, values, errors, null);
        } catch (TooManyRequestsException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            return page(model, clinic, new LinkedHashMap<>(), Map.of(), e.getMessage());
        }
    }

    @GetMapping("/sign-up/{token}")
    String link(@PathVariable String token, Model model) {
        SignUps.Pending pending = signUps.find(token);
        face(model, pending.clinic());
        model.addAttribute("state", pending.state());
        model.addAttribute("email", pending.email());
        model.addAttribute("token", token);
        model.addAttribute("opened", false);
        return "publicbooking/sign-up-link";
    }

    @PostMapping("/sign-up/{token}")
    String verify(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            SignUps.Verified v = signUps.verify(token);
            face(model, v.clinic());
            model.addAttribute("state", "verified");
            model.addAttribute("email", v.email());
            model.addAttribute("opened", v.accountOpened());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            SignUps.Pending pending = signUps.find(token);
            face(model, pending.clinic());
            model.addAttribute("state", "expired");
            model.addAttribute("email", pending.email());
            model.addAttribute("opened", false);
        }
        model.addAttribute("token", token);
        return "publicbooking/sign-up-link";
    }

    private void face(Model model, Clinic clinic) {
        model.addAttribute("clinic", clinic);
        model.addAttribute("face", profiles.of(clinic));
        model.addAttribute("faceSlug", clinic.slug());
        model.addAttribute("clinicName", profiles.of(clinic).displayName());
    }

    private String page(Model model, Clinic clinic, Map<String, String> values, Map<String, String> errors, String problem) {
        model.addAttribute("clinic", clinic);
        model.addAttribute("clinicName", profiles.of(clinic).displayName());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "publicbooking/sign-up";
    }

    private Clinic clinic(String slug) {
        return clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
    }
}

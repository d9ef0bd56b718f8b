package com.clearskin.branding.web;

import com.clearskin.branding.ClinicProfile;
import com.clearskin.branding.ClinicProfiles;
import com.clearskin.clinics.Clinics;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every client-facing page of a clinic its face (model attribute {@code face}, with
 * {@code faceSlug}): its public pages under /clinics/{slug}/ and the client's own pages (portal,
 * intake, appointments). The layout shows the clinic's name, logo and colours instead of Clearskin's.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ClinicFaceAdvice {

    private static final Pattern CLIENT_FACING = Pattern.compile(
            "^/(?:clinics/([^/]+)(?:/.*)?|app/clinics/([^/]+)/(?:portal|my-appointments)(?:/.*)?)$");

    private final Clinics clinics;
    private final ClinicProfiles profiles;

    ClinicFaceAdvice(Clinics clinics, ClinicProfiles profiles) {
        this.clinics = clinics;
        this.profiles = profiles;
    }

    @ModelAttribute
    void face(HttpServletRequest request, Model model) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = CLIENT_FACING.matcher(path);
        if (!m.matches()) {
            return;
        }
        String slug = m.group(1) != null ? m.group(1) : m.group(2);
        clinics.bySlug(slug).ifPresent(clinic -> {
            ClinicProfile face = profiles.of(clinic);
            model.addAttribute("face", face);
            model.addAttribute("faceSlug", clinic.slug());
        });
    }
}

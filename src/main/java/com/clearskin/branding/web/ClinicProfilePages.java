package com.clearskin.branding.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.branding.ClinicProfile;
import com.clearskin.branding.CancellationNotice;
import com.clearskin.branding.ClinicProfiles;
import com.clearskin.branding.ProfileInput;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's settings page of the clinic's own face. */
@Controller
class ClinicProfilePages {

    private final ClinicAccess access;
    private final ClinicProfiles profiles;
    private final ObjectProvider<CancellationNotice> notice;

    ClinicProfilePages(ClinicAccess access, ClinicProfiles profiles, ObjectProvider<CancellationNotice> notice) {
        this.access = access;
        this.profiles = profiles;
        this.notice = notice;
    }

    @GetMapping("/app/clinics/{slug}/profile")
    String page(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.EDIT_CLINIC_PROFILE);
        ClinicProfile p = profiles.of(m.clinic());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("displayName", p.displayName());
        values.put("description", p.description());
        values.put("address", p.address());
        values.put("phone", p.phone());
        values.put("openingHours", p.openingHours());
        values.put("brand", p.colors().brand());
        values.put("onBrand", p.colors().onBrand());
        values.put("cancellationPolicy", p.cancellationPolicy());
        return render(model, m.clinic(), p, values, Map.of(), null);
    }

    @PostMapping("/app/clinics/{slug}/profile")
    String save(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_CLINIC_PROFILE);
        ProfileInput input = new ProfileInput(form.get("displayName"), form.get("description"), form.get("address"),
                form.get("phone"), form.get("openingHours"),
                new ProfileInput.ColorsInput(form.get("brand"), form.get("onBrand")), form.get("cancellationPolicy"));
        try {
            profiles.update(m.clinic(), input, access.currentUser().orElseThrow().id(), null);
            redirect.addFlashAttribute("saved", "Saved. Your clients see it on the booking page and in their emails.");
            return "redirect:/app/clinics/" + slug + "/profile";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field().replace("colors.", ""), v.reason()));
            return render(model, m.clinic(), profiles.of(m.clinic()), form, errors, null);
        }
    }

    @PostMapping("/app/clinics/{slug}/profile/logo")
    String logo(@PathVariable String slug, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String alt, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        Membership m = access.require(slug, Capability.EDIT_CLINIC_PROFILE);
        try {
            profiles.setLogo(m.clinic(), file == null ? null : file.getBytes(), alt);
            redirect.addFlashAttribute("saved", "The logo is saved.");
            return "redirect:/app/clinics/" + slug + "/profile";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(model, m.clinic(), profiles.of(m.clinic()), Map.of(), Map.of(),
                    "Logo: " + e.violations().get(0).reason() + ".");
        }
    }

    @PostMapping("/app/clinics/{slug}/profile/photos")
    String photo(@PathVariable String slug, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String alt, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        Membership m = access.require(slug, Capability.EDIT_CLINIC_PROFILE);
        try {
            profiles.addPhoto(m.clinic(), file == null ? null : file.getBytes(), alt);
            redirect.addFlashAttribute("saved", "The photo is added.");
            return "redirect:/app/clinics/" + slug + "/profile";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(model, m.clinic(), profiles.of(m.clinic()), Map.of(), Map.of(),
                    "Photo: " + e.violations().get(0).reason() + ".");
        }
    }

    @PostMapping("/app/clinics/{slug}/profile/pictures/{id}/remove")
    String remove(@PathVariable String slug, @PathVariable String id, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_CLINIC_PROFILE);
        profiles.removePicture(m.clinic(), com.clearskin.platform.Ids.orNotFound(id, "No picture '" + id + "'."));
        redirect.addFlashAttribute("saved", "Removed.");
        return "redirect:/app/clinics/" + slug + "/profile";
    }

    private String render(Model model, Clinic clinic, ClinicProfile p, Map<String, String> values,
            Map<String, String> errors, String problem) {
        model.addAttribute("clinic", clinic);
        model.addAttribute("profile", p);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("defaultPolicy", new ClinicProfile(p.displayName(), null, null, null, null, p.colors(), null,
                null, java.util.List.of(), 0, null).cancellationPolicyOr(hours(clinic)));
        return "branding/profile";
    }

    private int hours(Clinic clinic) {
        CancellationNotice n = notice.getIfAvailable();
        return n == null ? 24 : n.clientCancelHours(clinic);
    }
}

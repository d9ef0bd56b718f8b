package com.clearskin.accounts.web;

import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Invitations;
import com.clearskin.accounts.Invitations.Lookup;
import com.clearskin.accounts.LinkState;
import com.clearskin.accounts.PasswordPolicy;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page an invitation's link opens: a new person chooses a name and password; someone with an
 * account signs in (through /invitations/{token}/sign-in, which needs a sign-in and comes back) and accepts.
 */
@Controller
class InvitationPages {

    private final Invitations invitations;
    private final ClinicAccess access;

    InvitationPages(Invitations invitations, ClinicAccess access) {
        this.invitations = invitations;
        this.access = access;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Lookup lookup = invitations.lookup(token);
        if (lookup.state() != LinkState.VALID) {
            return PasswordResetPages.deadLink(lookup.state(), model, response);
        }
        return page(token, lookup, "", List.of(), model);
    }

    @PostMapping("/invitations/{token}/register")
    String register(@PathVariable String token, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Lookup lookup = invitations.lookup(token);
        if (lookup.state() != LinkState.VALID) {
            return PasswordResetPages.deadLink(lookup.state(), model, response);
        }
        try {
            if (!password.equals(confirmation)) {
                throw new InvalidInputException("confirmation", "must be the same as the password");
            }
            Clinic clinic = invitations.acceptWithNewAccount(token, displayName, password);
            redirect.addAttribute("joined", clinic.name());
            return "redirect:/login";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(token, lookup, displayName, e.violations(), model);
        }
    }

    @GetMapping("/invitations/{token}/sign-in")
    String signInFirst(@PathVariable String token) {
        return "redirect:/invitations/" + token;
    }

    @PostMapping("/invitations/{token}/accept")
    String accept(@PathVariable String token, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Lookup lookup = invitations.lookup(token);
        if (lookup.state() != LinkState.VALID) {
            return PasswordResetPages.deadLink(lookup.state(), model, response);
        }
        Clinic clinic = invitations.acceptAs(token, access.currentUser().orElseThrow());
        redirect.addFlashAttribute("joined", "You joined " + clinic.name() + " as "
                + lookup.role().label().toLowerCase(java.util.Locale.ROOT) + ".");
        return "redirect:/app";
    }

    private String page(String token, Lookup lookup, String displayName, List<InvalidInputException.Violation> violations,
            Model model) {
        SignedInUser user = access.currentUser().orElse(null);
        model.addAttribute("token", token);
        model.addAttribute("invitation", lookup);
        model.addAttribute("signedIn", user);
        model.addAttribute("sameEmail", user != null && user.email().equalsIgnoreCase(lookup.email()));
        model.addAttribute("displayName", displayName);
        model.addAttribute("violations", violations);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "accounts/invitation";
    }
}

package com.clearskin.accounts.web;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.PlatformAccess;
import com.clearskin.accounts.SignInThrottledException;
import com.clearskin.accounts.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Signing in, and the signed-in start page listing the person's clinics. */
@Controller
class SignInPages {

    private final ClinicAccess access;
    private final Accounts accounts;
    private final PlatformAccess platform;

    SignInPages(ClinicAccess access, Accounts accounts, PlatformAccess platform) {
        this.access = access;
        this.accounts = accounts;
        this.platform = platform;
    }

    @GetMapping("/login")
    String login() {
        return access.currentUser().isPresent() ? "redirect:/app" : "accounts/login";
    }

    /** The sign-in form after too many failed attempts: 429, with the wait, and nothing checked. */
    @RequestMapping("/login/throttled")
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object seconds = request.getAttribute("clearskin.signInThrottledFor");
        if (!(seconds instanceof Long wait)) {
            return "redirect:/login";
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(wait));
        model.addAttribute("throttled", SignInThrottledException.message(wait));
        model.addAttribute("email", request.getParameter("email"));
        return "accounts/login";
    }

    @GetMapping("/app")
    String app(Model model) {
        SignedInUser user = access.currentUser().orElseThrow();
        model.addAttribute("user", user);
        model.addAttribute("memberships", accounts.memberships(user.id()));
        model.addAttribute("platformRole", platform.role(user.id()).orElse(null));
        return "accounts/app";
    }
}

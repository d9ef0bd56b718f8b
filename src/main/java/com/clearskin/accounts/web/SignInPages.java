package com.clearskin.accounts.web;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Signing in, and the signed-in start page listing the person's clinics. */
@Controller
class SignInPages {

    private final ClinicAccess access;
    private final Accounts accounts;

    SignInPages(ClinicAccess access, Accounts accounts) {
        this.access = access;
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return access.currentUser().isPresent() ? "redirect:/app" : "accounts/login";
    }

    @GetMapping("/app")
    String app(Model model) {
        SignedInUser user = access.currentUser().orElseThrow();
        model.addAttribute("user", user);
        model.addAttribute("memberships", accounts.memberships(user.id()));
        return "accounts/app";
    }
}

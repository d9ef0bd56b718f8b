package com.clearskin.accounts.web;

import com.clearskin.accounts.ApiTokens;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in person's own page: who they are, and sign-out everywhere. */
@Controller
class AccountPages {

    private final ClinicAccess access;
    private final ApiTokens tokens;

    AccountPages(ClinicAccess access, ApiTokens tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @GetMapping("/app/account")
    String account(Model model) {
        model.addAttribute("user", access.currentUser().orElseThrow());
        return "accounts/account";
    }

    @PostMapping("/app/account/sign-out-everywhere")
    String signOutEverywhere(HttpServletRequest request, HttpServletResponse response) {
        SignedInUser user = access.currentUser().orElseThrow();
        tokens.revokeAll(user.id());
        response.addHeader("Set-Cookie", ResponseCookie.from("clearskin_session", "").httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax")
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath()).maxAge(0).build().toString());
        return "redirect:/login?signedOutEverywhere";
    }
}

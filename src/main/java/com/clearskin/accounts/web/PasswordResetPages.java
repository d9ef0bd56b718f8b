package com.clearskin.accounts.web;

import com.clearskin.accounts.LinkState;
import com.clearskin.accounts.PasswordPolicy;
import com.clearskin.accounts.PasswordResets;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.TooManyRequestsException;
import com.clearskin.platform.InvalidInputException.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Forgot your password: ask for a link by email, then choose a new password through it. */
@Controller
class PasswordResetPages {

    private final PasswordResets resets;
    private final Outbox outbox;

    PasswordResetPages(PasswordResets resets, Outbox outbox) {
        this.resets = resets;
        this.outbox = outbox;
    }

    @GetMapping("/password-reset")
    String form(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("violations", List.of());
        return "accounts/password-reset";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("email", email);
        try {
            resets.request(email, PublicLinks.base(outbox, request), request.getRemoteAddr());
            model.addAttribute("sent", PasswordResetApi.SAME_ANSWER);
            model.addAttribute("devMode", outbox.writesLinksToConsole());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("violations", e.violations());
            return "accounts/password-reset";
        } catch (TooManyRequestsException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            model.addAttribute("violations", List.of(new Violation("email", e.getMessage())));
            return "accounts/password-reset";
        }
        model.addAttribute("violations", List.of());
        return "accounts/password-reset";
    }

    @GetMapping("/password-reset/{token}")
    String newPassword(@PathVariable String token, Model model, HttpServletResponse response) {
        LinkState state = resets.state(token);
        if (state != LinkState.VALID) {
            return deadLink(state, model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("violations", List.of());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "accounts/password-reset-new";
    }

    @PostMapping("/password-reset/{token}")
    String setPassword(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
        LinkState state = resets.state(token);
        if (state != LinkState.VALID) {
            return deadLink(state, model, response);
        }
        try {
            if (!password.equals(confirmation)) {
                throw new InvalidInputException("confirmation", "must be the same as the new password");
            }
            resets.confirm(token, password);
        } catch (InvalidInputException e) {
            if (e.violations().stream().anyMatch(v -> v.field().equals("token"))) {
                return deadLink(resets.state(token), model, response);
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("token", token);
            model.addAttribute("violations", e.violations());
            model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
            return "accounts/password-reset-new";
        }
        return "redirect:/login?reset";
    }

    static String deadLink(LinkState state, Model model, HttpServletResponse response) {
        response.setStatus(state == LinkState.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
        model.addAttribute("state", state);
        model.addAttribute("violations", List.<Violation>of());
        return "accounts/link-dead";
    }
}

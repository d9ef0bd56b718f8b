package com.clearskin.accounts.web;

import com.clearskin.accounts.PasswordResets;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/password-reset")
@Tag(name = "Authentication", description = "Bearer tokens for API clients")
class PasswordResetApi {

    static final String SAME_ANSWER = "If an account exists for this email, a link to choose a new password is on its "
            + "way. Mail can take a few minutes to arrive: check your spam folder too. The link works once, for "
            + PasswordResets.LIFETIME.toMinutes() + " minutes.";

    record ResetRequest(String email) {
    }

    record Confirmation(String token, String password) {
    }

    private final PasswordResets resets;
    private final Outbox outbox;

    PasswordResetApi(PasswordResets resets, Outbox outbox) {
        this.resets = resets;
        this.outbox = outbox;
    }

    @PostMapping
    @Operation(summary = "Mail a password-reset link",
            description = "Always 202 with the same answer, whether the email has an account or not; 429 with Retry-After "
                    + "after 10 requests an hour from one address.")
    ResponseEntity<Map<String, String>> request(@RequestBody ResetRequest body, HttpServletRequest request) {
        if (body.email() == null || body.email().isBlank()) {
            throw new InvalidInputException("email", "is required");
        }
        resets.request(body.email(), PublicLinks.base(outbox, request), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("detail", SAME_ANSWER));
    }

    @PostMapping("/confirm")
    @Operation(summary = "Set a new password with the link's token",
            description = "Signs the person out everywhere. A used, expired or unknown token gets 400 naming 'token'.")
    ResponseEntity<Void> confirm(@RequestBody Confirmation body) {
        List<Violation> missing = new ArrayList<>();
        if (body.token() == null || body.token().isBlank()) {
            missing.add(new Violation("token", "is required"));
        }
        if (body.password() == null || body.password().isEmpty()) {
            missing.add(new Violation("password", "is required"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        resets.confirm(body.token().strip(), body.password());
        return ResponseEntity.noContent().build();
    }
}

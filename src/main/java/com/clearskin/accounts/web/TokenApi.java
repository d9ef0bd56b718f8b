package com.clearskin.accounts.web;

import com.clearskin.accounts.ApiTokens;
import com.clearskin.accounts.ApiTokens.IssuedToken;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/tokens")
@Tag(name = "Authentication", description = "Bearer tokens for API clients")
class TokenApi {

    record TokenRequest(String email, String password) {
    }

    private final ApiTokens tokens;
    private final ClinicAccess access;

    TokenApi(ApiTokens tokens, ClinicAccess access) {
        this.tokens = tokens;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Exchange an email and password for a bearer token",
            description = "Send the token as 'Authorization: Bearer <token>'. It expires at expiresAt and can be revoked.")
    ResponseEntity<IssuedToken> create(@RequestBody TokenRequest request, HttpServletRequest http) {
        List<Violation> violations = new ArrayList<>();
        if (request.email() == null || request.email().isBlank()) {
            violations.add(new Violation("email", "is required"));
        }
        if (request.password() == null || request.password().isEmpty()) {
            violations.add(new Violation("password", "is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.signIn(request.email(), request.password(),
                http.getRemoteAddr()));
    }

    @DeleteMapping
    @Operation(summary = "Sign out everywhere: revoke every token and browser sign-in of the caller")
    ResponseEntity<Void> revokeAll() {
        SignedInUser user = access.currentUser().orElseThrow();
        tokens.revokeAll(user.id());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/current")
    @Operation(summary = "Revoke the bearer token this request was sent with")
    ResponseEntity<Void> revokeCurrent(HttpServletRequest request) {
        tokens.revokeBearer(request);
        return ResponseEntity.noContent().build();
    }
}

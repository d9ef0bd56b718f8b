package com.clearskin.accounts;

import com.clearskin.platform.UnauthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/** Bearer tokens for API clients: sign in with email and password, revoke when done. */
@Service
public class ApiTokens {

    /** A new token; the only time its secret is shown. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** A wrong email or password; deliberately says no more than that. */
    public static class BadCredentials extends UnauthenticatedException {
        BadCredentials() {
            super("The email or password is wrong.");
        }
    }

    static final Duration API_TOKEN_LIFETIME = Duration.ofDays(30);

    private final AuthenticationManager authentication;
    private final AccessTokens tokens;

    ApiTokens(AuthenticationManager authentication, AccessTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    public IssuedToken signIn(String email, String password) {
        SignedInUser user;
        try {
            user = (SignedInUser) authentication
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email.strip(), password))
                    .getPrincipal();
        } catch (AuthenticationException e) {
            throw new BadCredentials();
        }
        AccessTokens.Issued issued = tokens.issue(user.id(), AccessTokens.Kind.API, API_TOKEN_LIFETIME, "api");
        return new IssuedToken(issued.token(), issued.expiresAt());
    }

    public void revokeBearer(HttpServletRequest request) {
        tokens.revoke(TokenAuthenticationFilter.bearer(request));
    }
}

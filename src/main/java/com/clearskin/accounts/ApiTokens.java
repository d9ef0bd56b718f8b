package com.clearskin.accounts;

import com.clearskin.platform.TooManyRequestsException;
import com.clearskin.platform.UnauthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
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

    /** Signs in from {@code clientAddress}, within the sign-in limits (429 with the wait when over them). */
    public IssuedToken signIn(String email, String password, String clientAddress) {
        SignedInUser user;
        try {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(email.strip(), password);
            attempt.setDetails(new WebAuthenticationDetails(clientAddress, null));
            user = (SignedInUser) authentication.authenticate(attempt).getPrincipal();
        } catch (SignInThrottledException e) {
            throw new TooManyRequestsException(e.retryAfterSeconds(), e.getMessage());
        } catch (AuthenticationException e) {
            throw new BadCredentials();
        }
        AccessTokens.Issued issued = tokens.issue(user.id(), AccessTokens.Kind.API, API_TOKEN_LIFETIME, "api");
        return new IssuedToken(issued.token(), issued.expiresAt());
    }

    public void revokeBearer(HttpServletRequest request) {
        tokens.revoke(TokenAuthenticationFilter.bearer(request));
    }

    /** Sign-out everywhere: revokes every browser sign-in and API token of the person; returns how many. */
    public int revokeAll(UUID userId) {
        return tokens.revokeAll(userId);
    }
}

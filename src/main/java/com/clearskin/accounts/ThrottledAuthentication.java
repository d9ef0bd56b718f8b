package com.clearskin.accounts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind the {@link SignInThrottle}: the throttle is asked, and the attempt counted,
 * before the password is checked (so a paused account does not even reveal whether a password is right), and told the
 * outcome after. Both the sign-in form and POST /api/v1/auth/tokens come through here.
 */
class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final Counter failures;
    private final Counter throttled;

    ThrottledAuthentication(AuthenticationProvider passwords, SignInThrottle throttle, MeterRegistry metrics) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.failures = Counter.builder("clearskin.sign_in.failures").description("Wrong passwords or unknown emails")
                .register(metrics);
        this.throttled = Counter.builder("clearskin.sign_in.throttled")
                .description("Sign-ins refused while a limit asked to wait").register(metrics);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = SignInThrottle.email(attempt.getName());
        String source = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        try {
            throttle.reserve(email, source);
        } catch (SignInThrottledException e) {
            throttled.increment();
            throw e;
        }
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (InternalAuthenticationServiceException e) {
            throttle.release(email, source); // the password was never judged; a wrong one stays counted
            throw e;
        } catch (AuthenticationException e) {
            failures.increment(); // counted by the reservation too
            throw e;
        }
        if (result != null && result.getPrincipal() instanceof SignedInUser user) {
            throttle.recordSuccess(user.id(), email, source);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

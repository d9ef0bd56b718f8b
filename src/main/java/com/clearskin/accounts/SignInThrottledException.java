package com.clearskin.accounts;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: this attempt was not checked; try again after {@code retryAfterSeconds}. */
public class SignInThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    SignInThrottledException(long retryAfterSeconds) {
        super(message(retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static String message(long seconds) {
        String wait = seconds < 60 ? seconds + (seconds == 1 ? " second" : " seconds")
                : ((seconds + 59) / 60) + (seconds <= 60 ? " minute" : " minutes");
        return "Too many failed sign-ins. For your safety, signing in is paused for " + wait
                + ". If you forgot your password, a password reset works at any time.";
    }
}

package com.clearskin.platform;

/** A client sent more requests than its rate allows; it may try again after {@code retryAfterSeconds}. */
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;
    private final String detail;

    public TooManyRequestsException(long retryAfterSeconds) {
        super("Too many requests; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
        this.detail = null;
    }

    /** With a message that says what happened and what to do, shown instead of the general one. */
    public TooManyRequestsException(long retryAfterSeconds, String detail) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
        this.detail = detail;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The message to show, or null for the general one. */
    public String detail() {
        return detail;
    }
}

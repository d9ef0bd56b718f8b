package com.clearskin.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The rules of the webhook channel, one small method each (tests: {@code WebhookRulesTest}). */
public final class WebhookRules {

    /** The events a clinic may subscribe to (issue 15). */
    public static final List<String> EVENTS = List.of("appointment.booked", "appointment.cancelled", "checkin.escalated",
            "session.signed");
    /** After this many failed attempts a delivery is given up (failed), about a day and a half of retries. */
    public static final int MAX_ATTEMPTS = 10;

    private WebhookRules() {
    }

    /**
     * Why an address cannot receive webhooks, empty when it can: http(s) only, a host, no user info;
     * plain http and local or private addresses only where the installation allows them (tests, a
     * private network).
     */
    public static Optional<String> urlProblem(String url, boolean allowLocal) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return Optional.of("is required: an https address of at most 2000 characters");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("is not an address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowLocal && scheme.equals("http"))) {
            return Optional.of("must start with https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank() || uri.getUserInfo() != null) {
            return Optional.of("needs a host name and no user name or password");
        }
        if (!allowLocal && isLocal(uri.getHost())) {
            return Optional.of("must not point at this machine or a private network");
        }
        return Optional.empty();
    }

    /** Whether a host name is this machine or a private, link-local or loopback address. */
    static boolean isLocal(String host) {
        String h = host.toLowerCase();
        return h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".internal") || h.startsWith("127.")
                || h.startsWith("10.") || h.startsWith("192.168.") || h.startsWith("169.254.") || h.equals("0.0.0.0")
                || h.matches("172\\.(1[6-9]|2\\d|3[01])\\..*") || h.startsWith("[") || h.equals("::1");
    }

    /** How long to wait after the {@code attempt}-th failure: 30 s doubling, at most 6 hours (Standard Webhooks: exponential back-off). */
    public static Duration backoff(int attempt) {
        long seconds = 30L << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofSeconds(Math.min(seconds, 6 * 3600));
    }

    /** Whether a response status counts as delivered (any 2xx). */
    public static boolean delivered(int status) {
        return status >= 200 && status < 300;
    }

    /** Whether a delivery is given up after its {@code attempts}-th failure. */
    public static boolean givenUp(int attempts) {
        return attempts >= MAX_ATTEMPTS;
    }
}

package com.clearskin.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every request's id: the one a load balancer or the caller sent in {@code X-Request-Id} when it is
 * a plain token, else a new random one. It is returned in the {@code X-Request-Id} header, as
 * {@code requestId} in every problem response and on the error page, and written with every log line
 * of the request (the logging context's {@code requestId}), so a client's error report can be found
 * in the logs.
 */
public final class RequestIds {

    /** The header that carries the id both ways. */
    public static final String HEADER = "X-Request-Id";
    /** The name of the id in the logging context (MDC) and of the problem member. */
    public static final String KEY = "requestId";

    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** The id of this request: set once by the first filter, then the same everywhere. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id instanceof String s) {
            return s;
        }
        String chosen = choose(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, chosen);
        return chosen;
    }

    /** The caller's id when it is a plain token of 8 to 64 characters, else a new one. */
    static String choose(String offered) {
        if (offered != null && ACCEPTED.matcher(offered).matches()) {
            return offered;
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

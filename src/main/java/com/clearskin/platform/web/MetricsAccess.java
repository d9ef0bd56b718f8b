package com.clearskin.platform.web;

import com.clearskin.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Prometheus metrics at {@code /actuator/prometheus} are for the operator's scraper only: a
 * request must carry {@code Authorization: Bearer <CLEARSKIN_METRICS_TOKEN>} (401 otherwise), and
 * without that setting the address does not exist (404). The token is compared in constant time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MetricsAccess extends OncePerRequestFilter {

    static final String PATH = "/actuator/prometheus";

    private final byte[] expected;

    MetricsAccess(@Value("${clearskin.metrics.token:}") String token) {
        String t = token == null ? "" : token.strip();
        this.expected = t.isEmpty() ? null : ("Bearer " + t).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals(PATH) && !path.startsWith(PATH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expected == null) {
            problem(request, response, HttpServletResponse.SC_NOT_FOUND, "Not found", "Nothing is at " + PATH + ".");
            return;
        }
        if (!allowed(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            problem(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "The metrics need the bearer token set in CLEARSKIN_METRICS_TOKEN.");
            return;
        }
        chain.doFilter(request, response);
    }

    boolean allowed(String authorization) {
        return authorization != null
                && MessageDigest.isEqual(expected, authorization.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + PATH + "\",\"" + RequestIds.KEY + "\":\""
                + RequestIds.of(request) + "\"}");
    }
}

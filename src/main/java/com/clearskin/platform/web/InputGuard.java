package com.clearskin.platform.web;

import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link InputRules} for what arrives outside a JSON body, once, before any filter or controller
 * reads it: every query and form parameter (its name and its values) and the path (so every path
 * variable) must hold no NUL, and a query or form must be validly percent-encoded ({@code %zz} is
 * not). A refused request is a 400: a problem document naming the parameter for the API, the error
 * page for pages. A form sent with PUT, PATCH or DELETE is parsed later, by Spring's form filter: its
 * converter here applies the same rules, and its refusal comes back through this filter.
 */
@Configuration
class InputGuard {

    static final String ENCODING_REASON = "is not validly percent-encoded (such as %zz)";

    @Bean
    InputFilter inputFilter(JsonMapper json) {
        return new InputFilter(json);
    }

    /** Spring Boot's own form filter for PUT, PATCH and DELETE forms, with a converter that keeps the rules. */
    @Bean
    OrderedFormContentFilter formContentFilter() {
        OrderedFormContentFilter filter = new OrderedFormContentFilter();
        filter.setFormConverter(new CheckedFormConverter());
        return filter;
    }

    /** The violation of a request's parameters and path, or null when they keep the rules. */
    static Violation violationOf(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) { // Tomcat's InvalidParameterException
            return malformedQuery(request.getQueryString()) ? new Violation("query", ENCODING_REASON)
                    : new Violation("body", ENCODING_REASON + ", or is larger than a form may be");
        }
        Violation inParameters = nulIn(parameters);
        if (inParameters != null) {
            return inParameters;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return InputRules.containsNul(path) ? new Violation("path", InputRules.NUL_REASON) : null;
    }

    /** The first parameter whose name or a value holds a NUL, named as readable text. */
    static Violation nulIn(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            boolean inValue = e.getValue() != null && java.util.Arrays.stream(e.getValue()).anyMatch(InputRules::containsNul);
            if (InputRules.containsNul(e.getKey()) || inValue) {
                return new Violation(e.getKey().replace("\u0000", "\\u0000"), InputRules.NUL_REASON);
            }
        }
        return null;
    }

    /** Whether a query string holds an escape that does not decode. */
    static boolean malformedQuery(String query) {
        if (query == null) {
            return false;
        }
        try {
            URLDecoder.decode(query, StandardCharsets.UTF_8);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Applies the rules ahead of everything that reads parameters (CSRF, sign-in, controllers). */
    static final class InputFilter extends OncePerRequestFilter implements Ordered {
        private final JsonMapper json;

        InputFilter(JsonMapper json) {
            this.json = json;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 20; // after the size limit, which refuses a body before it is read
        }

        /** An upload's parts are parsed by the multipart resolver, under its own size limits. */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null && type.toLowerCase().startsWith("multipart/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Violation violation = violationOf(request);
            if (violation != null) {
                refuse(request, response, List.of(violation));
                return;
            }
            try {
                chain.doFilter(request, response);
            } catch (InvalidInputException e) { // from the form filter: controllers' are mapped by ErrorHandling
                if (response.isCommitted()) {
                    throw e;
                }
                refuse(request, response, e.violations());
            }
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, List<Violation> violations)
                throws IOException {
            String detail = violations.stream().map(v -> v.field() + ": " + v.reason())
                    .reduce((a, b) -> a + "; " + b).orElse("The request is invalid.");
            if (!ErrorHandling.isApi(request)) {
                response.sendError(400, detail);
                return;
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", ErrorHandling.PROBLEM_BASE + "invalid-input");
            problem.put("title", "Invalid input");
            problem.put("status", 400);
            problem.put("detail", detail);
            problem.put("instance", request.getRequestURI());
        problem.put(RequestIds.KEY, RequestIds.of(request));
            problem.put("errors", violations.stream().map(v -> Map.of("field", v.field(), "reason", v.reason())).toList());
            response.resetBuffer();
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(problem));
        }
    }

    /** Reads a form as Spring does, refusing a malformed escape and a NUL as the filter does. */
    static final class CheckedFormConverter extends FormHttpMessageConverter {
        @Override
        public MultiValueMap<String, String> read(Class<? extends MultiValueMap<String, ?>> type,
                HttpInputMessage message) throws IOException {
            MultiValueMap<String, String> form;
            try {
                form = super.read(type, message);
            } catch (HttpMessageNotReadableException | IllegalArgumentException e) { // "Could not decode HTTP form payload"
                throw new InvalidInputException("body", ENCODING_REASON);
            }
            Map<String, String[]> parameters = new LinkedHashMap<>();
            form.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
            Violation violation = nulIn(parameters);
            if (violation != null) {
                throw new InvalidInputException(List.of(violation));
            }
            return form;
        }
    }
}

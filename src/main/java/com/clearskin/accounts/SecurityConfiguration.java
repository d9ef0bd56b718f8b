package com.clearskin.accounts;

import com.clearskin.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what. The catalog, the skin consultation and the recommendation API, the home page
 * and the API documentation are public; everything else needs a signed-in person. No server-side
 * session: the browser holds a revocable sign-in token in an HttpOnly cookie, API clients send a
 * bearer token, so any number of app instances can serve any request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final Duration BROWSER_SIGN_IN = Duration.ofHours(12);
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Powerful browser features: the camera (scanning a package's QR code at the session) and the
     * position (clinics near me in the directory) for Clearskin's own pages only, asked for by the
     * browser each time; everything else switched off for every page.
     */
    static final String PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(self), payment=(), usb=(), "
            + "interest-cohort=()";
    /** The request attribute that carries the page's explanation of an error to the error page. */
    static final String ERROR_DETAIL = "clearskin.error.detail";

    /** Request attribute carrying the seconds to wait when the sign-in form is throttled. */
    static final String THROTTLED_FOR = "clearskin.signInThrottledFor";

    /**
     * bcrypt (an adaptive hash: its cost is the strength setting) for new passwords; a stored hash of
     * another scheme or a lower cost still verifies and is replaced at the next sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${clearskin.passwords.bcrypt-strength:12}") int strength) {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("bcrypt", new BCryptPasswordEncoder(strength));
        encoders.put("pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        return new DelegatingPasswordEncoder("bcrypt", encoders);
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetails users, PasswordEncoder passwords,
            SignInThrottle throttle, MeterRegistry metrics) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        provider.setUserDetailsPasswordService(users);
        return new ProviderManager(new ThrottledAuthentication(provider, throttle, metrics));
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, AccessTokens tokens, AuthenticationManager authenticationManager,
            JsonMapper json, @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> mappings)
            throws Exception {
        RequestMatcher api = request -> TokenAuthenticationFilter.isApi(request);
        RequestMatcher unmapped = new UnmappedRequestMatcher(mappings);
        CookieRequestCache requestCache = new CookieRequestCache();
        http
                .authenticationManager(authenticationManager)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // where TokenAuthenticationFilter keeps each request's sign-in (see there: the CSRF token stays put)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.requestCache(requestCache))
                .csrf(c -> c.csrfTokenRepository(new CsrfCookies()).ignoringRequestMatchers(api))
                .addFilterBefore(new TokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/treatments", "/treatments/**", "/consultation", "/consultation/answers",
                                "/login", "/login/throttled", "/error", "/clinics/*/book",
                                "/password-reset", "/password-reset/*", "/invitations/*", "/invitations/*/register",
                                "/assets/**", "/webjars/**", "/favicon.ico",
                                "/api/v1/treatments", "/api/v1/treatments/**", "/api/v1/sources", "/api/v1/recommendations",
                                "/api/docs", "/api/docs/**", "/api/docs.yaml", "/api/explorer", "/api/explorer/**",
                                "/swagger-ui/**", "/actuator/health", "/actuator/health/**",
                                // guarded by its own bearer token (platform MetricsAccess)
                                "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens", "/api/v1/auth/password-reset",
                                "/api/v1/auth/password-reset/confirm").permitAll()
                        // a clinic's free times, for its public booking page (rate limited for non-members)
                        .requestMatchers(HttpMethod.GET, "/api/v1/clinics/*/availability").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/clinics/*/availability/days").permitAll()
                        // new clients book and sign up on their own (publicbooking); a clinic's public profile (branding)
                        .requestMatchers(HttpMethod.POST, "/api/v1/clinics/*/public-bookings",
                                "/api/v1/public-bookings/*/confirm", "/api/v1/clinics/*/sign-up",
                                "/api/v1/sign-up/*/verify").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public-bookings/*", "/api/v1/clinics/*/profile")
                                .permitAll()
                        // the public directory and a clinic's public profile and reviews (directory, reviews)
                        .requestMatchers(HttpMethod.GET, "/api/v1/clinics", "/api/v1/clinics/*/reviews", "/clinics",
                                "/clinics/*", "/clinics/*/referred/*").permitAll()
                        .requestMatchers("/clinics/*/book/details", "/clinics/*/sign-up", "/clinics/*/logo",
                                "/clinics/*/photos/*", "/clinics/*/theme.css", "/public-bookings/*", "/sign-up/*").permitAll()
                        // one-click links of the messages around a visit (followups): the token is the credential
                        .requestMatchers("/visits/*", "/api/v1/visit-links/*", "/api/v1/visit-links/*/*", "/preferences/*",
                                "/api/v1/message-preferences/*", "/api/v1/message-preferences/*/unsubscribe").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/check-ins/*").permitAll()
                        // calendar feeds: the unguessable token in the address is the credential
                        .requestMatchers(HttpMethod.GET, "/calendar/*").permitAll()
                        .requestMatchers(unmapped).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").usernameParameter("email").passwordParameter("password")
                        .successHandler(signInSuccess(tokens, requestCache))
                        .failureHandler(signInFailure()).permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .addLogoutHandler((request, response, auth) -> {
                            tokens.revoke(TokenAuthenticationFilter.cookie(request));
                            response.addHeader("Set-Cookie", sessionCookie("", Duration.ZERO, request).toString());
                        })
                        .logoutSuccessUrl("/?signedOut"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(apiUnauthorized(json), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(apiForbidden(json), api)
                        .defaultAccessDeniedHandlerFor(pageForbidden(), request -> true))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny())
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
        return http.build();
    }

    private static AuthenticationSuccessHandler signInSuccess(AccessTokens tokens, CookieRequestCache requestCache) {
        return (request, response, authentication) -> {
            SignedInUser user = (SignedInUser) authentication.getPrincipal();
            AccessTokens.Issued issued = tokens.issue(user.id(), AccessTokens.Kind.BROWSER, BROWSER_SIGN_IN,
                    request.getHeader("User-Agent"));
            response.addHeader("Set-Cookie", sessionCookie(issued.token(), BROWSER_SIGN_IN, request).toString());
            SavedRequest saved = requestCache.getRequest(request, response);
            requestCache.removeRequest(request, response);
            String target = saved == null ? request.getContextPath() + "/app" : saved.getRedirectUrl();
            response.sendRedirect(target);
        };
    }

    /** A wrong password goes back to the form; a throttled attempt gets the form with 429 and the wait. */
    private static AuthenticationFailureHandler signInFailure() {
        return (request, response, exception) -> {
            if (exception instanceof SignInThrottledException throttled) {
                request.setAttribute(THROTTLED_FOR, throttled.retryAfterSeconds());
                request.getRequestDispatcher("/login/throttled").forward(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?error");
            }
        };
    }

    static ResponseCookie sessionCookie(String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(TokenAuthenticationFilter.COOKIE, value)
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .maxAge(maxAge).build();
    }

    private static AuthenticationEntryPoint apiUnauthorized(JsonMapper json) {
        return (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            writeProblem(json, request, response, 401, "unauthorized", "Unauthorized",
                    "Send a valid bearer token: POST /api/v1/auth/tokens with your email and password gives one.");
        };
    }

    /**
     * A refused form says why: a missing or wrong CSRF token is an expired page or a form sent from
     * another site, and reloading the page is the way out.
     */
    private static AccessDeniedHandler pageForbidden() {
        return (request, response, ex) -> {
            request.setAttribute(ERROR_DETAIL, ex instanceof CsrfException
                    ? "This form could not be accepted: its security token is missing or out of date (the page was "
                            + "open too long, you signed in again elsewhere, or the form came from another site). "
                            + "Go back, reload the page and send the form again."
                    : "You may not do this.");
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        };
    }

    private static AccessDeniedHandler apiForbidden(JsonMapper json) {
        return (request, response, ex) -> writeProblem(json, request, response, 403, "forbidden", "Forbidden",
                "This request is not allowed.");
    }

    private static void writeProblem(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
            int status, String type, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://clearskin.app/problems/" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put(RequestIds.KEY, RequestIds.of(request));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }

    /** Loads the CSRF token before the page renders, so its cookie is written before the body flushes. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null && !TokenAuthenticationFilter.isApi(request)) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Matches requests no controller handles, so that they reach the 404 answer instead of the
     * sign-in page: an unknown address is not a secret.
     */
    private record UnmappedRequestMatcher(ObjectProvider<HandlerMapping> mappings) implements RequestMatcher {
        @Override
        public boolean matches(HttpServletRequest request) {
            HandlerMapping mapping = mappings.getIfAvailable();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (mapping == null || path.startsWith("/actuator")) {
                return false;
            }
            Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            ServletRequestPathUtils.parseAndCache(request);
            try {
                return mapping.getHandler(request) == null;
            } catch (Exception e) {
                return false;
            } finally {
                if (previous == null) {
                    request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
                } else {
                    request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
                }
            }
        }
    }
}

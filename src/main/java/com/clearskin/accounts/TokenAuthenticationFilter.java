package com.clearskin.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in from its credential: the API ({@code /api/...}) accepts only a bearer token,
 * pages accept only the sign-in cookie. Keeping them apart means a browser's cookie can never be
 * replayed against the API by another site (no CSRF on the API), and a bearer token never turns up
 * in a page.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    static final String COOKIE = "clearskin_session";

    private static final RequestAttributeSecurityContextRepository SIGNED_IN = new RequestAttributeSecurityContextRepository();

    private final AccessTokens tokens;

    TokenAuthenticationFilter(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = isApi(request) ? bearer(request) : cookie(request);
        if (token != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            tokens.resolve(token).ifPresent(user -> {
                var auth = UsernamePasswordAuthenticationToken.authenticated(user, token, user.getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(auth);
                SecurityContextHolder.setContext(context);
                // Known to the request's context repository, the sign-in counts as one that carried over,
                // not a new one: otherwise every request would rotate the CSRF token and break the forms
                // of a page after any other request (an HTMX partial, a second tab).
                SIGNED_IN.saveContext(context, request, response);
            });
        }
        chain.doFilter(request, response);
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst()
                .orElse(null);
    }
}

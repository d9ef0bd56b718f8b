package com.clearskin.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DeferredCsrfToken;

/**
 * The CSRF token in a cookie (HttpOnly, SameSite=Lax, Secure over TLS), renewed at sign-in and
 * sign-out only. Without a server session, Spring Security takes every request signed in by its
 * token for a fresh sign-in and would renew the CSRF token on each one, so a form left open in a
 * second tab would always be refused; here the renewal is honoured only where a person really signs
 * in or out.
 */
final class CsrfCookies implements CsrfTokenRepository {

    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

    CsrfCookies() {
        cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return cookies.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null && !signsInOrOut(request)) {
            return;
        }
        cookies.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return cookies.loadToken(request);
    }

    @Override
    public DeferredCsrfToken loadDeferredToken(HttpServletRequest request, HttpServletResponse response) {
        return cookies.loadDeferredToken(request, response);
    }

    static boolean signsInOrOut(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && (path.equals("/login") || path.equals("/logout"));
    }
}

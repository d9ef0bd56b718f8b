package com.clearskin.platform.web;

import com.clearskin.platform.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rate limit of everything anyone may call without signing in: the public catalog and its API,
 * the consultation, availability and the public booking pages, calendar feeds, the sign-in form,
 * the API documentation, and whatever public address is added later. One token bucket per client
 * address (the connection's, or the one a trusted proxy reports), in this app instance; a request
 * with a valid sign-in is counted by its own limits, not here. Too many is a 429 with Retry-After,
 * before the request body is read. Static files and the health check are not counted.
 */
@Configuration(proxyBeanMethods = false)
class PublicRateLimit implements WebMvcConfigurer, HandlerInterceptor {

    private final RateLimiter limiter;

    PublicRateLimit(PublicRateLimitSettings settings) {
        this.limiter = new RateLimiter(new RateLimiter.Limits(settings.capacity(), settings.refillPerMinute(),
                settings.maxClients()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/assets/**", "/webjars/**", "/favicon.ico", "/error",
                "/actuator/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (anonymous(SecurityContextHolder.getContext().getAuthentication())) {
            limiter.acquire(request.getRemoteAddr());
        }
        return true;
    }

    static boolean anonymous(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }
}

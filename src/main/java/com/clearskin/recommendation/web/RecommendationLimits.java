package com.clearskin.recommendation.web;

import com.clearskin.platform.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rate limit of the recommendation API and the consultation form, counted before the body is
 * read: one token bucket per client address, in this app instance (with several instances each
 * allows the full rate). The address is the connection's, or the one a trusted proxy reports when
 * {@code server.forward-headers-strategy} says to believe it. Too many is a 429 with Retry-After.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationLimits implements WebMvcConfigurer, HandlerInterceptor {

    static final String[] PATHS = {"/api/v1/recommendations", "/consultation"};

    private final RateLimiter limiter;

    RecommendationLimits(RateLimitSettings settings) {
        this.limiter = new RateLimiter(new RateLimiter.Limits(settings.capacity(), settings.refillPerMinute(),
                settings.maxClients()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(PATHS);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("POST".equals(request.getMethod())) {
            limiter.acquire(request.getRemoteAddr());
        }
        return true;
    }
}

package com.clearskin.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The clinic comes first: every handler whose address names a clinic ({@code {slug}}) and is not
 * open to anonymous visitors answers 404 to anyone who is not a member of that clinic, before the
 * request body is read or validated and before the controller runs. So a 400 for a body, a 409 or
 * a 422 can never tell a stranger that a clinic or one of its records exists, and an endpoint that
 * forgets its own check still keeps other clinics out. Roles are checked afterwards, by the
 * controller, through {@link ClinicAccess} and {@link Permissions}.
 */
@Configuration(proxyBeanMethods = false)
class ClinicGate implements WebMvcConfigurer, HandlerInterceptor {

    private static final AnonymousAuthenticationToken ANONYMOUS = new AnonymousAuthenticationToken("clinic-gate",
            "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final ClinicAccess access;
    private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

    ClinicGate(ClinicAccess access, ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        this.access = access;
        this.privileges = privileges;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(-1000);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("slug") instanceof String slug && !openToAnyone(request)) {
            access.member(slug);
        }
        return true;
    }

    /** Whether the security rules let an anonymous visitor make this request (a public clinic page or feed). */
    private boolean openToAnyone(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/clinics/")) {
            return true; // a clinic's public site (its booking pages): its existence is public, each page says who may act
        }
        List<WebInvocationPrivilegeEvaluator> evaluators = privileges.orderedStream().toList();
        return !evaluators.isEmpty() && evaluators.stream()
                .allMatch(e -> e.isAllowed(request.getContextPath(), path, request.getMethod(), ANONYMOUS));
    }
}

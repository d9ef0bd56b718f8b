package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.TooManyRequestsException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class PublicRateLimitTest {

    final PublicRateLimit limit = new PublicRateLimit(new PublicRateLimitSettings(3, 1, 100));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    boolean call(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/treatments");
        request.setRemoteAddr(address);
        return limit.preHandle(request, new MockHttpServletResponse(), new Object());
    }

    @Test
    void anAnonymousAddressGetsItsBurstThenA429WithTheWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(call("203.0.113.9")).isTrue();
        }
        assertThatThrownBy(() -> call("203.0.113.9")).isInstanceOfSatisfying(TooManyRequestsException.class,
                e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 60L));
        assertThat(call("203.0.113.10")).as("another address has its own bucket").isTrue();
    }

    @Test
    void theAnonymousTokenCountsAsAnonymous() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("k", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        for (int i = 0; i < 3; i++) {
            call("203.0.113.11");
        }
        assertThatThrownBy(() -> call("203.0.113.11")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aSignedInRequestIsNotCountedHere() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("someone",
                null, List.of()));
        for (int i = 0; i < 10; i++) {
            assertThat(call("203.0.113.12")).isTrue();
        }
    }
}

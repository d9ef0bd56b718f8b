package com.clearskin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aPlainTokenFromTheCallerIsKept() {
        assertThat(RequestIds.choose("req-0001.abc:9")).isEqualTo("req-0001.abc:9");
    }

    @Test
    void anythingElseGetsANewRandomId() {
        assertThat(RequestIds.choose(null)).matches("[0-9a-f]{24}");
        assertThat(RequestIds.choose("short")).matches("[0-9a-f]{24}");
        assertThat(RequestIds.choose("x".repeat(65))).matches("[0-9a-f]{24}");
        assertThat(RequestIds.choose("has space in it")).matches("[0-9a-f]{24}");
        assertThat(RequestIds.choose(null)).isNotEqualTo(RequestIds.choose(null));
    }
}

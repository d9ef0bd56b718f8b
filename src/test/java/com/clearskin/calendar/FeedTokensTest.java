package com.clearskin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedTokensTest {

    @Test
    void aTokenIs32RandomBytesInBase64Url() {
        String token = FeedTokens.generate();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(FeedTokens.wellFormed(token)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(FeedTokens.generate())).isTrue();
        }
    }

    @Test
    void theHashIsSha256AndStable() {
        String token = FeedTokens.generate();
        assertThat(FeedTokens.hash(token)).hasSize(32).isEqualTo(FeedTokens.hash(token));
        assertThat(FeedTokens.hash(token)).isNotEqualTo(FeedTokens.hash(FeedTokens.generate()));
    }

    @Test
    void anythingElseIsNotATokenShape() {
        assertThat(FeedTokens.wellFormed(null)).isFalse();
        assertThat(FeedTokens.wellFormed("")).isFalse();
        assertThat(FeedTokens.wellFormed("a".repeat(42))).isFalse();
        assertThat(FeedTokens.wellFormed("a".repeat(44))).isFalse();
        assertThat(FeedTokens.wellFormed("a".repeat(42) + ".")).isFalse();
        assertThat(FeedTokens.wellFormed("a".repeat(42) + "=")).isFalse();
    }
}

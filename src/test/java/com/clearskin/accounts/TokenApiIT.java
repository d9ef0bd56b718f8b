package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class TokenApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http.Response issue(String email, String password) {
        return new Http(port).postJson("/api/v1/auth/tokens", Map.of("email", email, "password", password));
    }

    @Test
    void aRightPasswordGivesATokenThatExpires() {
        Http.Response r = issue("owner@demo.test", IntegrationTest.DEMO_PASSWORD);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("token").asString()).startsWith("cs_").hasSizeGreaterThan(40);
        assertThat(Instant.parse(r.json().get("expiresAt").asString())).isAfter(Instant.now());
    }

    @Test
    void emailIsCaseInsensitive() {
        assertThat(issue("Owner@Demo.Test", IntegrationTest.DEMO_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aWrongPasswordOrUnknownEmailIsTheSame401() {
        Http.Response wrong = issue("owner@demo.test", "not-the-password");
        Http.Response unknown = issue("nobody@demo.test", "not-the-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void missingFieldsAreNamed() {
        Http.Response r = new Http(port).postJson("/api/v1/auth/tokens", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"email\"", "\"password\"");
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String token = issue("owner@demo.test", IntegrationTest.DEMO_PASSWORD).json().get("token").asString();
        List<byte[]> hashes = jdbc.sql("select token_hash from access_token").query(byte[].class).list();
        assertThat(hashes).noneMatch(h -> new String(h, StandardCharsets.UTF_8).contains(token));
        assertThat(hashes).anyMatch(h -> java.util.Arrays.equals(h, AccessTokens.hash(token)));
        Integer plain = jdbc.sql("select count(*) from access_token where label = :t or encode(token_hash, 'escape') = :t")
                .param("t", token).query(Integer.class).single();
        assertThat(plain).isZero();
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String token = issue("admin@demo.test", IntegrationTest.DEMO_PASSWORD).json().get("token").asString();
        Http http = new Http(port).bearer(token);
        assertThat(http.get("/api/v1/clinics/demo/treatments").status()).isEqualTo(200);

        assertThat(http.delete("/api/v1/auth/tokens/current").status()).isEqualTo(204);

        assertThat(http.get("/api/v1/clinics/demo/treatments").status()).isEqualTo(401);
    }

    @Test
    void theBrowserCookieIsNotAcceptedByTheApi() {
        Http browser = new Http(port);
        assertThat(browser.signIn("owner@demo.test", IntegrationTest.DEMO_PASSWORD).status()).isEqualTo(302);
        assertThat(browser.get("/app").status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/clinics/demo/treatments").status()).isEqualTo(401);
    }
}

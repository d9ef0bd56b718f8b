package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.Endpoints;
import com.clearskin.support.Endpoints.Endpoint;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Security headers, cookies, size limits and the clear refusals of the bad input: a token
 * of a revoked session, a forged CSRF token, a wrong password, a 10 MB body, a client named
 * {@code <script>alert(1)</script>}.
 */
@IntegrationTest
class HardeningIT {

    static final String SCRIPT = "<script>alert(1)</script>";

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
    }

    Http signedIn(Role role) {
        Http http = new Http(port);
        assertThat(http.signIn(clinic.email(role), TestClinics.PASSWORD).status()).isEqualTo(302);
        return http;
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/treatments", "/login", "/api/v1/treatments")) {
            Http.Response r = new Http(port).get(path);
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(csp.replaceAll("style-src[^;]*", "")).as(path + ": no inline scripts").doesNotContain("unsafe-inline",
                    "unsafe-eval");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(r.header("Permissions-Policy")).as(path).contains("camera=(self)", "geolocation=(self)", "microphone=()", "payment=()");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(r.header("Strict-Transport-Security")).as(path + " over plain HTTP").isNull();
        }
    }

    @Test
    void behindATlsProxyCookiesAreSecureAndHstsIsSent() {
        Map<String, String> tls = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.7");
        Http.Response home = new Http(port).get("/", tls);
        assertThat(home.header("Strict-Transport-Security")).contains("max-age=");

        Http http = new Http(port);
        Http.Response login = http.get("/login", tls);
        String csrfCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow();
        assertThat(csrfCookie).contains("Secure", "HttpOnly", "SameSite=Lax");
        // The test client talks plain HTTP to the proxy's side, so it would not send a Secure cookie back itself.
        Map<String, String> withCookie = new LinkedHashMap<>(tls);
        withCookie.put("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')));
        Http.Response signIn = http.send("POST", "/login", "application/x-www-form-urlencoded",
                "email=" + enc(clinic.email(Role.OWNER)) + "&password=" + enc(TestClinics.PASSWORD) + "&_csrf="
                        + enc(Http.csrfToken(login.body())), withCookie);
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.header("Location")).startsWith("https://");
        String session = sessionCookie(signIn);
        assertThat(session).contains("HttpOnly", "SameSite=Lax", "Secure");
    }

    @Test
    void overPlainHttpTheSessionCookieIsHttpOnlyAndSameSite() {
        Http http = new Http(port);
        Http.Response signIn = http.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        String session = sessionCookie(signIn);
        assertThat(session).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        String csrf = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN"))
                .findFirst().orElseThrow();
        assertThat(csrf).contains("HttpOnly", "SameSite=Lax");
    }

    @Test
    void aTokenOfARevokedSessionIs401() {
        Http api = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        String path = "/api/v1/clinics/" + clinic.slug() + "/clients";
        assertThat(api.get(path).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/auth/tokens/current").status()).isEqualTo(204);
        Http.Response revoked = api.get(path);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(revoked.json().get("detail").asString()).contains("valid bearer token");

        Http browser = signedIn(Role.OWNER);
        assertThat(browser.get("/app").status()).isEqualTo(200);
        String token = Http.csrfToken(browser.get("/app").body());
        assertThat(browser.postFormRaw("/logout", Map.of("_csrf", token)).status()).isEqualTo(302);
        assertThat(browser.get("/app").status()).as("the cookie of a signed-out session signs nobody in").isEqualTo(302);
    }

    @Test
    void aForgedCsrfTokenIs403WithAPageThatSaysWhatToDo() {
        Http owner = signedIn(Role.OWNER);
        String form = "/app/clinics/" + clinic.slug() + "/clients";
        Http.Response forged = owner.postFormRaw(form, Map.of("firstName", "Forged", "lastName", "Request",
                "_csrf", "forged-token-from-another-site"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("text/html");
        assertThat(forged.body()).contains("security token is missing or out of date", "reload the page");
        Http.Response missing = owner.postFormRaw(form, Map.of("firstName", "No", "lastName", "Token"));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(owner.get(form).body()).doesNotContain("Forged", "Request");
        Http.Response real = owner.postForm(form, form + "/new", Map.of("firstName", "Real", "lastName", "Form"));
        assertThat(real.status()).as("a token from a page a while ago still works").isEqualTo(302);
    }

    @Test
    void aWrongPasswordIsAClearMessage() {
        Http http = new Http(port);
        Http.Response wrong = http.signIn(clinic.email(Role.OWNER), "not-the-password");
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.header("Location")).endsWith("/login?error");
        assertThat(http.get("/login?error").body()).contains("The email or password is wrong");
        Http.Response api = new Http(port).postJson("/api/v1/auth/tokens",
                Map.of("email", clinic.email(Role.OWNER), "password", "not-the-password"));
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.json().get("detail").asString()).isEqualTo("The email or password is wrong.");
    }

    @Test
    void aTenMegabyteBodyIs413OnEveryEndpointAndForm() throws IOException {
        Endpoints endpoints = new Endpoints(mapping, jdbc);
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Endpoint e : endpoints.all()) {
            if (e.method().equals("GET") || e.method().equals("DELETE")) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            e.variables().forEach(v -> values.put(v, v.equals("slug") ? clinic.slug() : "microneedling"));
            String path = Endpoints.fill(e.pattern(), values);
            String type = e.api() ? "application/json" : "application/x-www-form-urlencoded";
            answers.put(e.method() + " " + path, statusOfDeclaredBody(e.method(), path, type, 10L * 1024 * 1024));
        }
        for (String form : List.of("/login", "/logout")) { // handled by filters, not by a controller
            answers.put("POST " + form, statusOfDeclaredBody("POST", form, "application/x-www-form-urlencoded",
                    10L * 1024 * 1024));
        }
        assertThat(answers).isNotEmpty().containsKeys("POST /login", "POST /api/v1/recommendations");
        assertThat(answers.values()).as(answers.toString()).containsOnly(413);
        assertThat(new Http(port).postJson("/api/v1/recommendations", "{\"jurisdiction\": \"" + "x".repeat(10 * 1024 * 1024)
                + "\"}").status()).as("a 10 MB body really sent").isEqualTo(413);
    }

    @Test
    void aClientNamedAScriptShowsAsTextEverywhere() {
        Http owner = signedIn(Role.OWNER);
        Http api = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        Http.Response created = api.postJson("/api/v1/clinics/" + clinic.slug() + "/clients",
                Map.of("firstName", SCRIPT, "lastName", "\"><img src=x onerror=alert(2)>", "email", "a@example.com"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("firstName").asString()).as("stored as given").isEqualTo(SCRIPT);
        String id = created.json().get("id").asString();
        String base = "/app/clinics/" + clinic.slug() + "/clients";
        List<String> pages = new ArrayList<>(List.of(base, base + "?q=" + enc("<script>"), base + "/" + id,
                base + "/" + id + "/assessments/new"));
        for (String page : pages) {
            Http.Response r = owner.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).doesNotContain(SCRIPT, "<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        Http.Response search = owner.get(base + "?q=" + enc("<script>alert(3)</script>"));
        assertThat(search.body()).doesNotContain("<script>alert(3)</script>");
    }

    private static String sessionCookie(Http.Response r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("clearskin_session="))
                .findFirst().orElseThrow();
    }

    /** Declares a body of {@code length} bytes, sends the first kilobyte, and reads the status line. */
    private int statusOfDeclaredBody(String method, String path, String type, long length) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write("{".repeat(1024).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != -1 && c != '\n'; ) {
                line.append((char) c);
            }
            return Integer.parseInt(line.toString().split(" ")[1]);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

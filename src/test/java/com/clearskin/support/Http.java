package com.clearskin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests, as a browser or an integrator would talk to the server: it keeps
 * cookies (the sign-in cookie and the CSRF cookie), and can send a bearer token.
 */
public final class Http {

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String bearer;

    public Http(int port) {
        this.base = "http://localhost:" + port;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    /** Sends this header with every request from now on (e.g. X-Forwarded-For to act as another address). */
    public Http header(String name, String value) {
        defaultHeaders.put(name, value);
        return this;
    }

    public Http bearer(String token) {
        this.bearer = token;
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public Response postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(jsonBody(body)));
    }

    public Response postJson(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json").POST(jsonBody(body));
        headers.forEach(b::header);
        return send(b);
    }

    public Response putJson(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json").PUT(jsonBody(body));
        headers.forEach(b::header);
        return send(b);
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any request: the method, an optional body with its content type, and extra headers. */
    public Response send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(b);
    }

    /** Posts multipart/form-data: the text fields, then {@code file} (when not null) as the part {@code fileField}. */
    public Response postMultipart(String path, Map<String, String> fields, String fileField, byte[] file) {
        String boundary = "----clearskin" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"skin.jpg\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Posts a form the way a browser does, with the CSRF token taken from the page the form is on. */
    public Response postForm(String path, String pageWithForm, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        String token = csrfToken(get(pageWithForm).body());
        if (token != null) {
            all.put("_csrf", token);
        }
        return postFormRaw(path, all);
    }

    public Response postFormRaw(String path, Map<String, ?> fields) {
        String body = fields.entrySet().stream().flatMap(e -> {
            Object v = e.getValue();
            Iterable<?> values = v instanceof Iterable<?> it ? it : java.util.List.of(v == null ? "" : v);
            java.util.List<String> parts = new java.util.ArrayList<>();
            values.forEach(x -> parts.add(enc(e.getKey()) + "=" + enc(String.valueOf(x))));
            return parts.stream();
        }).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Exchanges an email and password for a bearer token, as an API client does, and sends it from now on. */
    public Http signInForApi(String email, String password) {
        Response token = postJson("/api/v1/auth/tokens", Map.of("email", email, "password", password));
        if (token.status() != 201) {
            throw new IllegalStateException("No token for " + email + ": " + token.status() + " " + token.body());
        }
        return bearer(token.json().get("token").asString());
    }

    /** Signs in through the login form, as a person would. */
    public Response signIn(String email, String password) {
        return postForm("/login", "/login", Map.of("email", email, "password", password));
    }

    public static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        Matcher meta = CSRF_META.matcher(html);
        return meta.find() ? meta.group(1) : null;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        defaultHeaders.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

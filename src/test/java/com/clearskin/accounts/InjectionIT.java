package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.ClinicRecords;
import com.clearskin.support.ClinicRecords.Records;
import com.clearskin.support.Endpoints;
import com.clearskin.support.Endpoints.Endpoint;
import com.clearskin.support.Endpoints.Kind;
import com.clearskin.support.Endpoints.Variable;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQL, script and template fragments, odd unicode, NUL and 10,000-character strings through every text
 * field the application takes: the JSON fields of every request body in the OpenAPI description,
 * every text parameter of every address, and every text input of every form on the clinic's pages.
 * Each is stored as given or refused with a 4xx, never executed, never a 500.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionIT {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final List<String> PAYLOADS = List.of("'; drop table client; --", "Robert'); DELETE FROM client;--",
            SCRIPT, "\"><img src=x onerror=alert(1)>", "{{7*7}}", "${7*7}", "#{7*7}", "*{T(java.lang.Runtime)}",
            "Zoë 🧴 Ω 中文 \u202eevil", "x".repeat(10_000), "\\u0000 % _ \\", "a\u0000b");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClinics testClinics;
    @Autowired
    ClinicRecords clinicRecords;

    Endpoints endpoints;
    Records a;
    Http api;
    Http browser;
    final List<String> failures = new ArrayList<>();
    final Set<String> covered = new LinkedHashSet<>();

    @BeforeAll
    void aClinic() {
        endpoints = new Endpoints(mapping, jdbc);
        a = clinicRecords.fill(testClinics.open());
        api = new Http(port).signInForApi(a.clinic().email(Role.OWNER), TestClinics.PASSWORD);
        browser = new Http(port);
        assertThat(browser.signIn(a.clinic().email(Role.OWNER), TestClinics.PASSWORD).status()).isEqualTo(302);
    }

    String fill(String pattern) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : Endpoints.variablesOf(pattern)) {
            Variable v = endpoints.variable(pattern, name);
            values.put(name, v.kind() == Kind.CLINIC ? a.slug() : v.kind() == Kind.SHARED_CODE ? ClinicRecords.TREATMENT
                    : endpoints.idIn(v, a.clinic().clinic().id(), null));
        }
        return Endpoints.fill(pattern, values);
    }

    @org.junit.jupiter.api.AfterAll
    void report() {
        System.out.println("InjectionIT covered " + covered.size() + ": " + covered);
    }

    @org.junit.jupiter.api.BeforeEach
    void noFailuresYet() {
        failures.clear();
    }

    @Test
    void everyJsonTextFieldOfEveryRequestBody() {
        JsonNode docs = api.get("/api/docs").json();
        JsonNode schemas = docs.path("components").path("schemas");
        for (var path : docs.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                JsonNode schema = operation.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                List<String> fields = textFields(schema, schemas);
                if (fields.isEmpty()) {
                    fields = List.of("name", "firstName", "lastName", "note", "reason"); // an open object: try some
                }
                String method = operation.getKey().toUpperCase();
                String target = fill(path.getKey());
                covered.add(method + " " + path.getKey() + " " + fields);
                for (String payload : PAYLOADS) {
                    ObjectNode body = Http.JSON.createObjectNode();
                    fields.forEach(f -> body.put(f, payload));
                    Http.Response r = api.send(method, target, "application/json", body.toString(), Map.of());
                    check(method + " " + target + " " + fields, payload, r);
                    if (r.status() / 100 == 2 && r.body() != null && r.body().startsWith("{")) {
                        JsonNode answer = r.json();
                        for (String f : fields) {
                            JsonNode echoed = answer.get(f);
                            if (echoed != null && echoed.isString() && !echoed.asString().equals(payload.strip())) {
                                failures.add(method + " " + target + ": " + f + " was stored as '"
                                        + abbreviate(echoed.asString()) + "', not as given");
                            }
                        }
                    }
                }
            }
        }
        assertThat(covered).as("request bodies found in the OpenAPI description").hasSizeGreaterThanOrEqualTo(4);
        assertTablesIntact();
        assertThat(failures).isEmpty();
    }

    @Test
    void everyTextParameterOfEveryAddress() {
        for (Endpoint e : endpoints.all()) {
            if (!e.method().equals("GET")) {
                continue;
            }
            List<String> parameters = new ArrayList<>();
            for (MethodParameter p : e.handler().getMethodParameters()) {
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (param != null && p.getParameterType() == String.class) {
                    parameters.add(!param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                            : p.getParameterName());
                }
            }
            if (parameters.isEmpty() || e.variables().stream().anyMatch(v -> !v.equals("slug")
                    && endpoints.variable(e.pattern(), v).kind() == Kind.UNKNOWN)) {
                continue;
            }
            String target = fill(e.pattern());
            covered.add("GET " + e.pattern() + " " + parameters);
            Http http = e.api() ? api : browser;
            for (String payload : PAYLOADS) {
                String query = parameters.stream().map(p -> p + "=" + URLEncoder.encode(payload, StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
                check("GET " + target + "?" + parameters, payload, http.get(target + "?" + query));
            }
        }
        assertTablesIntact();
        assertThat(failures).isEmpty();
    }

    @Test
    void everyTextInputOfEveryFormOnTheClinicsPages() {
        int forms = 0;
        for (Endpoint e : endpoints.all()) {
            if (!e.method().equals("GET") || !e.page() || !e.namesAClinic()) {
                continue;
            }
            String page = fill(e.pattern());
            Http.Response shown = browser.get(page);
            if (shown.status() != 200) {
                continue;
            }
            for (Form form : forms(shown.body(), page)) {
                if (form.text().isEmpty()) {
                    continue;
                }
                forms++;
                covered.add("form " + form.action() + " " + form.text());
                for (String payload : PAYLOADS) {
                    Map<String, List<String>> fields = new LinkedHashMap<>(form.fields());
                    form.text().forEach(name -> fields.put(name, List.of(payload)));
                    fields.put("_csrf", List.of(Http.csrfToken(browser.get(page).body())));
                    Http.Response r = browser.postFormRaw(form.action(), fields);
                    check("form " + form.action() + " " + form.text(), payload, r);
                }
            }
        }
        assertThat(forms).as("forms with text inputs").isGreaterThanOrEqualTo(2);
        assertTablesIntact();
        assertThat(failures).isEmpty();
    }

    void check(String what, String payload, Http.Response r) {
        if (r.status() >= 500) {
            failures.add(what + " with " + abbreviate(payload) + " answered " + r.status());
        }
        // JSON is data, never markup (served as JSON with nosniff); a page must show it as text.
        boolean html = r.contentType() != null && r.contentType().startsWith("text/html");
        if (html && r.body().contains(SCRIPT)) {
            failures.add(what + " echoed a script unescaped");
        }
        if (html && r.body().contains("<img src=x")) {
            failures.add(what + " echoed an attribute injection unescaped");
        }
    }

    void assertTablesIntact() {
        assertThat(jdbc.sql("select count(*) from client where clinic_id = :c").param("c", a.clinic().clinic().id())
                .query(Integer.class).single()).as("the client table survives").isGreaterThanOrEqualTo(2);
    }

    /** The string fields of a schema, following one $ref. */
    static List<String> textFields(JsonNode schema, JsonNode schemas) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        List<String> fields = new ArrayList<>();
        for (var property : schema.path("properties").properties()) {
            if ("string".equals(property.getValue().path("type").asString(""))
                    && !property.getValue().has("enum") && !property.getValue().has("format")) {
                fields.add(property.getKey());
            }
        }
        return fields;
    }

    record Form(String action, Map<String, List<String>> fields, List<String> text) {
    }

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<(input|textarea|select)\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"");

    /** The forms that post, with their fields as a browser would send them untouched, and which take text. */
    static List<Form> forms(String html, String page) {
        List<Form> found = new ArrayList<>();
        Matcher f = FORM.matcher(html);
        while (f.find()) {
            String attributes = f.group(1);
            if (!attributes.contains("method=\"post\"")) {
                continue;
            }
            String action = attr(attributes, "action");
            if (action == null || action.isEmpty()) {
                action = page;
            }
            if (action.equals("/logout")) {
                continue;
            }
            Map<String, List<String>> fields = new LinkedHashMap<>();
            List<String> text = new ArrayList<>();
            Matcher in = INPUT.matcher(f.group(2));
            while (in.find()) {
                String a = in.group(2);
                String name = attr(a, "name");
                if (name == null || name.equals("_csrf")) {
                    continue;
                }
                String type = in.group(1).equals("input") ? String.valueOf(attr(a, "type")) : in.group(1);
                switch (type) {
                    case "text", "null", "email", "tel", "search", "textarea", "url" -> text.add(name);
                    case "checkbox", "radio" -> {
                        if (a.contains("checked")) {
                            String value = attr(a, "value");
                            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value == null ? "on" : value);
                        }
                    }
                    case "select" -> {
                        Matcher o = OPTION.matcher(f.group(2).substring(in.end()));
                        fields.put(name, List.of(o.find() ? o.group(1) : ""));
                    }
                    case "submit", "button" -> {
                    }
                    default -> fields.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(attr(a, "value") == null ? "" : attr(a, "value"));
                }
            }
            found.add(new Form(action.replace("&amp;", "&"), fields, text));
        }
        return found;
    }

    private static String attr(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

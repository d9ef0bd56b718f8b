package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.support.ClinicRecords;
import com.clearskin.support.ClinicRecords.Records;
import com.clearskin.support.Endpoints;
import com.clearskin.support.Endpoints.Kind;
import com.clearskin.support.Endpoints.Variable;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI description at {@code /api/docs}, signed in as the clinic's owner: a
 * valid-ish body is built from the operation's schema (or, for a body read by hand, from the fields its
 * description names), and then each body field and each query parameter in turn gets a hostile value
 * (NUL, a NUL key, huge numbers, the year +999999999, 10,000 characters, the wrong type, blanks), the
 * {@value #MAX_FIELDS} shallowest fields of each body. The
 * answer may be anything but a 5xx, and a 4xx is a problem document. Deletions are left out, so that
 * the clinic's records stay in place for the operations after them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzIT {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final Pattern QUOTED_FIELD = Pattern.compile("\\\"([A-Za-z][A-Za-z0-9]*)\\\"");

    /** Codes the description does not list as an enum. */
    static final Map<String, String> KNOWN = Map.of("role", "practitioner", "qualification", "esthetician", "type",
            "microneedling-pen", "capabilitie", "facial-bed", "capabilities", "facial-bed", "phone", "+1 555 010 0199",
            "dateofbirth", "1990-01-01", "weekday", "MONDAY", "timezone", "Europe/London");

    /** The hostile values put in each field in turn. */
    static List<JsonNode> hostileValues() {
        ObjectNode nulKey = NODES.objectNode();
        nulKey.put("a\u0000b", "x");
        return List.of(NODES.stringNode("a\u0000b"), NODES.arrayNode().add("\u0000"), nulKey,
                NODES.numberNode(2147483648L), NODES.numberNode(new java.math.BigInteger("99999999999999999999999")),
                NODES.stringNode("+999999999-12-31"), NODES.stringNode("+999999999-12-31T23:59:59Z"),
                NODES.stringNode("x".repeat(10_000)), NODES.stringNode("   "), NODES.booleanNode(true));
    }

    /** The hostile query values, in the same spirit. */
    static final List<String> HOSTILE_QUERY = List.of("a\u0000b", "2147483648", "+999999999-12-31",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01", "x".repeat(5_000), " ");
    /** The most fields of one body fuzzed, the shallowest first: a treatment's definition alone has hundreds. */
    static final int MAX_FIELDS = 16;

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
    int sent;
    final List<String> failures = new ArrayList<>();
    final Set<String> operations = new LinkedHashSet<>();
    final Map<String, String> baseline = new LinkedHashMap<>();
    String lastDetail = "";

    @BeforeAll
    void aClinic() {
        endpoints = new Endpoints(mapping, jdbc);
        a = clinicRecords.fill(testClinics.open());
        api = new Http(port).signInForApi(a.clinic().email(Role.OWNER), TestClinics.PASSWORD);
    }

    @Test
    void noHostileValueInAnyFieldOrParameterOfAnyOperationIsA5xx() {
        long began = System.nanoTime();
        JsonNode docs = api.get("/api/docs").json();
        JsonNode schemas = docs.path("components").path("schemas");
        for (var path : docs.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (method.equals("DELETE") || path.getKey().startsWith("/api/v1/auth/")
                        || path.getKey().contains("/team")) {
                    continue; // keep the owner signed in, in the clinic, with its records
                }
                fuzz(method, path.getKey(), operation.getValue(), schemas);
            }
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.println("ApiFuzzIT sent " + sent + " requests to " + operations.size() + " operations in " + millis
                + " ms; the valid-ish requests answered " + baseline);
        assertThat(operations).as("operations in the OpenAPI description").hasSizeGreaterThanOrEqualTo(20);
        assertThat(failures).isEmpty();
    }

    void fuzz(String method, String pattern, JsonNode operation, JsonNode schemas) {
        operations.add(method + " " + pattern);
        String target = fill(pattern);
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> optional = new LinkedHashMap<>();
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("in").asString("").equals("query")) {
                (p.path("required").asBoolean(false) ? query : optional).put(p.path("name").asString(),
                        exampleText(p.path("name").asString(), resolve(p.path("schema"), schemas)));
            }
        }
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        JsonNode body = bodySchema.isMissingNode() ? null : example(null, bodySchema, schemas, 0);
        if (body != null && (pattern.endsWith("/assessments") || pattern.endsWith("/recommendations"))) {
            body = com.clearskin.support.TestIntakes.healthyAdult("III");
        }
        if (body != null && !body.isObject() && !body.isArray()) {
            body = fromDescription(operation.path("description").asString(""));
        }
        if (method.equals("PUT")) {
            body = asRead(target, body);
        }
        int status = send(method, target, query, body);
        baseline.put(method + " " + pattern, status + (status / 100 == 2 ? "" : " " + lastDetail));
        if (Boolean.getBoolean("fuzz.baselineOnly")) {
            return;
        }
        Set<String> parameters = new LinkedHashSet<>(query.keySet());
        parameters.addAll(optional.keySet());
        for (String name : parameters) {
            for (String value : HOSTILE_QUERY) {
                Map<String, String> changed = new LinkedHashMap<>(query);
                changed.put(name, value);
                send(method, target, changed, body);
            }
        }
        if (body == null) {
            return;
        }
        sendForm(method, target, "%zz"); // a form, malformed, where JSON is expected
        sendForm(method, target, "a=%00");
        List<List<Object>> fields = fields(body, new ArrayList<>(), 0);
        fields.sort(java.util.Comparator.comparingInt(List::size));
        for (List<Object> field : fields.subList(0, Math.min(MAX_FIELDS, fields.size()))) {
            for (JsonNode value : hostileValues()) {
                send(method, target, query, with(body, field, value));
            }
        }
        ObjectNode nulKey = body.isObject() ? ((ObjectNode) body).deepCopy() : NODES.objectNode();
        nulKey.put("\u0000", "x");
        send(method, target, query, nulKey);
        for (JsonNode wrong : List.of(NODES.arrayNode(), NODES.stringNode("x"), NODES.numberNode(1), NODES.nullNode())) {
            send(method, target, query, wrong);
        }
    }

    /** What GET answers at the address, as the body to PUT back (its 'settings' when it has them). */
    JsonNode asRead(String target, JsonNode fallback) {
        Http.Response r = api.get(target);
        if (r.status() != 200 || !r.body().startsWith("{")) {
            return fallback;
        }
        JsonNode read = r.json();
        return read.path("settings").isObject() ? read.get("settings") : read;
    }

    void sendForm(String method, String target, String form) {
        Http.Response r = api.send(method, target, "application/x-www-form-urlencoded", form, Map.of());
        sent++;
        if (r.status() >= 500 || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(method + " " + target + " form " + form + " answered " + r.status() + " as " + r.contentType());
        }
    }

    int send(String method, String target, Map<String, String> query, JsonNode body) {
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String address = q.isEmpty() ? target : target + "?" + q;
        Http.Response r = api.send(method, address, body == null ? null : "application/json",
                body == null ? null : body.toString(), Map.of());
        sent++;
        lastDetail = r.status() / 100 == 2 ? "" : abbreviate(r.body());
        String what = method + " " + abbreviate(address) + (body == null ? "" : " " + abbreviate(body.toString()));
        if (r.status() >= 500) {
            failures.add(what + " answered " + r.status() + ": " + abbreviate(r.body()));
        } else if (r.status() >= 400 && r.status() != 405 && r.status() != 406
                && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(what + " answered " + r.status() + " as " + r.contentType() + ", not a problem document");
        }
        return r.status();
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

    /** A valid-ish value for a schema: real ids and codes for the fields that name them. */
    JsonNode example(String name, JsonNode schema, JsonNode schemas, int depth) {
        schema = resolve(schema, schemas);
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    for (var property : schema.path("properties").properties()) {
                        object.set(property.getKey(), example(property.getKey(), property.getValue(), schemas, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 3) {
                    array.add(example(singular(name), schema.path("items"), schemas, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "number" -> {
                return NODES.numberNode(10);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.stringNode(exampleText(name, schema));
            }
        }
    }

    String exampleText(String name, JsonNode schema) {
        String format = schema.path("format").asString("");
        String n = name == null ? "" : name.toLowerCase();
        Instant soon = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        if (format.equals("date") || n.endsWith("date") || n.equals("from") || n.equals("to") || n.equals("week")
                || n.endsWith("taken") || n.equals("day")) {
            return LocalDate.now().plusDays(3).toString();
        }
        if (n.startsWith("end")) {
            return soon.plus(2, ChronoUnit.HOURS).toString();
        }
        if (format.equals("date-time") || n.startsWith("start") || n.equals("at")) {
            return soon.toString();
        }
        if (n.endsWith("day")) {
            return LocalDate.now().plusDays(3).toString();
        }
        String known = KNOWN.get(n);
        if (known != null) {
            return known;
        }
        if (n.equals("clientid")) {
            return a.other().id().toString();
        }
        if (n.equals("practitionerid")) {
            return a.practitioner().toString();
        }
        if (n.equals("roomid")) {
            return a.room().toString();
        }
        if (n.equals("deviceid")) {
            return a.device().toString();
        }
        if (n.equals("treatment") || n.equals("code") || n.equals("treatmentcode")) {
            return ClinicRecords.TREATMENT;
        }
        if (format.equals("uuid") || n.endsWith("id")) {
            return java.util.UUID.randomUUID().toString();
        }
        if (format.equals("email") || n.contains("email")) {
            return "fuzz@example.com";
        }
        return "text";
    }

    /** A body read by hand is described in words: {@code Body: {"clientId", "treatment", ...}}. */
    JsonNode fromDescription(String description) {
        ObjectNode object = NODES.objectNode();
        Matcher m = QUOTED_FIELD.matcher(description);
        while (m.find()) {
            String field = m.group(1);
            if (field.equals("starts")) {
                object.set(field, NODES.arrayNode().add(exampleText("start", NODES.objectNode())));
            } else if (field.equals("sessions")) {
                object.put(field, 2);
            } else {
                object.put(field, exampleText(field, NODES.objectNode()));
            }
        }
        return object;
    }

    /** The paths of every field (object property or first array item) of a body, at most three deep. */
    static List<List<Object>> fields(JsonNode node, List<Object> at, int depth) {
        List<List<Object>> found = new ArrayList<>();
        if (depth > 3) {
            return found;
        }
        if (node.isObject()) {
            for (var property : node.properties()) {
                List<Object> path = new ArrayList<>(at);
                path.add(property.getKey());
                found.add(path);
                found.addAll(fields(property.getValue(), path, depth + 1));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> path = new ArrayList<>(at);
            path.add(0);
            found.add(path);
            found.addAll(fields(node.get(0), path, depth + 1));
        }
        return found;
    }

    static JsonNode with(JsonNode body, List<Object> path, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        }
        return copy;
    }

    static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        for (int i = 0; i < 5 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asString();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.has("allOf") && !schema.has("properties")) {
            return resolve(schema.get("allOf").get(0), schemas);
        }
        if (schema.has("oneOf")) {
            return resolve(schema.get("oneOf").get(0), schemas);
        }
        return schema;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        return "string";
    }

    static String singular(String name) {
        return name == null ? null : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String shown = s.replace("\u0000", "\\0");
        return shown.length() > 160 ? shown.substring(0, 160) + "…" : shown;
    }
}

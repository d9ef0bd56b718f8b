package com.clearskin.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every address the running application answers, read from its handler mappings, and how to fill
 * an address's variables with the ids of a clinic's real records: the table a variable points at is
 * found from its name ({@code clientId}) or the segment before it ({@code /rooms/{id}}), among the
 * tables that have {@code clinic_id} and {@code id}, so that a new endpoint over a new table is
 * covered without changing the tests.
 */
public final class Endpoints {

    /** One method at one address, and the controller method that answers it. */
    public record Endpoint(String method, String pattern, HandlerMethod handler) {
        public boolean api() {
            return pattern.startsWith("/api/");
        }

        public boolean page() {
            return pattern.startsWith("/app/") || pattern.equals("/app");
        }

        public List<String> variables() {
            return variablesOf(pattern);
        }

        public boolean namesAClinic() {
            return variables().contains("slug");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** What a variable of an address stands for. */
    public enum Kind {
        /** The clinic's slug. */
        CLINIC,
        /** A row of a clinic-owned table. */
        RECORD,
        /** A row of a clinic-owned table that belongs to one client (the client table or one with client_id). */
        CLIENT_RECORD,
        /** A treatment code: the same codes exist in every clinic, so a code proves nothing about a clinic. */
        SHARED_CODE,
        /** Nothing known: filled with a random UUID and reported. */
        UNKNOWN
    }

    public record Variable(String name, Kind kind, String table) {
    }

    static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)(?::[^}]*)?}");
    private static final List<String> SENT_WITHOUT_METHOD = List.of("GET", "POST");

    private final List<Endpoint> all;
    private final JdbcClient jdbc;
    private final Map<String, Set<String>> clinicTables = new LinkedHashMap<>();

    public Endpoints(RequestMappingHandlerMapping mapping, JdbcClient jdbc) {
        this.jdbc = jdbc;
        List<Endpoint> found = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> declared = e.getKey().getMethodsCondition().getMethods();
            List<String> methods = declared.isEmpty() ? SENT_WITHOUT_METHOD
                    : declared.stream().map(Enum::name).filter(m -> !m.equals("HEAD") && !m.equals("OPTIONS")).toList();
            for (String pattern : e.getKey().getPatternValues()) {
                for (String method : methods) {
                    found.add(new Endpoint(method, pattern, e.getValue()));
                }
            }
        }
        found.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method)
                .thenComparing(e -> e.handler().toString()));
        this.all = List.copyOf(found);
        jdbc.sql("""
                select c.table_name, c2.column_name from information_schema.columns c
                join information_schema.columns c2 on c2.table_schema = c.table_schema and c2.table_name = c.table_name
                join information_schema.columns c3 on c3.table_schema = c.table_schema and c3.table_name = c.table_name
                where c.table_schema = current_schema() and c.column_name = 'clinic_id' and c3.column_name = 'id'
                order by c.table_name""")
                .query(rs -> {
                    clinicTables.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
                });
    }

    public List<Endpoint> all() {
        return all;
    }

    /** What the variable {@code name} of {@code pattern} stands for. */
    public Variable variable(String pattern, String name) {
        if (name.equals("slug")) {
            return new Variable(name, Kind.CLINIC, null);
        }
        String noun = noun(pattern, name);
        if (noun == null) {
            return new Variable(name, Kind.UNKNOWN, null);
        }
        if (noun.startsWith("treatment")) {
            return new Variable(name, Kind.SHARED_CODE, null);
        }
        String table = table(noun);
        if (table == null) {
            return new Variable(name, Kind.UNKNOWN, null);
        }
        boolean ofAClient = table.equals("client") || clinicTables.get(table).contains("client_id");
        return new Variable(name, ofAClient ? Kind.CLIENT_RECORD : Kind.RECORD, table);
    }

    /**
     * The id of a record of the clinic in the variable's table; with {@code notOf} set, one that
     * does not belong to that client. A random UUID when the clinic has none.
     */
    public String idIn(Variable variable, UUID clinic, UUID notOf) {
        if (variable.table() == null) {
            return UUID.randomUUID().toString();
        }
        String exclude = "";
        if (notOf != null) {
            exclude = variable.table().equals("client") ? " and id <> :self"
                    : clinicTables.get(variable.table()).contains("client_id") ? " and client_id <> :self" : "";
        }
        // The table name comes from information_schema, never from input.
        var spec = jdbc.sql("select id::text from " + variable.table() + " where clinic_id = :clinic" + exclude
                + " order by id limit 1").param("clinic", clinic);
        if (!exclude.isEmpty()) {
            spec = spec.param("self", notOf);
        }
        return spec.query(String.class).optional().orElse(UUID.randomUUID().toString());
    }

    /** {@code clientId} names the client; {@code id} and {@code code} the segment before them ({@code /rooms/{id}}). */
    static String noun(String pattern, String name) {
        if (name.endsWith("Id") && name.length() > 2) {
            return name.substring(0, name.length() - 2).replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
        }
        String[] segments = pattern.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{" + name) && !segments[i - 1].startsWith("{")) {
                return segments[i - 1].replace('-', '_').toLowerCase();
            }
        }
        return null;
    }

    private String table(String noun) {
        String one = noun.endsWith("ies") ? noun.substring(0, noun.length() - 3) + "y"
                : noun.endsWith("sses") ? noun.substring(0, noun.length() - 2)
                : noun.endsWith("s") && !noun.endsWith("ss") ? noun.substring(0, noun.length() - 1) : noun;
        if (clinicTables.containsKey(one)) {
            return one;
        }
        return clinicTables.keySet().stream().filter(t -> t.endsWith("_" + one)).findFirst()
                .or(() -> clinicTables.keySet().stream().filter(t -> t.startsWith(one + "_")).findFirst())
                .orElse(null);
    }

    /** The names of an address's variables, in order. */
    public static List<String> variablesOf(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The address with each variable replaced. */
    public static String fill(String pattern, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

package com.clearskin.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two pragmatic source checks: SQL is never built from input (every {@code .sql(...)} argument is
 * text, or text joined only with constants; values go in as parameters), and no template prints
 * unescaped text ({@code th:utext}, {@code [(...)]}), so that anything a person typed shows as text.
 */
class SafeSourcesTest {

    static final Path MAIN = Path.of("src/main/java");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern SQL_CALL = Pattern.compile("\\.sql\\(");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)*");

    /**
     * Statements reviewed by hand: they join only names and fragments written in the code (a table
     * chosen from two constants, a where clause of fixed fragments whose values go in as parameters),
     * never anything a request carries. File, the start of the finding, and why it is safe.
     */
    static final List<String[]> REVIEWED = List.of(
            new String[] {"resources/ResourceSnapshots.java", "joins 'table'", "table is practitioner_shift or practitioner_break"},
            new String[] {"resources/ClinicResources.java", "joins 'table'", "table is one of the fixed hour tables"},
            new String[] {"resources/ClinicResources.java", "joins 'sql'", "sql names a fixed hour table and its columns; values are parameters"},
            new String[] {"audit/AuditLog.java", "formats text into SQL", "the where clause joins fixed fragments; filter values are parameters"},
            new String[] {"waitlist/Waitlist.java", "joins 'sql'", "exists(...) is called with fixed statements only"},
            new String[] {"accounts/PasswordResets.java", "for update of r", "a fixed locking clause, or none"},
            new String[] {"calendar/CalendarFeeds.java", "formats text into SQL",
                "the subject column is a.practitioner_id or a.client_id, by the feed's kind"},
            new String[] {"calendar/CalendarFeeds.java", "joins 'sql'", "one of two fixed statements, by the feed's kind"});

    static boolean reviewed(String finding) {
        return REVIEWED.stream().anyMatch(r -> finding.replace('\\', '/').contains(r[0]) && finding.contains(r[1]));
    }

    @Test
    void sqlIsNeverConcatenatedFromAnythingButTextAndConstants() throws IOException {
        List<String> unsafe = new ArrayList<>();
        int calls = 0;
        for (Path file : files(MAIN, ".java")) {
            String source = Files.readString(file);
            Matcher m = SQL_CALL.matcher(source);
            while (m.find()) {
                calls++;
                String argument = argument(source, m.end());
                List<String> parts = operands(argument);
                for (String part : parts) {
                    String p = part.strip();
                    boolean text = p.startsWith("\"");
                    if (!text && !CONSTANT.matcher(p).matches()) {
                        String finding = file + ": .sql(" + abbreviate(argument) + ") joins '" + abbreviate(p) + "'";
                        if (!reviewed(finding)) {
                            unsafe.add(finding);
                        }
                    }
                }
                if (argument.contains(".formatted(") || argument.contains("String.format(")) {
                    String finding = file + ": .sql(" + abbreviate(argument) + ") formats text into SQL";
                    if (!reviewed(finding)) {
                        unsafe.add(finding);
                    }
                }
            }
        }
        assertThat(calls).as("SQL statements found").isGreaterThan(20);
        assertThat(unsafe).as("SQL built from something that may hold input: pass values with .param(...)").isEmpty();
    }

    @Test
    void aReviewedStatementIsKnownByFileAndFinding() {
        assertThat(reviewed("src/main/java/com/clearskin/audit/AuditLog.java: .sql(x) formats text into SQL")).isTrue();
        assertThat(reviewed("src/main/java/com/clearskin/clients/Clients.java: .sql(x) joins 'name'")).isFalse();
    }

    @Test
    void theCheckFindsConcatenatedInput() {
        assertThat(operands("\"select * from client where name = '\" + name + \"'\"")).contains(" name ");
        assertThat(operands("\"\"\"\n select 1 + 2 \"\"\"")).hasSize(1);
        assertThat(operands("\"select \" + COLUMNS + \" from x\"")).containsExactly("\"select \" ", " COLUMNS ",
                " \" from x\"");
    }

    static final String STRUCTURED_DATA = "<script type=\"application/ld+json\" th:utext=\"${jsonLd}\"></script>";

    @Test
    void noTemplatePrintsUnescapedText() throws IOException {
        List<String> unescaped = new ArrayList<>();
        for (Path file : files(TEMPLATES, ".html")) {
            // the one reviewed exception: schema.org JSON-LD, built as a Jackson tree by directory.StructuredData with
            // every <, > and & written as a JSON escape (StructuredDataTest), which HTML escaping would break
            String html = Files.readString(file).replace(STRUCTURED_DATA, "");
            if (html.contains("th:utext") || html.contains("[(")) {
                unescaped.add(file.toString());
            }
        }
        assertThat(unescaped).isEmpty();
    }

    /** The text of a call's argument list, up to its closing parenthesis, skipping string literals and text blocks. */
    static String argument(String source, int start) {
        int depth = 1;
        int i = start;
        while (i < source.length() && depth > 0) {
            if (source.startsWith("\"\"\"", i)) {
                i = source.indexOf("\"\"\"", i + 3) + 3;
                continue;
            }
            char c = source.charAt(i);
            if (c == '"') {
                i = endOfString(source, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            i++;
        }
        return source.substring(start, i - 1);
    }

    /** The operands of the top-level + in an expression, literals kept whole. */
    static List<String> operands(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        int i = 0;
        while (i < expression.length()) {
            if (expression.startsWith("\"\"\"", i)) {
                i = expression.indexOf("\"\"\"", i + 3) + 3;
                continue;
            }
            char c = expression.charAt(i);
            if (c == '"') {
                i = endOfString(expression, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '+' && depth == 0) {
                parts.add(expression.substring(from, i));
                from = i + 1;
            }
            i++;
        }
        parts.add(expression.substring(from));
        return parts;
    }

    private static int endOfString(String s, int quote) {
        int i = quote + 1;
        while (i < s.length() && s.charAt(i) != '"') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
    }
}

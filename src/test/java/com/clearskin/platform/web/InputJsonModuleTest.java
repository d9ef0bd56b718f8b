package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.recommendation.RuleSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON input rules, once for every type a value is read into, and how a refusal names its field. */
class InputJsonModuleTest {

    record Visit(String note, List<String> tags, Map<String, Integer> counts, LocalDate day, Instant start,
            Inner inner) {
    }

    record Inner(String name, Object anything) {
    }

    final JsonMapper json = JsonMapper.builder().addModule(new InputJsonModule()).build();

    Violation refusal(String body, Class<?> type) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> json.readValue(body, type));
        assertThat(e).as(body).isNotNull();
        List<Violation> violations = JsonProblems.violations(e);
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    @Test
    void aNulInATextFieldIsRefusedNamingTheField() {
        assertThat(refusal("{\"note\": \"a\\u0000b\"}", Visit.class))
                .isEqualTo(new Violation("note", "must not contain a NUL character"));
        assertThat(refusal("{\"tags\": [\"ok\", \"\\u0000\"]}", Visit.class).field()).isEqualTo("tags[1]");
        assertThat(refusal("{\"inner\": {\"name\": \"\\u0000\"}}", Visit.class).field()).isEqualTo("inner.name");
    }

    @Test
    void aNulInAnObjectKeyIsRefused() {
        assertThat(refusal("{\"counts\": {\"a\\u0000\": 1}}", Visit.class).reason())
                .isEqualTo("must not contain a NUL character");
        assertThat(refusal("{\"inner\": {\"anything\": {\"k\": [\"\\u0000\"]}}}", Visit.class).field())
                .isEqualTo("inner.anything");
    }

    @Test
    void aNulInATreeReadByHandIsRefusedWithItsPath() {
        JacksonException e = catchThrowableOfType(JacksonException.class,
                () -> json.readTree("{\"clientId\": \"x\", \"treatment\": \"a\\u0000\"}"));
        assertThat(JsonProblems.violations(e)).containsExactly(new Violation("treatment", "must not contain a NUL character"));
        JacksonException key = catchThrowableOfType(JacksonException.class, () -> json.readTree("{\"a\": {\"\\u0000\": 1}}"));
        assertThat(JsonProblems.violations(key).get(0).field()).isEqualTo("a");
        assertThat(json.readTree("{\"note\": \"\\\\u0000 is fine as text\"}").get("note").asString())
                .isEqualTo("\\u0000 is fine as text");
    }

    @Test
    void aDateOutsideTheSaneYearsIsRefusedNamingTheField() {
        assertThat(refusal("{\"day\": \"+999999999-12-31\"}", Visit.class))
                .isEqualTo(new Violation("day", "must be a date from 1900 to 2200"));
        assertThat(refusal("{\"start\": \"+999999999-12-31T23:59:59Z\"}", Visit.class).field()).isEqualTo("start");
        assertThat(json.readValue("{\"day\": \"2026-12-24\"}", Visit.class).day()).isEqualTo(LocalDate.of(2026, 12, 24));
    }

    @Test
    void aHugeNumberIsRefusedNamingTheFieldAndTheRange() {
        Violation v = refusal("{\"counts\": {\"a\": 2147483648}}", Visit.class);
        assertThat(v.field()).isEqualTo("counts.a");
        assertThat(v.reason()).contains("out of range").doesNotContain("java.", "Exception");
    }

    @Test
    void aNullInsideASettingsMapNamesTheEntryNeverAClass() {
        Violation v = refusal("{\"minimumAge\": {\"botox\": null}}", RuleSettings.class);
        assertThat(v).isEqualTo(new Violation("minimumAge.botox", "must not be null"));
        Violation inList = refusal("{\"tags\": [null]}", Visit.class);
        assertThat(inList).isEqualTo(new Violation("tags[0]", "must not be null"));
    }

    @Test
    void noReasonNamesAJavaClassOrException() {
        for (String body : List.of("{\"inner\": 3}", "{\"tags\": {}}", "{\"day\": \"soon\"}", "{\"start\": 1.5e400}",
                "[1]", "{\"counts\": {\"a\": \"x\"}}")) {
            JacksonException e = catchThrowableOfType(JacksonException.class, () -> json.readValue(body, Visit.class));
            if (e == null) {
                continue;
            }
            Violation v = JsonProblems.violations(e).get(0);
            assertThat(v.reason()).as(body).doesNotContain("com.clearskin", "java.", "Exception", "`");
            assertThat(v.field()).as(body).doesNotContain("com.clearskin", "java.");
        }
        assertThat(JsonProblems.plain("Cannot construct instance of `com.clearskin.recommendation.RuleSettings`",
                "is not valid")).isEqualTo("is not valid");
        assertThat(JsonProblems.plain("java.lang.NullPointerException", "is not valid")).isEqualTo("is not valid");
        assertThat(JsonProblems.plain("must be 1-12", "is not valid")).isEqualTo("must be 1-12");
    }

    @Test
    void aPlainTextOrTreeStillReads() {
        JsonNode tree = json.readTree("{\"a\": [1, \"b\", null, {\"c\": \"d\"}]}");
        assertThat(tree.get("a").size()).isEqualTo(4);
        assertThat(json.readValue("{\"note\": \"Zoë 🧴\", \"tags\": [], \"inner\": {\"anything\": null}}", Visit.class)
                .note()).isEqualTo("Zoë 🧴");
    }
}

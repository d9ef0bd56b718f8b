package com.clearskin.recommendation.web;

import com.clearskin.assessment.MedicalFlag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consultation form as the browser sends it, every value a string. It becomes the assessment JSON
 * that the API takes, so that {@code AssessmentParser} checks both alike and says the same.
 */
public record ConsultationForm(String age, String skinType, String fitzpatrick, List<String> concerns, List<String> bodyAreas,
        List<String> causes, Map<String, String> medical, String isotretinoin, String isotretinoinDate,
        String retinoid, String retinoidDate, String budgetUsd, Map<String, String> severity, List<String> tried) {

    /** One value of the form, as a hidden field carries it. */
    public record Field(String name, String value) {
    }

    static final String YES = "yes";
    static final String NO = "no";
    static final String UNKNOWN = "unknown";
    static final String NEVER = "never";
    static final String DATE = "date";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");

    public ConsultationForm {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        bodyAreas = bodyAreas == null ? List.of() : List.copyOf(bodyAreas);
        causes = causes == null ? List.of() : List.copyOf(causes);
        Map<String, String> answers = new LinkedHashMap<>();
        for (MedicalFlag flag : MedicalFlag.values()) {
            String answer = medical == null ? null : medical.get(flag.field());
            answers.put(flag.field(), answer == null || answer.isBlank() ? UNKNOWN : answer.strip());
        }
        medical = java.util.Collections.unmodifiableMap(answers);
        isotretinoin = orUnknown(isotretinoin);
        retinoid = orUnknown(retinoid);
        Map<String, String> severities = new LinkedHashMap<>();
        if (severity != null) {
            severity.forEach((concern, level) -> {
                if (concern != null && level != null && !level.isBlank()) {
                    severities.put(concern, level.strip());
                }
            });
        }
        severity = java.util.Collections.unmodifiableMap(severities);
        tried = tried == null ? List.of() : List.copyOf(tried);
    }

    /** The severity chosen for a concern ("" when none: moderate). */
    public String severityOf(String concern) {
        return severity.getOrDefault(concern, "");
    }

    public boolean hasTried(String level) {
        return tried.contains(level);
    }

    /** A blank form: every medical answer "not sure". */
    static ConsultationForm empty() {
        return new ConsultationForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The form from the submitted parameters; names the page does not use are ignored. */
    static ConsultationForm read(MultiValueMap<String, String> params) {
        Map<String, String> medical = new LinkedHashMap<>();
        for (MedicalFlag flag : MedicalFlag.values()) {
            medical.put(flag.field(), params.getFirst(flag.field()));
        }
        return new ConsultationForm(params.getFirst("age"), params.getFirst("skinType"), params.getFirst("fitzpatrick"),
                nonBlank(params.get("concerns")), nonBlank(params.get("bodyAreas")), nonBlank(params.get("causes")),
                medical, params.getFirst("isotretinoin"), params.getFirst("isotretinoinDate"),
                params.getFirst("retinoid"), params.getFirst("retinoidDate"), params.getFirst("budgetUsd"),
                severities(params), nonBlank(params.get("tried")));
    }

    /** {@code severity.<concern>} parameters, by concern code. */
    private static Map<String, String> severities(MultiValueMap<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("severity.") && values != null && !values.isEmpty()) {
                out.put(name.substring("severity.".length()), values.get(0));
            }
        });
        return out;
    }

    /** The assessment JSON, values as typed: a number where one was given, otherwise the text, for the parser to judge. */
    JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode();
        putNumberOrText(json, "age", age, WHOLE_NUMBER);
        putText(json, "skinType", skinType);
        putNumberOrText(json, "fitzpatrick", fitzpatrick, WHOLE_NUMBER);
        json.set("concerns", array(concerns));
        json.set("bodyAreas", array(bodyAreas));
        json.set("causes", array(causes));
        ObjectNode answers = json.putObject("medical");
        medical.forEach((field, answer) -> {
            switch (answer) {
                case YES -> answers.put(field, true);
                case NO -> answers.put(field, false);
                case UNKNOWN -> answers.putNull(field);
                default -> answers.put(field, answer);
            }
        });
        answers.set("isotretinoinLastTaken", lastUse(isotretinoin, isotretinoinDate));
        answers.set("topicalRetinoidLastUsed", lastUse(retinoid, retinoidDate));
        String budget = budgetUsd == null ? null : budgetUsd.replaceAll("[\\s$,]", "");
        putNumberOrText(json, "budgetUsd", budget, AMOUNT);
        ObjectNode severities = json.putObject("severity");
        severity.forEach((concern, level) -> {
            if (concerns.contains(concern)) { // a severity left on an unticked concern is not an answer
                severities.put(concern, level);
            }
        });
        json.set("triedWithoutEnoughImprovement", array(tried));
        return json;
    }

    public boolean hasConcern(String code) {
        return concerns.contains(code);
    }

    public boolean hasBodyArea(String code) {
        return bodyAreas.contains(code);
    }

    public boolean hasCause(String code) {
        return causes.contains(code);
    }

    public String answer(String field) {
        return medical.get(field);
    }

    /** The form as name and value pairs, to carry the answers back to the form from the results page. */
    public List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        add(fields, "age", age);
        add(fields, "skinType", skinType);
        add(fields, "fitzpatrick", fitzpatrick);
        concerns.forEach(c -> add(fields, "concerns", c));
        bodyAreas.forEach(a -> add(fields, "bodyAreas", a));
        causes.forEach(c -> add(fields, "causes", c));
        medical.forEach((field, answer) -> add(fields, field, answer));
        add(fields, "isotretinoin", isotretinoin);
        add(fields, "isotretinoinDate", isotretinoinDate);
        add(fields, "retinoid", retinoid);
        add(fields, "retinoidDate", retinoidDate);
        add(fields, "budgetUsd", budgetUsd);
        severity.forEach((concern, level) -> add(fields, "severity." + concern, level));
        tried.forEach(t -> add(fields, "tried", t));
        return fields;
    }

    /** "never", a date (also when one was typed without choosing "on this date"), or unknown. */
    private static JsonNode lastUse(String choice, String date) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        boolean dated = date != null && !date.isBlank();
        if (NEVER.equals(choice)) {
            return f.stringNode(NEVER);
        }
        if (DATE.equals(choice) || dated) {
            return f.stringNode(date == null ? "" : date.strip());
        }
        if (UNKNOWN.equals(choice)) {
            return f.nullNode();
        }
        return f.stringNode(choice);
    }

    private static void putNumberOrText(ObjectNode json, String field, String value, Pattern number) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.strip();
        if (number == WHOLE_NUMBER && number.matcher(v).matches()) {
            json.put(field, Integer.parseInt(v));
        } else if (number.matcher(v).matches()) {
            json.put(field, new java.math.BigDecimal(v));
        } else {
            json.put(field, v);
        }
    }

    private static void putText(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value.strip());
        }
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static void add(List<Field> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(new Field(name, value));
        }
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.strip();
    }
}

package com.clearskin.clients.web;

import com.clearskin.assessment.MedicalFlag;
import com.clearskin.platform.InvalidInputException.Violation;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The staff intake form, as the browser sends it: every value text. It becomes the assessment JSON
 * that the API takes, so that the assessment parser checks a form exactly as it checks the API; a
 * value the form cannot turn into JSON is passed on as given, for the parser to name.
 */
public record IntakeForm(String age, String skinType, String fitzpatrick, List<String> concerns,
        List<String> bodyAreas, List<String> causes, Map<MedicalFlag, String> medical, String isotretinoinLastTaken,
        String isotretinoinLastTakenDate, String topicalRetinoidLastUsed, String topicalRetinoidLastUsedDate,
        String budgetUsd, Map<String, String> severity, List<String> tried) {

    /** A level of invasiveness a client may have tried, as the form names it. */
    public record TriedChoice(String code, String label) {
    }

    /** The levels the form asks about, least invasive first, in the words clients use. */
    public static final List<TriedChoice> TRIED = List.of(
            new TriedChoice("non-invasive", "Facials, extractions or light therapy"),
            new TriedChoice("superficial", "Light peels or microdermabrasion"),
            new TriedChoice("dermal", "Microneedling, medium peels or fractional laser"),
            new TriedChoice("ablative", "Laser resurfacing"));

    /** The last-use questions: the JSON field, the question, and how the form asks for the date. */
    public record LastUseQuestion(String field, String question) {
    }

    public static final List<LastUseQuestion> LAST_USE = List.of(
            new LastUseQuestion("isotretinoinLastTaken", "When did you last take isotretinoin (Accutane, Roaccutane)?"),
            new LastUseQuestion("topicalRetinoidLastUsed",
                    "When did you last use a retinoid cream or gel (tretinoin, adapalene, tazarotene)?"));

    static final String UNKNOWN = "unknown";
    static final String NEVER = "never";
    static final String ON_DATE = "date";

    public IntakeForm {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        bodyAreas = bodyAreas == null ? List.of() : List.copyOf(bodyAreas);
        causes = causes == null ? List.of() : List.copyOf(causes);
        EnumMap<MedicalFlag, String> answers = new EnumMap<>(MedicalFlag.class);
        for (MedicalFlag flag : MedicalFlag.values()) {
            String answer = medical == null ? null : medical.get(flag);
            answers.put(flag, answer == null || answer.isBlank() ? UNKNOWN : answer);
        }
        medical = answers;
        isotretinoinLastTaken = orUnknown(isotretinoinLastTaken);
        topicalRetinoidLastUsed = orUnknown(topicalRetinoidLastUsed);
        Map<String, String> severities = new java.util.LinkedHashMap<>();
        if (severity != null) {
            severity.forEach((concern, level) -> {
                if (concern != null && level != null && !level.isBlank()) {
                    severities.put(concern, level.strip());
                }
            });
        }
        severity = java.util.Collections.unmodifiableMap(severities);
        tried = tried == null ? List.of() : tried.stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    /** The severity chosen for a concern ("" when none: moderate). */
    public String severityOf(String concern) {
        return severity.getOrDefault(concern, "");
    }

    public boolean hasTried(String level) {
        return tried.contains(level);
    }

    /** The levels the form asks about ({@link #TRIED}), for the page. */
    public List<TriedChoice> triedChoices() {
        return TRIED;
    }

    /** A new intake: nothing chosen, every medical answer unknown until asked. */
    static IntakeForm blank() {
        return new IntakeForm("", "", "", List.of(), List.of(), List.of(), Map.of(), UNKNOWN, "", UNKNOWN, "", "",
                Map.of(), List.of());
    }

    /** The form filled in with an earlier assessment, for a client who updates their answers. */
    static IntakeForm of(com.clearskin.assessment.Assessment a) {
        Map<MedicalFlag, String> answers = new EnumMap<>(MedicalFlag.class);
        a.medical().forEach((flag, answer) -> answers.put(flag, answer.name().toLowerCase(java.util.Locale.ROOT)));
        return new IntakeForm(a.age() == null ? "" : a.age().toString(),
                a.skinType() == null ? "" : a.skinType().code(),
                a.fitzpatrick() == null ? "" : a.fitzpatrick().toString(),
                a.concerns().stream().map(c -> c.code()).toList(), a.bodyAreas().stream().map(b -> b.code()).toList(),
                a.causes().stream().map(c -> c.code()).toList(), answers,
                lastUseChoice(a.isotretinoinLastTaken()), lastUseDate(a.isotretinoinLastTaken()),
                lastUseChoice(a.topicalRetinoidLastUsed()), lastUseDate(a.topicalRetinoidLastUsed()),
                a.budgetUsd() == null ? "" : a.budgetUsd().toPlainString(),
                a.severity().entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().code(),
                        e -> e.getValue().code())),
                a.triedWithoutEnoughImprovement().stream().map(l -> l.code()).toList());
    }

    private static String lastUseChoice(com.clearskin.assessment.LastUse use) {
        return use == null || use.unknown() ? UNKNOWN : use.never() ? NEVER : ON_DATE;
    }

    private static String lastUseDate(com.clearskin.assessment.LastUse use) {
        return use == null || use.date() == null ? "" : use.date().toString();
    }

    /** The form as posted: each medical question is a radio group named by its JSON field. */
    static IntakeForm from(MultiValueMap<String, String> params) {
        Map<MedicalFlag, String> answers = new EnumMap<>(MedicalFlag.class);
        for (MedicalFlag flag : MedicalFlag.values()) {
            answers.put(flag, params.getFirst(flag.field()));
        }
        return new IntakeForm(params.getFirst("age"), params.getFirst("skinType"), params.getFirst("fitzpatrick"),
                params.get("concerns"), params.get("bodyAreas"), params.get("causes"), answers,
                params.getFirst("isotretinoinLastTaken"), params.getFirst("isotretinoinLastTakenDate"),
                params.getFirst("topicalRetinoidLastUsed"), params.getFirst("topicalRetinoidLastUsedDate"),
                params.getFirst("budgetUsd"), severities(params), params.get("tried"));
    }

    /** {@code severity.<concern>} parameters, by concern code. */
    private static Map<String, String> severities(MultiValueMap<String, String> params) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("severity.") && values != null && !values.isEmpty()) {
                out.put(name.substring("severity.".length()), values.get(0));
            }
        });
        return out;
    }

    /** The answer chosen for a medical question: yes, no or unknown. */
    public String answer(MedicalFlag flag) {
        return medical.get(flag);
    }

    /** The choice for a last-use question (date, never, unknown), and the date typed. */
    public String lastUse(String field) {
        return field.equals("isotretinoinLastTaken") ? isotretinoinLastTaken : topicalRetinoidLastUsed;
    }

    public String lastUseDate(String field) {
        String date = field.equals("isotretinoinLastTaken") ? isotretinoinLastTakenDate : topicalRetinoidLastUsedDate;
        return date == null ? "" : date;
    }

    /**
     * The assessment JSON of this form. What only the form can get wrong (a date chosen but not
     * given, or a date given with "never") is added to {@code violations}; the rest is the parser's.
     */
    ObjectNode toJson(List<Violation> violations) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        putNumber(json, "age", age, false);
        putText(json, "skinType", skinType);
        putNumber(json, "fitzpatrick", fitzpatrick, false);
        putList(json, "concerns", concerns);
        putList(json, "bodyAreas", bodyAreas);
        putList(json, "causes", causes);
        ObjectNode answers = json.putObject("medical");
        medical.forEach((flag, answer) -> answers.put(flag.field(), answer.strip()));
        for (LastUseQuestion q : LAST_USE) {
            lastUse(answers, q.field(), lastUse(q.field()), lastUseDate(q.field()), violations);
        }
        putNumber(json, "budgetUsd", budgetUsd, true);
        ObjectNode severities = json.putObject("severity");
        severity.forEach((concern, level) -> {
            if (concerns.contains(concern)) { // a severity left on an unticked concern is not an answer
                severities.put(concern, level);
            }
        });
        putList(json, "triedWithoutEnoughImprovement", tried);
        return json;
    }

    private static void lastUse(ObjectNode answers, String field, String choice, String date,
            List<Violation> violations) {
        boolean dated = date != null && !date.isBlank();
        switch (choice.strip()) {
            case NEVER -> {
                if (dated) {
                    violations.add(new Violation(field, "choose either “never” or a date, not both"));
                } else {
                    answers.put(field, NEVER);
                }
            }
            case ON_DATE, UNKNOWN -> {
                if (dated) {
                    answers.put(field, date.strip()); // a date typed is the answer, even if "on" was not ticked
                } else if (choice.strip().equals(ON_DATE)) {
                    violations.add(new Violation(field, "enter the date, or choose “never” or “not known”"));
                } else {
                    answers.putNull(field);
                }
            }
            default -> answers.put(field, choice); // not a choice the form offers: the parser names it
        }
    }

    private static void putText(ObjectNode json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value.strip());
        }
    }

    private static void putNumber(ObjectNode json, String field, String value, boolean decimal) {
        if (value == null || value.isBlank()) {
            return;
        }
        String text = value.strip();
        try {
            if (decimal) {
                json.put(field, new BigDecimal(text));
            } else {
                json.put(field, Long.parseLong(text));
            }
        } catch (NumberFormatException e) {
            json.put(field, text);
        }
    }

    private static void putList(ObjectNode json, String field, List<String> values) {
        ArrayNode array = json.putArray(field);
        values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> array.add(v.strip()));
    }

    private static String orUnknown(String choice) {
        return choice == null || choice.isBlank() ? UNKNOWN : choice;
    }

    /** The form field a parser field is shown next to: medical.epilepsy is epilepsy, concerns[2] is concerns. */
    static String formField(String field) {
        if (field.startsWith("severity.") || field.startsWith("triedWithoutEnoughImprovement")) {
            return field.startsWith("severity.") ? "severity" : "tried";
        }
        String name = field.startsWith("medical.") ? field.substring("medical.".length()) : field;
        int bracket = name.indexOf('[');
        return bracket < 0 ? name : name.substring(0, bracket);
    }
}

package com.clearskin.assessment;

import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.InvasivenessLevel;
import com.clearskin.catalog.SkinType;
import com.clearskin.platform.Coded;
import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads an assessment from JSON and checks every field, reporting all that are wrong at once by
 * name. Medical answers may sit at the top level or inside {@code "medical"}; a missing or null
 * answer is unknown. Unknown field names are refused, so that a misspelt medical question is never
 * silently read as unknown.
 */
public final class AssessmentParser {

    static final Set<String> FIELDS = Set.of("age", "skinType", "fitzpatrick", "concerns", "bodyAreas", "causes",
            "medical", "isotretinoinLastTaken", "topicalRetinoidLastUsed", "asOf", "budgetUsd", "jurisdiction",
            "severity", "triedWithoutEnoughImprovement");
    private static final Pattern JURISDICTION = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");
    private static final List<String> ROMAN = List.of("I", "II", "III", "IV", "V", "VI");
    static final int MAX_AGE = 120;
    static final BigDecimal MAX_BUDGET = new BigDecimal("10000000");

    private final List<Violation> violations = new ArrayList<>();
    private final LocalDate today;

    private AssessmentParser(LocalDate today) {
        this.today = today;
    }

    /** The assessment in {@code json}; {@code today} is the default for asOf and the limit for past dates. */
    public static Assessment parse(JsonNode json, LocalDate today) {
        return new AssessmentParser(today).read(json);
    }

    private Assessment read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object describing the assessment");
        }
        JsonNode medical = json.get("medical");
        if (medical != null && !medical.isNull() && !medical.isObject()) {
            violations.add(new Violation("medical", "must be an object of answers"));
            medical = null;
        }
        for (String name : json.propertyNames()) {
            if (!FIELDS.contains(name) && MedicalFlag.byField(name).isEmpty()) {
                violations.add(new Violation(name, "is not a field of an assessment"));
            }
        }
        if (medical != null && medical.isObject()) {
            for (String name : medical.propertyNames()) {
                if (MedicalFlag.byField(name).isEmpty() && !name.equals("isotretinoinLastTaken")
                        && !name.equals("topicalRetinoidLastUsed")) {
                    violations.add(new Violation("medical." + name, "is not a medical question of the assessment"));
                }
            }
        }
        LocalDate asOf = date("asOf", json.get("asOf"));
        if (asOf == null) {
            asOf = today;
        } else if (asOf.isBefore(LocalDate.of(1900, 1, 1)) || asOf.isAfter(today.plusYears(10))) {
            violations.add(new Violation("asOf", "must be a date between 1900 and ten years from now"));
        }
        Integer age = age(json.get("age"));
        SkinType skinType = code("skinType", json.get("skinType"), SkinType.class);
        Integer fitzpatrick = fitzpatrick(json.get("fitzpatrick"));
        List<Concern> concerns = codes("concerns", json.get("concerns"), Concern.class);
        List<BodyArea> areas = codes("bodyAreas", json.get("bodyAreas"), BodyArea.class);
        List<Cause> causes = codes("causes", json.get("causes"), Cause.class);
        Map<Concern, ConcernSeverity> severity = severity(json.get("severity"), concerns);
        List<InvasivenessLevel> tried = codes("triedWithoutEnoughImprovement", json.get("triedWithoutEnoughImprovement"),
                InvasivenessLevel.class);
        Map<MedicalFlag, Answer> answers = new EnumMap<>(MedicalFlag.class);
        for (MedicalFlag flag : MedicalFlag.values()) {
            answers.put(flag, answer(flag, json, medical));
        }
        LastUse isotretinoin = lastUse("isotretinoinLastTaken", json, medical, asOf);
        LastUse retinoid = lastUse("topicalRetinoidLastUsed", json, medical, asOf);
        BigDecimal budget = budget(json.get("budgetUsd"));
        String jurisdiction = jurisdiction(json.get("jurisdiction"));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Assessment(age, skinType, fitzpatrick, concerns, areas, causes, answers, isotretinoin, retinoid,
                asOf, budget, jurisdiction, severity, tried);
    }

    /**
     * {@code "severity": {"acne-scars": "severe"}}: a severity for some of the assessment's concerns
     * (the others are moderate). A key that is not among the concerns is refused by name, so that a
     * misspelt concern is never silently read as moderate.
     */
    private Map<Concern, ConcernSeverity> severity(JsonNode node, List<Concern> concerns) {
        Map<Concern, ConcernSeverity> severity = new EnumMap<>(Concern.class);
        if (absent(node)) {
            return severity;
        }
        if (!node.isObject()) {
            violations.add(new Violation("severity", "must be an object such as {\"acne-scars\": \"severe\"}"));
            return severity;
        }
        for (String key : node.propertyNames()) {
            String field = "severity." + key;
            Concern concern = Coded.find(Concern.class, key.strip()).orElse(null);
            if (concern == null || !concerns.contains(concern)) {
                violations.add(new Violation(field, "is not one of the assessment's concerns "
                        + concerns.stream().map(Coded::code).toList()));
                continue;
            }
            JsonNode value = node.get(key);
            if (absent(value)) {
                continue;
            }
            ConcernSeverity level = code(field, value, ConcernSeverity.class);
            if (level != null) {
                severity.put(concern, level);
            }
        }
        return severity;
    }

    private Integer age(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0 || node.asInt() > MAX_AGE) {
            violations.add(new Violation("age", "must be a whole number of years from 0 to " + MAX_AGE));
            return null;
        }
        return node.asInt();
    }

    private Integer fitzpatrick(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 1 && node.asInt() <= 6) {
            return node.asInt();
        }
        if (node.isString() && ROMAN.contains(node.asString().strip().toUpperCase())) {
            return ROMAN.indexOf(node.asString().strip().toUpperCase()) + 1;
        }
        violations.add(new Violation("fitzpatrick", "must be a Fitzpatrick skin type from 1 to 6"));
        return null;
    }

    private <E extends Enum<E> & Coded> E code(String field, JsonNode node, Class<E> type) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            violations.add(new Violation(field, "must be one of " + Coded.codes(type)));
            return null;
        }
        return Coded.find(type, node.asString().strip()).orElseGet(() -> {
            violations.add(new Violation(field, "'" + node.asString() + "' is not one of " + Coded.codes(type)));
            return null;
        });
    }

    private <E extends Enum<E> & Coded> List<E> codes(String field, JsonNode node, Class<E> type) {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            violations.add(new Violation(field, "must be a list of " + Coded.codes(type)));
            return List.of();
        }
        Set<E> values = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            if (absent(node.get(i))) {
                violations.add(new Violation(field + "[" + i + "]", "must be one of " + Coded.codes(type)));
                continue;
            }
            E value = code(field + "[" + i + "]", node.get(i), type);
            if (value != null) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /**
     * A medical answer, from the top level or from {@code medical}; given in both places, the two
     * must agree, so that a "yes" in one is never hidden by a "no" in the other.
     */
    private Answer answer(MedicalFlag flag, JsonNode top, JsonNode medical) {
        String field = flag.field();
        Answer flat = answer(field, top.get(field));
        Answer nested = medical == null ? null : answer("medical." + field, medical.get(field));
        if (flat != null && nested != null && flat != nested) {
            violations.add(new Violation(field, "is given both at the top level and in medical, with different "
                    + "answers"));
            return Answer.UNKNOWN;
        }
        return flat != null ? flat : nested != null ? nested : Answer.UNKNOWN;
    }

    /** The answer in {@code node}; null when it is absent or invalid (then reported under {@code field}). */
    private Answer answer(String field, JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isBoolean()) {
            return Answer.of(node.asBoolean());
        }
        if (node.isString()) {
            switch (node.asString().strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes":
                    return Answer.YES;
                case "false", "no":
                    return Answer.NO;
                case "unknown", "":
                    return Answer.UNKNOWN;
                default:
                    break;
            }
        }
        violations.add(new Violation(field, "must be true, false or null (unknown)"));
        return null;
    }

    /** As {@link #answer(MedicalFlag, JsonNode, JsonNode)}: from the top level or {@code medical}, agreeing. */
    private LastUse lastUse(String field, JsonNode top, JsonNode medical, LocalDate asOf) {
        JsonNode flat = top.get(field);
        JsonNode nested = medical == null ? null : medical.get(field);
        if (absent(flat)) {
            return lastUse(medical == null ? field : "medical." + field, nested, asOf);
        }
        LastUse use = lastUse(field, flat, asOf);
        if (!absent(nested) && !use.equals(lastUse("medical." + field, nested, asOf))) {
            violations.add(new Violation(field, "is given both at the top level and in medical, with different "
                    + "values"));
        }
        return use;
    }

    private LastUse lastUse(String field, JsonNode node, LocalDate asOf) {
        if (absent(node)) {
            return LastUse.UNKNOWN;
        }
        if (node.isString() && node.asString().strip().equalsIgnoreCase("never")) {
            return LastUse.NEVER;
        }
        if (node.isString() && node.asString().strip().equalsIgnoreCase("unknown")) {
            return LastUse.UNKNOWN;
        }
        LocalDate date = date(field, node);
        if (date == null) {
            return LastUse.UNKNOWN;
        }
        if (date.isAfter(asOf)) {
            violations.add(new Violation(field, "is in the future (" + date + " is after " + asOf + ")"));
            return LastUse.UNKNOWN;
        }
        return LastUse.on(date);
    }

    private LocalDate date(String field, JsonNode node) {
        if (absent(node)) {
            return null;
        }
        try {
            if (node.isString()) {
                return InputRules.saneDate(field, LocalDate.parse(node.asString().strip()));
            }
        } catch (InvalidInputException e) { // outside the sane years
            violations.addAll(e.violations());
            return null;
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(new Violation(field, "must be a date as YYYY-MM-DD"
                + (field.endsWith("LastTaken") || field.endsWith("LastUsed") ? ", \"never\" or null (unknown)" : "")));
        return null;
    }

    private BigDecimal budget(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        boolean finite = node.isNumber() && (!node.isFloatingPointNumber() || Double.isFinite(node.doubleValue()));
        if (!finite || node.decimalValue().signum() < 0 || node.decimalValue().compareTo(MAX_BUDGET) > 0) {
            violations.add(new Violation("budgetUsd", "must be an amount from 0 to " + MAX_BUDGET));
            return null;
        }
        return node.decimalValue();
    }

    private String jurisdiction(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString() || !JURISDICTION.matcher(node.asString().strip()).matches()) {
            violations.add(new Violation("jurisdiction", "must be an ISO 3166 code such as US-CA"));
            return null;
        }
        return node.asString().strip();
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}

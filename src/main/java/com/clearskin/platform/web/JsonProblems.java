package com.clearskin.platform.web;

import com.clearskin.platform.Coded;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What was wrong with a JSON body, in the words of its fields: the path of the field ({@code
 * minimumAge.botox}, {@code shifts[0].start}) and a plain reason. Never a Java class or exception name,
 * whatever Jackson or a constructor threw: those are for the log.
 */
final class JsonProblems {

    /** Something that reads as a qualified Java name ({@code com.clearskin.recommendation.RuleSettings}). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*\\.[A-Z][A-Za-z0-9_$]*"
            + "|Exception\\b|`");

    private JsonProblems() {
    }

    /**
     * The fields and reasons of the JSON problem in {@code e}'s causes: a constructor's own refusal
     * ({@link InvalidInputException}) with its fields under the path of the object it builds, else the
     * path and a plain reason of the first Jackson exception.
     */
    static List<Violation> violations(Throwable e) {
        JacksonException json = null;
        InvalidInputException invalid = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (json == null && cause instanceof JacksonException j) {
                json = j;
            }
            if (cause instanceof InvalidInputException i) {
                invalid = i;
                break;
            }
        }
        if (invalid != null) {
            String at = json == null ? "body" : pathOf(json);
            return invalid.violations().stream().map(v -> at.equals("body") ? v
                    : new Violation(at + "." + v.field(), v.reason())).toList();
        }
        if (json != null) {
            return List.of(new Violation(pathOf(json), reasonOf(json)));
        }
        return List.of(new Violation("body", "is missing or unreadable"));
    }

    /** The field as a JSON path: properties joined by dots, list items as {@code [i]}; the body itself is "body". */
    static String pathOf(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName().replace("\u0000", "\\u0000"));
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /** Why the value was refused, in words: what it must be, never the exception that said so. */
    static String reasonOf(JacksonException e) {
        if (e instanceof InputJsonModule.RefusedValueException) {
            return e.getOriginalMessage();
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InputCoercionException coercion) {
            return "is out of range; it must be " + describe(coercion.getTargetType());
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> target = format.getTargetType();
            if (target.isEnum()) {
                List<String> allowed = Arrays.stream(target.getEnumConstants())
                        .map(c -> c instanceof Coded coded ? coded.code() : c.toString()).toList();
                return "'" + format.getValue() + "' is not one of " + allowed;
            }
            if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
                return "'" + format.getValue() + "' is not a number";
            }
            return "'" + format.getValue() + "' is not valid; it must be " + describe(target);
        }
        if (e instanceof ValueInstantiationException) {
            return instantiationReason(e.getCause());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        if (e instanceof StreamReadException) {
            return plain("is not valid JSON: " + e.getOriginalMessage(), "is not valid JSON");
        }
        return plain(e.getOriginalMessage(), "is not valid");
    }

    /** A constructor's own refusal says what is wrong; anything else it threw is a value it cannot take. */
    private static String instantiationReason(Throwable cause) {
        if (cause instanceof InvalidInputException invalid && !invalid.violations().isEmpty()) {
            return invalid.violations().get(0).reason();
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return plain(cause.getMessage(), "is not valid");
        }
        return cause instanceof NullPointerException ? "must not hold null values" : "is not valid";
    }

    /** The message, or {@code otherwise} when it names a Java class or exception. */
    static String plain(String message, String otherwise) {
        return message == null || message.isBlank() || CLASS_NAME.matcher(message).find() ? otherwise : message;
    }

    /** What a value of the type looks like, in words. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
            return "a whole number" + range(type);
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-12-24";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date-time with an offset such as 2026-12-01T09:00:00-05:00";
        }
        if (type == LocalDateTime.class) {
            return "a date-time such as 2026-12-01T09:00";
        }
        if (type == LocalTime.class) {
            return "a time such as 09:30";
        }
        if (type == UUID.class) {
            return "an id";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c instanceof Coded coded ? coded.code() : c.toString()).toList();
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    private static String range(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return "";
    }
}

package com.clearskin.platform;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a JSON request body: bound to a record, or value by value, so that a wrong one is a 400
 * naming its field (rather than a binding error about the whole body): an object, then text, whole
 * numbers, numbers and flags.
 */
public final class JsonFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonFields() {
    }

    /** The body as a JSON object: 400 {@code body} when it is missing, not JSON or not an object. */
    public static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "is required (a JSON object)");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return node;
    }

    /**
     * The body bound to a record ({@code type}) by the application's mapper, so that its input rules
     * apply: 400 {@code body} when it is missing, not JSON or not an object; a value of the wrong
     * kind is a binding error that names its field (mapped once, in the error handling).
     */
    public static <T> T record(JsonMapper mapper, String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "is required (a JSON object)");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (StreamReadException e) { // a value a rule refuses is a DatabindException, named by the error handling
            throw new InvalidInputException("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return mapper.readValue(body, type);
    }

    /** A text field, null when absent; 400 when not text or holding a NUL character. */
    public static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(field, "must be text");
        }
        if (value.asString().indexOf('\u0000') >= 0) {
            throw new InvalidInputException(field, "must not contain the NUL character (U+0000)");
        }
        return value.asString();
    }

    /** A whole number, null when absent; 400 otherwise. */
    public static Integer integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidInputException(field, "must be a whole number");
        }
        return value.asInt();
    }

    /** A number, null when absent; 400 otherwise. */
    public static Double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidInputException(field, "must be a number");
        }
        return value.asDouble();
    }

    /** A required true or false. */
    public static boolean flag(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidInputException(field, "is required (true or false)");
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(field, "must be true or false");
        }
        return value.asBoolean();
    }
}

package com.clearskin.directory.web;

import com.clearskin.platform.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading a JSON body value by value, so that a wrong one is a 400 naming its field. */
final class JsonBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBodies() {
    }

    static JsonNode object(String body) {
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

    static String text(JsonNode body, String field) {
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

    static Double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidInputException(field, "must be a number");
        }
        return value.asDouble();
    }

    static boolean flag(JsonNode body, String field) {
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

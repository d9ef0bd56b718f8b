package com.clearskin.sessions;

import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The chart of a session: products by lot, devices with their settings, the skin's response
 * (erythema and edema 0-3), adverse events, SOAP notes, and the client's preferences for next time.
 */
public record Chart(List<Product> products, List<Device> devices, SkinResponse skinResponse,
        List<AdverseEvent> adverseEvents, Notes notes, Preferences preferences) {

    public record Product(String name, String lot, LocalDate expires) {
    }

    /** A device and its settings: a needle depth in mm, a peel's agent, strength and contact time, layers. */
    public record Device(String name, Map<String, Object> settings) {

        /** The settings as the chart form shows them: {@code name=value; name=value}. */
        public String settingsText() {
            return settings == null ? "" : settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
        }
    }

    public record SkinResponse(Integer erythema, Integer edema) {
    }

    public record AdverseEvent(String description, String severity) {
    }

    public record Notes(String subjective, String objective, String assessment, String plan) {
    }

    public record Preferences(String music, String aroma, String lighting, String pressure) {
        public boolean any() {
            return music != null || aroma != null || lighting != null || pressure != null;
        }
    }

    public static final List<String> SEVERITIES = List.of("mild", "moderate", "severe");
    static final int MAX_SHORT = 200;
    static final int MAX_LONG = 4000;
    private static final Set<String> FIELDS = Set.of("products", "devices", "skinResponse", "adverseEvents", "notes",
            "preferences");

    public static Chart empty() {
        return new Chart(List.of(), List.of(), new SkinResponse(null, null), List.of(),
                new Notes(null, null, null, null), new Preferences(null, null, null, null));
    }

    /**
     * The chart from its JSON, checked field by field against {@code today} (the clinic's date): an
     * expired lot is refused as {@code products[i].expires}; every wrong field is named at once.
     */
    public static Chart parse(JsonNode body, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object with the chart");
        }
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!FIELDS.contains(e.getKey())) {
                v.add(new Violation(e.getKey(), "is not a known field"));
            }
        }
        List<Product> products = new ArrayList<>();
        each(body, "products", v, (item, at) -> {
            String name = text(item, at + ".name", true, MAX_SHORT, v);
            String lot = text(item, at + ".lot", true, 100, v);
            LocalDate expires = date(item, at + ".expires", v);
            if (expires != null && expires.isBefore(today)) {
                v.add(new Violation(at + ".expires", "the lot expired on " + expires + ": it must not be used"));
            }
            products.add(new Product(name, lot, expires));
        });
        List<Device> devices = new ArrayList<>();
        each(body, "devices", v, (item, at) -> {
            String name = text(item, at + ".name", true, MAX_SHORT, v);
            devices.add(new Device(name, settings(item.get("settings"), at + ".settings", v)));
        });
        SkinResponse response = new SkinResponse(null, null);
        JsonNode skin = body.get("skinResponse");
        if (skin != null && !skin.isNull()) {
            if (!skin.isObject()) {
                v.add(new Violation("skinResponse", "must be an object with erythema and edema"));
            } else {
                response = new SkinResponse(grade(skin, "skinResponse.erythema", "erythema", v),
                        grade(skin, "skinResponse.edema", "edema", v));
            }
        }
        List<AdverseEvent> events = new ArrayList<>();
        each(body, "adverseEvents", v, (item, at) -> {
            String description = text(item, at + ".description", true, 2000, v);
            String severity = text(item, at + ".severity", true, 20, v);
            if (severity != null && !SEVERITIES.contains(severity)) {
                v.add(new Violation(at + ".severity", "must be one of " + SEVERITIES));
            }
            events.add(new AdverseEvent(description, severity));
        });
        JsonNode n = object(body, "notes", v);
        Notes notes = new Notes(text(n, "notes.subjective", false, MAX_LONG, v), text(n, "notes.objective", false, MAX_LONG, v),
                text(n, "notes.assessment", false, MAX_LONG, v), text(n, "notes.plan", false, MAX_LONG, v));
        JsonNode p = object(body, "preferences", v);
        Preferences preferences = new Preferences(text(p, "preferences.music", false, MAX_SHORT, v),
                text(p, "preferences.aroma", false, MAX_SHORT, v), text(p, "preferences.lighting", false, MAX_SHORT, v),
                text(p, "preferences.pressure", false, MAX_SHORT, v));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new Chart(products, devices, response, events, notes, preferences);
    }

    private interface Item {
        void read(JsonNode item, String at);
    }

    private static void each(JsonNode body, String field, List<Violation> v, Item reader) {
        JsonNode list = body.get(field);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            v.add(new Violation(field, "must be a list"));
            return;
        }
        if (list.size() > 50) {
            v.add(new Violation(field, "may hold at most 50 entries"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = field + "[" + i + "]";
            if (item == null || !item.isObject()) {
                v.add(new Violation(at, "must be an object"));
                continue;
            }
            reader.read(item, at);
        }
    }

    private static JsonNode object(JsonNode body, String field, List<Violation> v) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            v.add(new Violation(field, "must be an object"));
            return null;
        }
        return node;
    }

    private static String text(JsonNode node, String path, boolean required, int max, List<Violation> v) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isString() && value.asString().isBlank()) {
            if (required) {
                v.add(new Violation(path, "is required"));
            }
            return null;
        }
        if (!value.isString()) {
            v.add(new Violation(path, "must be text"));
            return null;
        }
        String text = value.asString().strip();
        if (text.length() > max) {
            v.add(new Violation(path, "must be at most " + max + " characters"));
            return null;
        }
        return text;
    }

    private static LocalDate date(JsonNode item, String path, List<Violation> v) {
        String text = text(item, path, true, 20, v);
        if (text == null) {
            return null;
        }
        try {
            return InputRules.saneDate(path, LocalDate.parse(text));
        } catch (InvalidInputException e) {
            v.addAll(e.violations());
        } catch (DateTimeParseException e) {
            v.add(new Violation(path, "must be a date YYYY-MM-DD"));
        }
        return null;
    }

    private static Integer grade(JsonNode skin, String path, String field, List<Violation> v) {
        JsonNode value = skin.get(field);
        if (value == null || value.isNull()) {
            v.add(new Violation(path, "is required: a grade from 0 (none) to 3 (severe)"));
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > 3) {
            v.add(new Violation(path, "must be a whole number from 0 to 3"));
            return null;
        }
        return value.asInt();
    }

    private static Map<String, Object> settings(JsonNode node, String path, List<Violation> v) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return settings;
        }
        if (!node.isObject()) {
            v.add(new Violation(path, "must be an object of settings, such as {\"depthMm\": 0.5}"));
            return settings;
        }
        if (node.size() > 30) {
            v.add(new Violation(path, "may hold at most 30 settings"));
            return settings;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            String at = path + "." + key;
            if (key.isBlank() || key.length() > 50) {
                v.add(new Violation(at, "a setting's name must be 1 to 50 characters"));
            } else if (value.isNumber()) {
                settings.put(key, value.decimalValue());
            } else if (value.isBoolean()) {
                settings.put(key, value.booleanValue());
            } else if (value.isString() && value.asString().length() <= MAX_SHORT) {
                settings.put(key, value.asString().strip());
            } else {
                v.add(new Violation(at, "must be a number, true or false, or text of at most " + MAX_SHORT + " characters"));
            }
        }
        return settings;
    }
}

package com.clearskin.followups.web;

import com.clearskin.followups.CheckIns;
import com.clearskin.followups.EscalationRule.WarningSign;
import com.clearskin.photos.Photos;
import com.clearskin.platform.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a check-in's answers (the portal's, the emailed link's, the form's), field by field: 400 naming the field. */
final class CheckInAnswers {

    static final int NOTE_MAX = 2000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CheckInAnswers() {
    }

    static JsonMapper json() {
        return JSON;
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "is required (a JSON object)");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidInputException("body", "must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "is not valid JSON");
        }
    }

    static CheckIns.Answers read(String body) {
        JsonNode node = parse(body);
        int redness = score(node, "redness", 3);
        int pain = score(node, "pain", 10);
        boolean peeling = flag(node, "peeling");
        boolean swelling = flag(node, "swelling");
        Set<WarningSign> signs = EnumSet.noneOf(WarningSign.class);
        JsonNode list = node.get("warningSigns");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new InvalidInputException("warningSigns", "is a list of pus, fever, spreading-redness, blisters, severe-pain");
            }
            for (JsonNode s : list) {
                signs.add(WarningSign.fromCode(s.isString() ? s.asString() : "").orElseThrow(() -> new InvalidInputException(
                        "warningSigns", "'" + s + "' is not one of pus, fever, spreading-redness, blisters, severe-pain")));
            }
        }
        JsonNode note = node.get("note");
        String text = null;
        if (note != null && !note.isNull()) {
            if (!note.isString() || note.asString().length() > NOTE_MAX) {
                throw new InvalidInputException("note", "is text of at most " + NOTE_MAX + " characters");
            }
            text = note.asString().isBlank() ? null : note.asString().strip();
        }
        return new CheckIns.Answers(redness, peeling, pain, swelling, signs, text);
    }

    /** The photo of a multipart request or form, or null when none was chosen. */
    static CheckIns.Photo photo(MultipartFile file, String area) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return CheckIns.Photo.of(file.getBytes(), area);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answers part of a multipart check-in: required, the same JSON object as the plain body. */
    static CheckIns.Answers multipart(String answers) {
        if (answers == null || answers.isBlank()) {
            throw new InvalidInputException("answers", "is required: the check-in's answers as a JSON object");
        }
        return read(answers);
    }

    /** Where a photo may have been taken, as the form offers it: code and words. */
    static List<String[]> areas() {
        return Photos.AREAS.stream().sorted()
                .map(a -> new String[] {a, Character.toUpperCase(a.charAt(0)) + a.substring(1).replace('-', ' ')}).toList();
    }

    private static int score(JsonNode node, String field, int max) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > max) {
            throw new InvalidInputException(field, "is a whole number from 0 to " + max);
        }
        return v.asInt();
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new InvalidInputException(field, "is true or false");
        }
        return v.asBoolean();
    }
}

package com.clearskin.followups.web;

import com.clearskin.followups.CheckIns;
import com.clearskin.followups.EscalationRule.WarningSign;
import com.clearskin.photos.Photos;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.JsonFields;
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

    /** A check-in's body as sent; {@link #answers(Body)} checks each value. */
    record Body(Integer redness, Boolean peeling, Integer pain, Boolean swelling, List<String> warningSigns, String note) {
    }

    /** The answers of a body built by a page from its form. */
    static CheckIns.Answers read(String body) {
        return read(JSON, body);
    }

    /** The answers of a JSON body, bound by {@code mapper} (the application's, for the API). */
    static CheckIns.Answers read(JsonMapper mapper, String body) {
        return answers(JsonFields.record(mapper, body, Body.class));
    }

    static CheckIns.Answers answers(Body in) {
        int redness = score(in.redness(), "redness", 3);
        int pain = score(in.pain(), "pain", 10);
        Set<WarningSign> signs = EnumSet.noneOf(WarningSign.class);
        if (in.warningSigns() != null) {
            for (String s : in.warningSigns()) {
                signs.add(WarningSign.fromCode(s == null ? "" : s).orElseThrow(() -> new InvalidInputException(
                        "warningSigns", "'" + s + "' is not one of pus, fever, spreading-redness, blisters, severe-pain")));
            }
        }
        String text = null;
        if (in.note() != null) {
            if (in.note().length() > NOTE_MAX) {
                throw new InvalidInputException("note", "is text of at most " + NOTE_MAX + " characters");
            }
            text = in.note().isBlank() ? null : in.note().strip();
        }
        return new CheckIns.Answers(redness, Boolean.TRUE.equals(in.peeling()), pain, Boolean.TRUE.equals(in.swelling()),
                signs, text);
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
    static CheckIns.Answers multipart(JsonMapper mapper, String answers) {
        if (answers == null || answers.isBlank()) {
            throw new InvalidInputException("answers", "is required: the check-in's answers as a JSON object");
        }
        return read(mapper, answers);
    }

    /** Where a photo may have been taken, as the form offers it: code and words. */
    static List<String[]> areas() {
        return Photos.AREAS.stream().sorted()
                .map(a -> new String[] {a, Character.toUpperCase(a.charAt(0)) + a.substring(1).replace('-', ' ')}).toList();
    }

    private static int score(Integer value, String field, int max) {
        if (value == null || value < 0 || value > max) {
            throw new InvalidInputException(field, "is a whole number from 0 to " + max);
        }
        return value;
    }
}

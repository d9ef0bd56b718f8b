package com.clearskin.platform;

import com.clearskin.platform.InvalidInputException.Violation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one parser of ids that requests carry (paths, parameters, form fields and JSON fields): the
 * canonical form only, 36 characters of hexadecimal digits and hyphens
 * ({@value #EXAMPLE}), surrounding blanks ignored. {@link UUID#fromString} alone also takes
 * {@code 1-1-1-1-1}; nothing here does. An id in a path that is not well formed is simply not
 * found (404); one in a field is a 400 that names the field.
 */
public final class Ids {

    /** An id as the messages show one. */
    public static final String EXAMPLE = "3f2b8c1e-5d4a-4c8e-9a7b-1e2d3c4b5a69";
    /** What a field's violation says. */
    public static final String REASON = "must be an id such as " + EXAMPLE;

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** The id, when {@code text} is one in canonical form; empty for null, blank or anything else. */
    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        return CANONICAL.matcher(value).matches() ? Optional.of(UUID.fromString(value)) : Optional.empty();
    }

    /** An id from a request's path: one that is not well formed is not found, with {@code notFound} as the message. */
    public static UUID orNotFound(String text, String notFound) {
        return parse(text).orElseThrow(() -> new NotFoundException(notFound));
    }

    /** A required id in a field: missing or malformed is a 400 naming {@code field}. */
    public static UUID required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return parse(text).orElseThrow(() -> new InvalidInputException(field, REASON));
    }

    /** An optional id in a field: blank is none; anything else must be an id, else a violation of {@code field}. */
    public static Optional<UUID> optional(String field, String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<UUID> id = parse(text);
        if (id.isEmpty()) {
            violations.add(new Violation(field, REASON));
        }
        return id;
    }
}

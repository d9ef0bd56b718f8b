package com.clearskin.platform;

import java.util.Map;

/**
 * The request collides with the current state (a stale revision, a taken slot). A conflict may name
 * its kind ({@code type}, the last part of the problem's type, such as {@code consent-required}) and
 * carry extra properties for the problem body (a refusal's reasons).
 */
public class ConflictException extends RuntimeException {

    private final String type;
    private final Map<String, Object> properties;

    public ConflictException(String message) {
        this("conflict", message, Map.of());
    }

    public ConflictException(String type, String message, Map<String, Object> properties) {
        super(message);
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    /** The kind of conflict, as the problem type's last segment: {@code conflict} unless named. */
    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

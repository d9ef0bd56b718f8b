package com.clearskin.platform;

import java.util.List;

/** Input that breaks a rule: each violation names the field (or parameter) and why. */
public class InvalidInputException extends RuntimeException {

    public record Violation(String field, String reason) {
    }

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.isEmpty() ? "Invalid input" : violations.get(0).field() + ": " + violations.get(0).reason());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}

package com.clearskin.accounts;

import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a new password must be. Plain Java, one method per rule; every way of setting a password
 * (registration, invitation, reset) goes through {@link #check}.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be refused by the hash, so it is refused here. */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Refuses the password with every reason, under the field {@code field}. */
    public static void check(String field, String email, String password) {
        List<Violation> violations = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
        if (!longEnough(password)) {
            violations.add(new Violation(field, "must be at least " + MIN_LENGTH + " characters"));
        }
        if (!fitsTheHash(password)) {
            violations.add(new Violation(field, "must be at most " + MAX_BYTES + " bytes (about " + MAX_BYTES
                    + " letters without accents)"));
        }
        if (!differsFromTheEmail(email, password)) {
            violations.add(new Violation(field, "must not be your email address or its name part"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    static boolean longEnough(String password) {
        return password.codePointCount(0, password.length()) >= MIN_LENGTH;
    }

    static boolean fitsTheHash(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    static boolean differsFromTheEmail(String email, String password) {
        if (email == null || email.isBlank()) {
            return true;
        }
        String normalizedEmail = email.strip().toLowerCase(Locale.ROOT);
        String candidate = password.strip().toLowerCase(Locale.ROOT);
        int at = normalizedEmail.indexOf('@');
        String localPart = at < 0 ? normalizedEmail : normalizedEmail.substring(0, at);
        return !candidate.equals(normalizedEmail) && !candidate.equals(localPart);
    }
}

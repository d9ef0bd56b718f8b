package com.clearskin.clients;

import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The command to add a client, as the API and the form send it: every value text, so that each
 * wrong one is reported by its field name instead of failing the whole request.
 */
public record NewClient(String firstName, String lastName, String email, String phone, String dateOfBirth) {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 30;
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9 +()\\-]+$");

    /** The client to store; every field is checked and all that are wrong are reported at once. */
    Client toClient(UUID id, LocalDate today, Instant now) {
        List<Violation> violations = new ArrayList<>();
        String first = name("firstName", firstName, violations);
        String last = name("lastName", lastName, violations);
        String mail = blankToNull(email);
        if (mail != null && (mail.length() > MAX_EMAIL || !EMAIL.matcher(mail).matches())) {
            violations.add(new Violation("email", "must be an email address such as name@example.com, or left empty"));
        }
        String tel = blankToNull(phone);
        if (tel != null && (tel.length() > MAX_PHONE || !PHONE.matcher(tel).matches() || tel.chars().noneMatch(Character::isDigit))) {
            violations.add(new Violation("phone", "must be up to " + MAX_PHONE
                    + " digits, spaces, +, -, ( and ), such as +1 (555) 010-0199, or left empty"));
        }
        LocalDate born = dateOfBirth(today, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Client(id, first, last, mail, tel, born, now);
    }

    private LocalDate dateOfBirth(LocalDate today, List<Violation> violations) {
        String text = blankToNull(dateOfBirth);
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text); // its own range: from 1900 to today
        } catch (DateTimeParseException e) {
            violations.add(new Violation("dateOfBirth", "must be a date as YYYY-MM-DD, or left empty"));
            return null;
        }
        if (date.isAfter(today)) {
            violations.add(new Violation("dateOfBirth", "is in the future (" + date + " is after " + today + ")"));
        } else if (date.isBefore(EARLIEST_BIRTH)) {
            violations.add(new Violation("dateOfBirth", "must be in 1900 or later"));
        }
        return date;
    }

    private static String name(String field, String value, List<Violation> violations) {
        String name = blankToNull(value);
        if (name == null) {
            violations.add(new Violation(field, "is required"));
        } else if (name.length() > MAX_NAME) {
            violations.add(new Violation(field, "must be at most " + MAX_NAME + " characters"));
        }
        return name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package com.clearskin.publicbooking;

import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InputRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules a booking on the public page passes before anything is written, one named method each,
 * in the words a client reads next to the field. Plain Java: the service loads the counts.
 */
public final class PublicBookingRules {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 30;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9 +()\\-.]+$");
    private static final Pattern RULE_ID = Pattern.compile("\\s*\\(rule [a-z0-9-]+\\)");

    private PublicBookingRules() {
    }

    /** What was sent, checked: each wrong field with a sentence (all of them at once). */
    record Checked(String treatment, Instant start, UUID practitionerId, String firstName, String lastName,
            String email, String phone, LocalDate dateOfBirth) {
    }

    /** Checks every field of the request; today is the clinic's local date. */
    static Checked check(PublicBookingRequest request, LocalDate today, List<Violation> violations) {
        if (request == null) {
            violations.add(new Violation("body", "Please fill in the booking form."));
            return null;
        }
        String treatment = treatmentIsChosen(request.treatment(), violations);
        Instant start = timeIsChosen(request.start(), violations);
        UUID practitioner = practitionerIsWellFormed(request.practitionerId(), violations);
        PublicBookingRequest.ClientDetails c = request.client() == null
                ? new PublicBookingRequest.ClientDetails(null, null, null, null, null) : request.client();
        String first = nameIsGiven("client.firstName", c.firstName(), "your first name", violations);
        String last = nameIsGiven("client.lastName", c.lastName(), "your last name", violations);
        String email = emailIsAnAddress(c.email(), violations);
        String phone = phoneIsANumber(c.phone(), violations);
        LocalDate born = birthDateIsPlausible(c.dateOfBirth(), today, violations);
        policyIsAccepted(request.acceptPolicy(), violations);
        honeypotIsEmpty(request.website(), violations);
        return new Checked(treatment, start, practitioner, first, last, email, phone, born);
    }

    static String treatmentIsChosen(String treatment, List<Violation> violations) {
        if (treatment == null || treatment.isBlank()) {
            violations.add(new Violation("treatment", "Please choose a treatment."));
            return null;
        }
        return treatment.strip();
    }

    static Instant timeIsChosen(String start, List<Violation> violations) {
        if (start == null || start.isBlank()) {
            violations.add(new Violation("start", "Please choose a time."));
            return null;
        }
        try {
            Instant at = java.time.OffsetDateTime.parse(start.strip()).toInstant();
            if (!InputRules.isSaneInstant(at)) {
                violations.add(new Violation("start", "Please choose a time from the list of free times."));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            violations.add(new Violation("start", "Please choose a time from the list of free times."));
            return null;
        }
    }

    static UUID practitionerIsWellFormed(String id, List<Violation> violations) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return com.clearskin.platform.Ids.parse(id.strip()).orElseGet(() -> {
            violations.add(new Violation("practitionerId", "Please choose a practitioner from the list, or any."));
            return null;
        });
    }

    static String nameIsGiven(String field, String name, String what, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation(field, "Please enter " + what + "."));
            return null;
        }
        if (name.strip().length() > MAX_NAME) {
            violations.add(new Violation(field, "Please shorten " + what + " to at most " + MAX_NAME + " characters."));
            return null;
        }
        return name.strip();
    }

    /** An email address, lower-cased: the same person whatever the case they type. */
    static String emailIsAnAddress(String email, List<Violation> violations) {
        if (email == null || email.isBlank()) {
            violations.add(new Violation("client.email", "Please enter your email address: we send the confirmation there."));
            return null;
        }
        String mail = email.strip().toLowerCase(Locale.ROOT);
        if (mail.length() > MAX_EMAIL || !EMAIL.matcher(mail).matches()) {
            violations.add(new Violation("client.email", "Please enter an email address such as name@example.com."));
            return null;
        }
        return mail;
    }

    static String phoneIsANumber(String phone, List<Violation> violations) {
        if (phone == null || phone.isBlank()) {
            violations.add(new Violation("client.phone", "Please enter a phone number, in case the clinic needs to reach you."));
            return null;
        }
        String tel = phone.strip();
        if (tel.length() > MAX_PHONE || !PHONE.matcher(tel).matches() || tel.chars().filter(Character::isDigit).count() < 7) {
            violations.add(new Violation("client.phone", "Please enter a phone number such as +1 (555) 010-0199."));
            return null;
        }
        return tel;
    }

    static LocalDate birthDateIsPlausible(String date, LocalDate today, List<Violation> violations) {
        if (date == null || date.isBlank()) {
            violations.add(new Violation("client.dateOfBirth", "Please enter your date of birth: some treatments have a minimum age."));
            return null;
        }
        LocalDate born;
        try {
            born = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation("client.dateOfBirth", "Please enter your date of birth as year-month-day, such as 1990-04-21."));
            return null;
        }
        if (born.isAfter(today) || born.isBefore(LocalDate.of(1900, 1, 1))) {
            violations.add(new Violation("client.dateOfBirth", "Please check your date of birth: it must lie between 1900 and today."));
            return null;
        }
        return born;
    }

    static void policyIsAccepted(Boolean accepted, List<Violation> violations) {
        if (!Boolean.TRUE.equals(accepted)) {
            violations.add(new Violation("acceptPolicy", "Please read and accept the clinic's cancellation policy to book."));
        }
    }

    /** The honeypot: a field people never see, so never fill; a bot fills every field. */
    static void honeypotIsEmpty(String website, List<Violation> violations) {
        if (website != null && !website.isEmpty()) {
            violations.add(new Violation("website", "Please leave this field empty."));
        }
    }

    /** Whether this email may hold another time: fewer than {@code max} unconfirmed holds. */
    static boolean holdsBelowLimit(int unconfirmed, int max) {
        return unconfirmed < max;
    }

    /** Whether another booking fits within the last hour's limit. */
    static boolean withinHourlyLimit(int lastHour, int max) {
        return lastHour < max;
    }

    /** The password policy's reasons as one sentence: "Please choose another password: it must be ...". */
    static String passwordSentence(com.clearskin.platform.InvalidInputException refused) {
        return "Please choose another password: it " + String.join(" and it ", refused.violations().stream()
                .map(v -> v.reason()).toList()) + ".";
    }

    /** A rule's message as a client reads it: without the rule's code in brackets. */
    static String plain(String message) {
        return message == null ? null : RULE_ID.matcher(message).replaceAll("");
    }
}

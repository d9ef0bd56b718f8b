package com.clearskin.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;

/** A person a clinic treats: who they are and how to reach them. Health answers live in their assessments. */
public record Client(UUID id, String firstName, String lastName, String email, String phone, LocalDate dateOfBirth,
        Instant createdAt) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    /** Whole years of age on {@code date}; empty without a date of birth or for a date before it. */
    public Optional<Integer> ageOn(LocalDate date) {
        if (dateOfBirth == null || date == null || date.isBefore(dateOfBirth)) {
            return Optional.empty();
        }
        return Optional.of(Period.between(dateOfBirth, date).getYears());
    }
}

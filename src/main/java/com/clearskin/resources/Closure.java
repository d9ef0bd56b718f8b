package com.clearskin.resources;

import java.time.LocalDate;
import java.util.UUID;

/** Days the clinic is closed, inclusive local dates, with why. */
public record Closure(UUID id, LocalDate firstDay, LocalDate lastDay, String reason) {
}

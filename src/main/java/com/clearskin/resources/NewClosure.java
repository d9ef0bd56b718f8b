package com.clearskin.resources;

/** The command to close the clinic from {@code firstDay} to {@code lastDay} (YYYY-MM-DD, inclusive). */
public record NewClosure(String firstDay, String lastDay, String reason) {
}

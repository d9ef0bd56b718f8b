package com.clearskin.platform;

/** Reads an {@code If-Match} header that carries a revision number as its ETag ({@code "3"}). */
public final class IfMatch {

    private IfMatch() {
    }

    /** The revision the client edited from, or null when it sent none (or {@code *}). */
    public static Integer revision(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Integer.parseInt(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the ETag this resource was read with, such as \"3\"");
        }
    }
}

package com.clearskin.publicbooking;

import tools.jackson.databind.JsonNode;

/**
 * A new client's booking on the clinic's public page, as the API and the form send it: every value
 * text, so that each wrong one is refused by its field name. {@code assessment} is the short intake
 * (the consultation's answers; unknown allowed), {@code password} is optional: with it, confirming
 * the email also opens the client's account. {@code website} is the form's honeypot: people leave it
 * empty.
 */
public record PublicBookingRequest(String treatment, String start, String practitionerId, ClientDetails client,
        JsonNode assessment, Boolean acceptPolicy, String password, String website) {

    /** Who books. */
    public record ClientDetails(String firstName, String lastName, String email, String phone, String dateOfBirth) {
    }
}

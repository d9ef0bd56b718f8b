package com.clearskin.publicbooking;

/** A person asks to become a client of the clinic with an account: all text, each field checked by name. */
public record SignUpRequest(String email, String password, String firstName, String lastName, String website) {

    public SignUpRequest(String email, String password, String firstName, String lastName) {
        this(email, password, firstName, lastName, null);
    }
}

package com.clearskin.publicbooking.web;

import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.NotFoundException;
import com.clearskin.publicbooking.SignUpRequest;
import com.clearskin.publicbooking.SignUps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A person signs up as a client of a clinic; the emailed link opens the account. */
@RestController
@Tag(name = "Public booking", description = "New clients book online and sign up")
class SignUpApi {

    static final String ANSWER = "If this email can be used, we have sent a link to it. Please open it to finish "
            + "signing up (it works for 24 hours).";

    record Accepted(String status, String message) {
    }

    record VerifiedView(String status, String clinic, boolean accountOpened) {
    }

    private final SignUps signUps;
    private final Clinics clinics;
    private final Outbox outbox;

    SignUpApi(SignUps signUps, Clinics clinics, Outbox outbox) {
        this.signUps = signUps;
        this.clinics = clinics;
        this.outbox = outbox;
    }

    @PostMapping("/api/v1/clinics/{slug}/sign-up")
    @Operation(summary = "Sign up as a client of the clinic", description = "Body {email, password, firstName, "
            + "lastName}. Always 202 with the same answer, whether or not the email has an account (the mail says "
            + "which); 400 names a wrong field; 429 past the hourly limit of an address.")
    ResponseEntity<Accepted> signUp(@PathVariable String slug, @RequestBody(required = false) SignUpRequest body,
            HttpServletRequest request) {
        Clinic clinic = clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        signUps.signUp(clinic, body, request.getRemoteAddr(), Links.base(outbox, request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted("check-your-email", ANSWER));
    }

    @PostMapping("/api/v1/sign-up/{token}/verify")
    @Operation(summary = "Follow the sign-up link: the account opens and becomes the clinic's client",
            description = "200 {status: verified}; 404 an unknown token; 400 token when it has expired.")
    VerifiedView verify(@PathVariable String token) {
        SignUps.Verified v = signUps.verify(token);
        return new VerifiedView("verified", v.clinic().slug(), v.accountOpened());
    }
}

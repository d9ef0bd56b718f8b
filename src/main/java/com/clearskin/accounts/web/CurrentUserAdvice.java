package com.clearskin.accounts.web;

import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.SignedInUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in person (or null), for the header. */
@ControllerAdvice
class CurrentUserAdvice {

    private final ClinicAccess access;

    CurrentUserAdvice(ClinicAccess access) {
        this.access = access;
    }

    @ModelAttribute("currentUser")
    SignedInUser currentUser() {
        return access.currentUser().orElse(null);
    }
}

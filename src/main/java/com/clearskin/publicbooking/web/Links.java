package com.clearskin.publicbooking.web;

import com.clearskin.mail.Outbox;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where links in mail point. */
final class Links {

    private Links() {
    }

    /** CLEARSKIN_BASE_URL when set (always when mail is sent); otherwise this request's own address. */
    static String base(Outbox outbox, HttpServletRequest request) {
        return outbox.baseUrl().orElseGet(() -> ServletUriComponentsBuilder.fromContextPath(request).toUriString());
    }
}

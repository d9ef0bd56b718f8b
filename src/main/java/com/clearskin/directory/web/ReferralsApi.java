package com.clearskin.directory.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.directory.Referrals;
import com.clearskin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A client's referral link, and the clinic's counts of bookings made through referral links. */
@RestController
@Tag(name = "Referrals", description = "Clients recommend the clinic with their own link; bookings through it are counted")
class ReferralsApi {

    record MyReferral(String code, String link) {
    }

    private final ClinicAccess access;
    private final Clients clients;
    private final Referrals referrals;

    ReferralsApi(ClinicAccess access, Clients clients, Referrals referrals) {
        this.access = access;
        this.clients = clients;
        this.referrals = referrals;
    }

    @GetMapping("/api/v1/clinics/{slug}/me/referral")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Your referral link (clients)", description = "A friend who opens the link and books on the "
            + "clinic's public page within 30 days is counted as your referral. The public booking API takes the code "
            + "as ?ref=.")
    MyReferral mine(@PathVariable String slug, HttpServletRequest request) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client own = clients.ownedBy(m.clinic(), access.currentUser().orElseThrow().id())
                .orElseThrow(() -> new NotFoundException("No client record of yours here."));
        String code = referrals.codeOf(m.clinic(), own.id());
        return new MyReferral(code, link(request, m.clinic().slug(), code));
    }

    @GetMapping("/api/v1/clinics/{slug}/referrals")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Bookings made through clients' referral links (staff)", description = "bookings: confirmed "
            + "(booked, checked in or completed); held: waiting for the new client's email confirmation; referrers: "
            + "each client with a link and their confirmed bookings, most first.")
    Referrals.Counts counts(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_REFERRALS);
        return referrals.counts(m.clinic());
    }

    static String link(HttpServletRequest request, String slug, String code) {
        return ServletUriComponentsBuilder.fromContextPath(request).path("/clinics/{slug}/referred/{code}")
                .buildAndExpand(slug, code).toUriString();
    }
}

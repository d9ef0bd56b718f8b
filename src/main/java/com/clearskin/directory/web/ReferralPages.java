package com.clearskin.directory.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.directory.ReferralRules;
import com.clearskin.directory.Referrals;
import com.clearskin.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The client's "recommend us" page with their link, the link itself, and the clinic's referral counts. */
@Controller
class ReferralPages {

    private final ClinicAccess access;
    private final Clients clients;
    private final Clinics clinics;
    private final Referrals referrals;

    ReferralPages(ClinicAccess access, Clients clients, Clinics clinics, Referrals referrals) {
        this.access = access;
        this.clients = clients;
        this.clinics = clinics;
        this.referrals = referrals;
    }

    @GetMapping("/app/clinics/{slug}/portal/referral")
    String mine(@PathVariable String slug, Model model, HttpServletRequest request) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Client own = clients.ownedBy(m.clinic(), access.currentUser().orElseThrow().id())
                .orElseThrow(() -> new NotFoundException("No client record of yours here."));
        String code = referrals.codeOf(m.clinic(), own.id());
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("link", ReferralsApi.link(request, m.clinic().slug(), code));
        return "directory/referral";
    }

    /** A referral link: remembered for 30 days in a cookie, then on to the clinic's booking page. */
    @GetMapping("/clinics/{slug}/referred/{code}")
    String referred(@PathVariable String slug, @PathVariable String code, HttpServletRequest request,
            HttpServletResponse response) {
        Clinic clinic = clinics.requireBySlug(slug);
        if (referrals.known(clinic, code)) {
            response.addHeader("Set-Cookie", ResponseCookie.from(Referrals.COOKIE, ReferralRules.cookieValue(slug, code))
                    .httpOnly(true).secure(request.isSecure()).sameSite("Lax").path("/")
                    .maxAge(Duration.ofDays(Referrals.COOKIE_DAYS)).build().toString());
        }
        return "redirect:/clinics/" + clinic.slug() + "/book";
    }

    @GetMapping("/app/clinics/{slug}/referrals")
    String counts(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_REFERRALS);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("counts", referrals.counts(m.clinic()));
        return "directory/referrals";
    }
}

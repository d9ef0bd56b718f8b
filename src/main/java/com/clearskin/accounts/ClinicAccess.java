package com.clearskin.accounts;

import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.NotFoundException;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one gate to a clinic's data. A clinic the caller does not belong to answers exactly like a
 * clinic that does not exist (404), so that nobody learns which clinics exist; a member whose role
 * may not do the thing gets 403, except a client addressing a record, who gets 404 (see
 * {@link Permissions#refusal}). What each role may do is decided by {@link Permissions}.
 */
@Service
public class ClinicAccess {

    private final Clinics clinics;
    private final Accounts accounts;

    ClinicAccess(Clinics clinics, Accounts accounts) {
        this.clinics = clinics;
        this.accounts = accounts;
    }

    /** The signed-in person, if any. */
    public Optional<SignedInUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInUser user ? Optional.of(user) : Optional.empty();
    }

    /** The caller's membership in the clinic, whose role must have {@code capability} (one not about one client). */
    public Membership require(String slug, Capability capability) {
        Membership membership = member(slug);
        check(membership, capability, ClientRelation.NONE);
        return membership;
    }

    /** Refuses (403) or hides (404) unless the member may use {@code capability} as {@code relation} to the client. */
    public void check(Membership membership, Capability capability, ClientRelation relation) {
        switch (Permissions.decide(membership.role(), capability, relation)) {
            case ALLOW -> {
            }
            case FORBID -> throw refused(membership);
            case HIDE -> throw new NotFoundException("Nothing of yours is here.");
        }
    }

    /** The caller's membership in the clinic, whatever the role; 404 for anyone else and for no such clinic. */
    public Membership member(String slug) {
        SignedInUser user = currentUser().orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        Clinic clinic = clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        return accounts.membership(user.id(), clinic)
                .orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
    }

    private static RuntimeException refused(Membership membership) {
        if (Permissions.refusal(membership.role(), addressesARecord()) == Permissions.Decision.HIDE) {
            return new NotFoundException("Nothing of yours is here.");
        }
        return new ForbiddenException("Your role (" + membership.role().label() + ") may not do this in "
                + membership.clinic().name() + ".");
    }

    /** Whether the request's address names a record of the clinic: any path variable besides the clinic's slug. */
    static boolean addressesARecord() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return false;
        }
        Object variables = attributes.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        return variables instanceof Map<?, ?> map && map.keySet().stream().anyMatch(k -> !"slug".equals(k));
    }
}

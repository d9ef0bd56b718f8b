package com.clearskin.accounts;

import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.NotFoundException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one gate to a clinic's data. A clinic the caller does not belong to answers exactly like a
 * clinic that does not exist (404), so that nobody learns which clinics exist; a member whose role
 * may not do the thing gets 403.
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

    /** The caller's membership in the clinic, which must be one of {@code allowed}. */
    public Membership require(String slug, Set<Role> allowed) {
        SignedInUser user = currentUser().orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        Clinic clinic = clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        Membership membership = accounts.membership(user.id(), clinic)
                .orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        if (!allowed.contains(membership.role())) {
            throw new ForbiddenException("Your role (" + membership.role().label() + ") may not do this in "
                    + clinic.name() + ".");
        }
        return membership;
    }
}

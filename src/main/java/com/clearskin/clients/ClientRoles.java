package com.clearskin.clients;

import com.clearskin.accounts.Role;
import java.util.Set;

/**
 * Who may do what with a clinic's clients. Contact details are for everyone who works at the
 * clinic; health answers (assessments and the recommendation drawn from them) only for those who
 * treat: the front desk books and calls clients but never sees their medical answers.
 */
public final class ClientRoles {

    /** List, add and read clients (names and contact details). */
    public static final Set<Role> CONTACT_DETAILS = Role.STAFF;
    /** Read and record assessments, and read the recommendation. */
    public static final Set<Role> HEALTH_ANSWERS = Set.of(Role.OWNER, Role.ADMIN, Role.PRACTITIONER);

    private ClientRoles() {
    }
}

package com.clearskin.clients;

import com.clearskin.accounts.Role;
import java.util.Set;

/**
 * Which roles may, at most, reach a clinic's clients: a summary by role, for menus and links. The
 * decision about one client (a practitioner reads the medical answers of the clients they treat, a
 * client only their own record) is taken by {@link com.clearskin.accounts.Permissions}, through
 * {@link ClientAccess}.
 */
public final class ClientRoles {

    /** List, add and read clients (names and contact details). */
    public static final Set<Role> CONTACT_DETAILS = Role.STAFF;
    /** Roles that may see some clients' health answers (owner and admin all, practitioners their own clients'). */
    public static final Set<Role> HEALTH_ANSWERS = Set.of(Role.OWNER, Role.ADMIN, Role.PRACTITIONER);

    private ClientRoles() {
    }
}

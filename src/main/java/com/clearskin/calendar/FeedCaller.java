package com.clearskin.calendar;

import com.clearskin.accounts.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Who manages calendar feeds, with the practitioner and client records that are their own (null
 * when none). The rules, one method each: owner, admin and front desk manage every practitioner's
 * feed, a practitioner only their own; staff may set up a client's feed, a client only their own.
 */
public record FeedCaller(UUID userId, Role role, UUID ownPractitioner, UUID ownClient) {

    static final Set<Role> SCHEDULERS = Set.of(Role.OWNER, Role.ADMIN, Role.FRONT_DESK);

    public boolean mayManage(FeedSubject kind, UUID subject) {
        return switch (kind) {
            case PRACTITIONER -> mayManagePractitionerFeed(subject);
            case CLIENT -> mayManageClientFeed(subject);
        };
    }

    /** Owner, admin and front desk: any practitioner's; a practitioner: their own; a client: none. */
    public boolean mayManagePractitionerFeed(UUID practitioner) {
        return SCHEDULERS.contains(role)
                || (role == Role.PRACTITIONER && ownPractitioner != null && ownPractitioner.equals(practitioner));
    }

    /** Staff: any client's (to set it up with them); a client: their own. */
    public boolean mayManageClientFeed(UUID client) {
        return Role.STAFF.contains(role) || (role == Role.CLIENT && ownClient != null && ownClient.equals(client));
    }
}

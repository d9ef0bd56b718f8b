package com.clearskin.accounts;

/**
 * Who may change a clinic's team. Plain Java, one method per rule: owners and admins invite, but only
 * an owner makes someone an owner; only owners change or remove members; a clinic keeps an owner.
 */
public final class MembershipRules {

    private MembershipRules() {
    }

    /** Owners and admins invite people; an admin may not invite an owner (that would raise them above themselves). */
    public static boolean mayInvite(Role inviter, Role invited) {
        return inviter == Role.OWNER || inviter == Role.ADMIN && invited != Role.OWNER;
    }

    /** Only owners change members' roles or remove members. */
    public static boolean mayManageMembers(Role actor) {
        return actor == Role.OWNER;
    }

    /** A change keeps the clinic with at least one owner. */
    public static boolean keepsAnOwner(int owners, Role current, Role next) {
        boolean losesAnOwner = current == Role.OWNER && next != Role.OWNER;
        return !losesAnOwner || owners > 1;
    }
}

package com.clearskin.accounts;

import com.clearskin.clinics.Clinic;

/** A person's place in one clinic. */
public record Membership(Clinic clinic, Role role) {

    public boolean isAdmin() {
        return Role.CLINIC_ADMINS.contains(role);
    }

    public boolean isStaff() {
        return Role.STAFF.contains(role);
    }
}

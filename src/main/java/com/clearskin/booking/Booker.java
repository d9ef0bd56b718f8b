package com.clearskin.booking;

import com.clearskin.accounts.Role;
import java.util.UUID;

/**
 * Who books or changes an appointment, and in which role: staff may override a {@code caution}
 * with a recorded reason; a client may not, and only books for themself.
 */
public record Booker(UUID userId, Role role) {

    public boolean isStaff() {
        return Role.STAFF.contains(role);
    }
}

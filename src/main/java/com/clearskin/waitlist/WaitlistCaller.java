package com.clearskin.waitlist;

import com.clearskin.accounts.Role;
import com.clearskin.booking.Booker;
import java.util.UUID;

/**
 * Who acts on the waitlist: staff manage every entry of the clinic; a client only the entries of
 * their own client record ({@code ownClient}, null when their account is linked to none).
 */
public record WaitlistCaller(UUID userId, Role role, UUID ownClient) {

    public boolean isStaff() {
        return Role.STAFF.contains(role);
    }

    public boolean mayManage(UUID clientId) {
        return isStaff() || (ownClient != null && ownClient.equals(clientId));
    }

    public Booker booker() {
        return new Booker(userId, role);
    }
}

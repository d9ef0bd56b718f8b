package com.clearskin.waitlist;

import com.clearskin.accounts.Role;
import com.clearskin.clients.ClientErased;
import com.clearskin.clinics.Clinics;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a client's data is erased, their places in line are cancelled in the same transaction. */
@Component
class ErasedClientWaitlist {

    private final Waitlist waitlist;
    private final Clinics clinics;

    ErasedClientWaitlist(Waitlist waitlist, Clinics clinics) {
        this.waitlist = waitlist;
        this.clinics = clinics;
    }

    @EventListener
    void onClientErased(ClientErased event) {
        clinics.byId(event.clinicId()).ifPresent(clinic -> {
            WaitlistCaller clinicItself = new WaitlistCaller(null, Role.ADMIN, null);
            waitlist.list(clinic, clinicItself).stream()
                    .filter(e -> e.clientId().equals(event.clientId()) && e.status().isOpen())
                    .forEach(e -> waitlist.cancel(clinic, e.id(), clinicItself));
        });
    }
}

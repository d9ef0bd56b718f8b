package com.clearskin.clients;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which client record of a clinic is a signed-in person's own (client.user_id): a client books,
 * moves and cancels only that one's appointments.
 */
@Service
public class ClientAccounts {

    private final Clients clients;

    ClientAccounts(Clients clients) {
        this.clients = clients;
    }

    /** The client record of the clinic that belongs to this person, if any. */
    public Optional<UUID> clientOf(Clinic clinic, UUID userId) {
        return clients.ownedBy(clinic, userId).map(Client::id);
    }

    /** Links a client record to the person who signs in as that client; one record per person and clinic. */
    @Transactional
    public void link(Clinic clinic, UUID clientId, UUID userId) {
        Optional<UUID> current = clientOf(clinic, userId);
        if (current.isPresent() && !current.get().equals(clientId)) {
            throw new ConflictException("This account is already linked to another client of " + clinic.name() + ".");
        }
        clients.linkAccount(clinic, clientId, userId);
    }
}

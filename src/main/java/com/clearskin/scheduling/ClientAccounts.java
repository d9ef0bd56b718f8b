package com.clearskin.scheduling;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.NotFoundException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which client record of a clinic is a signed-in person's own (client.user_id): a client books,
 * moves and cancels only that one's appointments.
 */
@Service
public class ClientAccounts {

    private final JdbcClient jdbc;

    ClientAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client record of the clinic that belongs to this person, if any. */
    public Optional<UUID> clientOf(Clinic clinic, UUID userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id from client where clinic_id = :clinic and user_id = :user")
                .param("clinic", clinic.id()).param("user", userId).query(UUID.class).optional();
    }

    /** Links a client record to the person who signs in as that client; one record per person and clinic. */
    @Transactional
    public void link(Clinic clinic, UUID clientId, UUID userId) {
        Optional<UUID> current = clientOf(clinic, userId);
        if (current.isPresent() && !current.get().equals(clientId)) {
            throw new ConflictException("This account is already linked to another client of " + clinic.name() + ".");
        }
        int updated = jdbc.sql("update client set user_id = :user where clinic_id = :clinic and id = :id")
                .param("user", userId).param("clinic", clinic.id()).param("id", clientId).update();
        if (updated == 0) {
            throw new NotFoundException("No client '" + clientId + "' at " + clinic.name() + ".");
        }
    }
}

package com.clearskin.support;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.support.TestClinics.TestClinic;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the test clinic's practitioner user treat a client the way the clinic grants it: a
 * practitioner record linked to the user (made when missing) assigned to the client.
 */
@Component
public class TestCare {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    TestCare(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Assigns the clinic's practitioner user to the client; returns the practitioner's id. */
    public UUID assignPractitioner(TestClinic clinic, UUID client) {
        UUID practitioner = practitioner(clinic);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into client_practitioner (clinic_id, client_id, practitioner_id, assigned_at)
                values (:c, :client, :p, :now)
                on conflict (clinic_id, client_id) do update set practitioner_id = excluded.practitioner_id""")
                .param("c", clinic.clinic().id()).param("client", client).param("p", practitioner)
                .param("now", now).update();
        return practitioner;
    }

    /** The practitioner record of the clinic's practitioner user, made when missing. */
    public UUID practitioner(TestClinic clinic) {
        UUID clinicId = clinic.clinic().id();
        UUID user = accounts.findByEmail(clinic.email(Role.PRACTITIONER)).orElseThrow();
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql("select id from practitioner where clinic_id = :c and user_id = :u")
                .param("c", clinicId).param("u", user).query(UUID.class).optional().orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jdbc.sql("""
                            insert into practitioner (clinic_id, id, user_id, display_name, qualification, created_at)
                            values (:c, :id, :u, 'Test Practitioner', 'nurse', :now)""")
                            .param("c", clinicId).param("id", id).param("u", user).param("now", now).update();
                    return id;
                });
    }

    public UUID assignPractitioner(TestClinic clinic, String client) {
        return assignPractitioner(clinic, UUID.fromString(client));
    }
}

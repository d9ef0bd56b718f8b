package com.clearskin.clients;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClientRelation;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Permissions;
import com.clearskin.clinics.Clinic;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The gate to one client's data: the clinic first (404 unless the caller is a member), then the
 * client in that clinic (404 for an unknown id or another clinic's), then what the caller is to the
 * client and what {@link Permissions} allows them (403, or 404 for a client addressing someone else).
 */
@Service
public class ClientAccess {

    /** A caller allowed to use a capability on one client. */
    public record Granted(Membership membership, Client client, ClientRelation relation) {
        public Clinic clinic() {
            return membership.clinic();
        }
    }

    private final ClinicAccess access;
    private final Clients clients;
    private final JdbcClient jdbc;

    ClientAccess(ClinicAccess access, Clients clients, JdbcClient jdbc) {
        this.access = access;
        this.clients = clients;
        this.jdbc = jdbc;
    }

    public Granted require(String slug, String clientId, Capability capability) {
        Membership membership = access.member(slug);
        Client client = clients.require(membership.clinic(), clientId);
        ClientRelation relation = relationOf(membership, client);
        access.check(membership, capability, relation);
        return new Granted(membership, client, relation);
    }

    /** Whether the member, already let in, may also use {@code capability} on the client (to show or hide a part of a page). */
    public boolean may(Granted granted, Capability capability) {
        return Permissions.decide(granted.membership().role(), capability, granted.relation()).allowed();
    }

    /**
     * Who the caller is to the client: the client themself when their account is linked to the
     * record; a practitioner treating them when the practitioner (by their account) has an
     * appointment with them that was not cancelled, or recorded one of their assessments.
     * (Appointments and practitioners are the scheduling module's tables, read here by SQL only.)
     */
    ClientRelation relationOf(Membership membership, Client client) {
        UUID user = access.currentUser().orElseThrow().id();
        UUID clinic = membership.clinic().id();
        return jdbc.sql("""
                select case
                  when exists (select 1 from client
                               where clinic_id = :clinic and id = :client and user_id = :user) then 'SELF'
                  when exists (select 1 from appointment a
                               join practitioner p on p.clinic_id = a.clinic_id and p.id = a.practitioner_id
                               where a.clinic_id = :clinic and a.client_id = :client and p.user_id = :user
                                 and a.status <> 'cancelled')
                    or exists (select 1 from client_assessment
                               where clinic_id = :clinic and client_id = :client and recorded_by = :user) then 'TREATING'
                  else 'OTHER' end""")
                .param("clinic", clinic).param("client", client.id()).param("user", user)
                .query(String.class).optional().map(ClientRelation::valueOf).orElse(ClientRelation.OTHER);
    }
}

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
     * record; a practitioner treating them only through a care relationship the clinic grants: the
     * clinic (an owner or admin) assigned them to the client, or an appointment of the client with
     * them was checked in (checked in or completed). Booking an appointment, or recording an
     * assessment, grants nothing. (Appointments and practitioners are the booking and resources modules'
     * tables, read here by SQL only.)
     */
    ClientRelation relationOf(Membership membership, Client client) {
        UUID user = access.currentUser().orElseThrow().id();
        return relationOf(membership.clinic(), user, client.id());
    }

    /** As {@link #relationOf(Membership, Client)}, for any person of the clinic (null: nobody's). */
    public ClientRelation relationOf(Clinic clinic, UUID user, UUID client) {
        if (user == null) {
            return ClientRelation.OTHER;
        }
        return jdbc.sql("""
                select case
                  when exists (select 1 from client
                               where clinic_id = :clinic and id = :client and user_id = :user) then 'SELF'
                  when exists (select 1 from client_practitioner cp
                               join practitioner p on p.clinic_id = cp.clinic_id and p.id = cp.practitioner_id
                               where cp.clinic_id = :clinic and cp.client_id = :client and p.user_id = :user)
                    or exists (select 1 from appointment a
                               join practitioner p on p.clinic_id = a.clinic_id and p.id = a.practitioner_id
                               where a.clinic_id = :clinic and a.client_id = :client and p.user_id = :user
                                 and a.status in ('checked-in', 'completed')) then 'TREATING'
                  else 'OTHER' end""")
                .param("clinic", clinic.id()).param("client", client).param("user", user)
                .query(String.class).optional().map(ClientRelation::valueOf).orElse(ClientRelation.OTHER);
    }

    /**
     * Whether the person, in their role, may read the client's medical answers (and so the reasons
     * a treatment rule gives from them): {@link Capability#READ_MEDICAL_ANSWERS} for that client.
     */
    public boolean readsMedicalAnswers(Clinic clinic, com.clearskin.accounts.Role role, UUID user, UUID client) {
        return Permissions.decide(role, Capability.READ_MEDICAL_ANSWERS, relationOf(clinic, user, client)).allowed();
    }
}

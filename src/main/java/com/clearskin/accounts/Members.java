package com.clearskin.accounts;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A clinic's team: who belongs, with which role; owners change roles and remove members, never the last owner. */
@Service
public class Members {

    public record Member(UUID userId, String email, String displayName, Role role, java.time.Instant since) {
    }

    private final JdbcClient jdbc;

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Member> list(Clinic clinic) {
        return jdbc.sql("""
                select u.id, u.email, u.display_name, m.role, m.created_at
                from clinic_member m join app_user u on u.id = m.user_id
                where m.clinic_id = :clinic order by lower(u.display_name), u.id""")
                .param("clinic", clinic.id())
                .query((rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), Role.fromCode(rs.getString("role")).orElseThrow(),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Gives a member another role (owners only; the clinic keeps an owner). */
    @Transactional
    public Member changeRole(Membership actor, String userId, String roleCode) {
        Role next = Invitations.parseRole(roleCode);
        Member member = requireManageable(actor, userId);
        if (!MembershipRules.keepsAnOwner(lockOwners(actor.clinic()), member.role(), next)) {
            throw lastOwner(actor.clinic());
        }
        jdbc.sql("update clinic_member set role = :role where clinic_id = :clinic and user_id = :user")
                .param("role", next.code()).param("clinic", actor.clinic().id()).param("user", member.userId()).update();
        return new Member(member.userId(), member.email(), member.displayName(), next, member.since());
    }

    /** Removes a member from the clinic (owners only; never the last owner). Their account stays. */
    @Transactional
    public void remove(Membership actor, String userId) {
        Member member = requireManageable(actor, userId);
        if (!MembershipRules.keepsAnOwner(lockOwners(actor.clinic()), member.role(), null)) {
            throw lastOwner(actor.clinic());
        }
        jdbc.sql("delete from clinic_member where clinic_id = :clinic and user_id = :user")
                .param("clinic", actor.clinic().id()).param("user", member.userId()).update();
    }

    /**
     * Ends a client's membership when the clinic erases their data: the portal sign-in goes with it.
     * Only a membership in the client role ends this way; a person who also works there keeps that.
     */
    @Transactional
    public void endClientMembership(Clinic clinic, UUID userId) {
        jdbc.sql("delete from clinic_member where clinic_id = :clinic and user_id = :user and role = 'client'")
                .param("clinic", clinic.id()).param("user", userId).update();
    }

    private Member requireManageable(Membership actor, String userId) {
        if (!MembershipRules.mayManageMembers(actor.role())) {
            throw new ForbiddenException("Only an owner may change or remove members of " + actor.clinic().name() + ".");
        }
        UUID id = Ids.orNotFound(userId, "No member " + userId + ".");
        return list(actor.clinic()).stream().filter(m -> m.userId().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No member " + userId + " in " + actor.clinic().name() + "."));
    }

    /** Counts the owners, holding their rows until the transaction ends, so two owners cannot both step down at once. */
    private int lockOwners(Clinic clinic) {
        return jdbc.sql("select user_id from clinic_member where clinic_id = :clinic and role = 'owner' for update")
                .param("clinic", clinic.id()).query(UUID.class).list().size();
    }

    private static RuleRefusedException lastOwner(Clinic clinic) {
        return new RuleRefusedException("last-owner", clinic.name() + " must keep at least one owner: make someone "
                + "else an owner first.", null);
    }
}

package com.clearskin.accounts.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Invitations.Invitation;
import com.clearskin.accounts.Invitations;
import com.clearskin.accounts.Members.Member;
import com.clearskin.accounts.Members;
import com.clearskin.accounts.Membership;
import com.clearskin.mail.Outbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clinics/{slug}")
@Tag(name = "Team", description = "A clinic's members and invitations")
class TeamApi {

    record InviteRequest(String email, String role) {
    }

    record RoleChange(String role) {
    }

    private final ClinicAccess access;
    private final Invitations invitations;
    private final Members members;
    private final Outbox outbox;

    TeamApi(ClinicAccess access, Invitations invitations, Members members, Outbox outbox) {
        this.access = access;
        this.invitations = invitations;
        this.members = members;
        this.outbox = outbox;
    }

    @PostMapping("/invitations")
    @Operation(summary = "Invite someone by email with a role (owners and admins; only owners invite owners)")
    ResponseEntity<Invitation> invite(@PathVariable String slug, @RequestBody InviteRequest body,
            HttpServletRequest request) {
        Membership m = access.require(slug, Capability.MANAGE_MEMBERS);
        Invitation invitation = invitations.invite(m, access.currentUser().orElseThrow(), body.email(), body.role(),
                PublicLinks.base(outbox, request));
        return ResponseEntity.status(HttpStatus.CREATED).body(invitation);
    }

    @GetMapping("/invitations")
    @Operation(summary = "The clinic's invitations, newest first")
    List<Invitation> invitations(@PathVariable String slug) {
        return invitations.list(access.require(slug, Capability.MANAGE_MEMBERS).clinic());
    }

    @DeleteMapping("/invitations/{id}")
    @Operation(summary = "Withdraw a waiting invitation: its link stops working")
    ResponseEntity<Void> revoke(@PathVariable String slug, @PathVariable String id) {
        invitations.revoke(access.require(slug, Capability.MANAGE_MEMBERS).clinic(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/members")
    @Operation(summary = "The clinic's members and their roles")
    List<Member> members(@PathVariable String slug) {
        return members.list(access.require(slug, Capability.MANAGE_MEMBERS).clinic());
    }

    @PutMapping("/members/{userId}")
    @Operation(summary = "Change a member's role (owners only; 422 'last-owner' when it would leave no owner)")
    Member changeRole(@PathVariable String slug, @PathVariable String userId, @RequestBody RoleChange body) {
        return members.changeRole(access.require(slug, Capability.MANAGE_MEMBERS), userId, body.role());
    }

    @DeleteMapping("/members/{userId}")
    @Operation(summary = "Remove a member from the clinic (owners only; never the last owner)")
    ResponseEntity<Void> remove(@PathVariable String slug, @PathVariable String userId) {
        members.remove(access.require(slug, Capability.MANAGE_MEMBERS), userId);
        return ResponseEntity.noContent().build();
    }
}

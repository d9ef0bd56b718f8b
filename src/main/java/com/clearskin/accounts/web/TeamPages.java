package com.clearskin.accounts.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Invitations;
import com.clearskin.accounts.Members;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.MembershipRules;
import com.clearskin.accounts.Role;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.RuleRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clinic's team page: members and their roles, invitations, and the invite form (owners and admins). */
@Controller
class TeamPages {

    private final ClinicAccess access;
    private final Members members;
    private final Invitations invitations;
    private final Outbox outbox;

    TeamPages(ClinicAccess access, Members members, Invitations invitations, Outbox outbox) {
        this.access = access;
        this.members = members;
        this.invitations = invitations;
        this.outbox = outbox;
    }

    @GetMapping("/app/clinics/{slug}/team")
    String team(@PathVariable String slug, Model model) {
        return page(access.require(slug, Capability.MANAGE_MEMBERS), "", Role.PRACTITIONER.code(), List.of(), model);
    }

    @PostMapping("/app/clinics/{slug}/team/invitations")
    String invite(@PathVariable String slug, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.MANAGE_MEMBERS);
        try {
            invitations.invite(m, access.currentUser().orElseThrow(), email, role, PublicLinks.base(outbox, request));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(m, email, role, e.violations(), model);
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(m, email, role, List.of(new InvalidInputException.Violation("email", e.getMessage())), model);
        }
        redirect.addFlashAttribute("saved", "An invitation to " + email.strip() + " is on its way.");
        return "redirect:/app/clinics/" + slug + "/team";
    }

    @PostMapping("/app/clinics/{slug}/team/invitations/{id}/revoke")
    String revoke(@PathVariable String slug, @PathVariable String id, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.MANAGE_MEMBERS);
        var invitation = invitations.revoke(m.clinic(), id);
        redirect.addFlashAttribute("saved", "The invitation to " + invitation.email() + " is withdrawn.");
        return "redirect:/app/clinics/" + slug + "/team";
    }

    @PostMapping("/app/clinics/{slug}/team/members/{userId}/role")
    String changeRole(@PathVariable String slug, @PathVariable String userId, @RequestParam(defaultValue = "") String role,
            RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.MANAGE_MEMBERS);
        try {
            var member = members.changeRole(m, userId, role);
            redirect.addFlashAttribute("saved", member.displayName() + " is now " + member.role().label() + ".");
        } catch (RuleRefusedException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/app/clinics/" + slug + "/team";
    }

    @PostMapping("/app/clinics/{slug}/team/members/{userId}/remove")
    String remove(@PathVariable String slug, @PathVariable String userId, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.MANAGE_MEMBERS);
        try {
            members.remove(m, userId);
            redirect.addFlashAttribute("saved", "The member is removed from " + m.clinic().name() + ".");
        } catch (RuleRefusedException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/app/clinics/" + slug + "/team";
    }

    private String page(Membership m, String email, String role, List<InvalidInputException.Violation> violations,
            Model model) {
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("members", members.list(m.clinic()));
        model.addAttribute("invitations", invitations.list(m.clinic()));
        model.addAttribute("mayManage", MembershipRules.mayManageMembers(m.role()));
        model.addAttribute("invitableRoles", java.util.Arrays.stream(Role.values())
                .filter(r -> MembershipRules.mayInvite(m.role(), r)).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("email", email);
        model.addAttribute("role", role);
        model.addAttribute("violations", violations);
        model.addAttribute("delivers", outbox.delivers());
        return "accounts/team";
    }
}

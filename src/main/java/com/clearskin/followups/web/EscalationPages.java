package com.clearskin.followups.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClientRelation;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Permissions;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.ClientAccess;
import com.clearskin.clients.Clients;
import com.clearskin.followups.CheckIns;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.NotFoundException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The practitioners' dashboard of check-ins that need them: open first, each resolved by saying what was done. */
@Controller
class EscalationPages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    /** One escalation as the page shows it. */
    record Row(UUID id, String client, String clientHref, String opened, String reasons, String answers, String note,
            boolean open, String action, String photoHref) {
    }

    private final ClinicAccess access;
    private final ClientAccess clientAccess;
    private final CheckIns checkIns;
    private final Clients clients;
    private final AuditLog audit;

    EscalationPages(ClinicAccess access, ClientAccess clientAccess, CheckIns checkIns, Clients clients, AuditLog audit) {
        this.access = access;
        this.clientAccess = clientAccess;
        this.checkIns = checkIns;
        this.clients = clients;
        this.audit = audit;
    }

    @GetMapping("/app/clinics/{slug}/escalations")
    String list(@PathVariable String slug, Model model) {
        Membership m = access.member(slug);
        access.check(m, Capability.READ_RECORD, ClientRelation.TREATING);
        UUID me = access.currentUser().orElseThrow().id();
        List<CheckIns.Escalation> visible = checkIns.escalations(m.clinic(), false).stream()
                .filter(e -> Permissions.decide(m.role(), Capability.READ_RECORD,
                        clientAccess.relationOf(m.clinic(), me, e.clientId())).allowed())
                .limit(200).toList();
        audit.recordEach(m, visible.stream().map(CheckIns.Escalation::clientId).distinct().toList(), AuditAction.READ,
                AuditResource.CLINICAL_RECORD, "check-in escalations page");
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("rows", visible.stream().map(e -> new Row(e.id(),
                clients.find(m.clinic(), e.clientId()).map(c -> c.fullName()).orElse("Client"),
                "/app/clinics/" + slug + "/clients/" + e.clientId(),
                WHEN.format(e.openedAt().atZone(m.clinic().timeZone())), e.reasons(),
                "Redness " + e.redness() + "/3 · pain " + e.pain() + "/10 · peeling " + (e.peeling() ? "yes" : "no")
                        + " · swelling " + (e.swelling() ? "yes" : "no")
                        + (e.warningSigns().isEmpty() ? "" : " · " + String.join(", ", e.warningSigns())),
                e.note(), e.status().equals("open"), e.action(), e.photoId() == null ? null
                        : "/app/clinics/" + slug + "/clients/" + e.clientId() + "/photos/" + e.photoId())).toList());
        return "followups/escalations";
    }

    @PostMapping("/app/clinics/{slug}/escalations/{id}/resolve")
    String resolve(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String action,
            RedirectAttributes redirect) {
        Membership m = access.member(slug);
        UUID me = access.currentUser().orElseThrow().id();
        UUID escalation = Ids.parse(id).orElseThrow(() -> new NotFoundException("No such escalation."));
        CheckIns.Escalation e = checkIns.escalation(m.clinic(), escalation);
        access.check(m, Capability.WRITE_RECORD, clientAccess.relationOf(m.clinic(), me, e.clientId()));
        if (action == null || action.isBlank() || action.length() > CheckInApi.ACTION_MAX) {
            redirect.addFlashAttribute("problem", "Say what you did (called the client, booked a review, ...), in at most "
                    + CheckInApi.ACTION_MAX + " characters.");
        } else {
            try {
                checkIns.resolve(m, me, escalation, action.strip());
                redirect.addFlashAttribute("saved", "Resolved: what you did is recorded.");
            } catch (ConflictException done) {
                redirect.addFlashAttribute("problem", done.getMessage());
            }
        }
        return "redirect:/app/clinics/" + slug + "/escalations";
    }
}

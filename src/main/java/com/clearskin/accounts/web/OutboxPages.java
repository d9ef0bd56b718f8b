package com.clearskin.accounts.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.mail.Outbox;
import com.clearskin.mail.OutboxMessage;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The clinic's outbox (owners and admins): every mail sent for the clinic and where it stands; with
 * no mail host configured, the place to read them. It lives here, not in the mail module, because
 * the mail module must not depend on accounts (accounts sends mail).
 */
@Controller
class OutboxPages {

    /** A message with its times in the clinic's zone. */
    public record Row(OutboxMessage message, ZonedDateTime createdAt, ZonedDateTime sentAt, ZonedDateTime nextAttemptAt) {
    }

    private final ClinicAccess access;
    private final Outbox outbox;

    OutboxPages(ClinicAccess access, Outbox outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    @GetMapping("/app/clinics/{slug}/outbox")
    String outbox(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.MANAGE_MEMBERS);
        var zone = m.clinic().timeZone();
        List<Row> rows = outbox.forClinic(m.clinic().id(), 200).stream()
                .map(msg -> new Row(msg, msg.createdAt().atZone(zone),
                        msg.sentAt() == null ? null : msg.sentAt().atZone(zone), msg.nextAttemptAt().atZone(zone)))
                .toList();
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("rows", rows);
        model.addAttribute("delivers", outbox.delivers());
        return "accounts/outbox";
    }
}

package com.clearskin.followups;

import com.clearskin.accounts.Accounts;
import com.clearskin.booking.Appointment;
import com.clearskin.clinics.Clinic;
import com.clearskin.followups.EscalationRule.WarningSign;
import com.clearskin.mail.Outbox;
import com.clearskin.mail.OutgoingMail;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the practitioner of an escalated check-in at once: a mail written to the outbox in the
 * check-in's own transaction (delivered by the outbox job within seconds, so well within a minute),
 * with the answers, and a link to the escalations page. No health details beyond the answers and no
 * client surname in the subject. A practitioner without an account is not mailed; the escalation is
 * on the clinic's escalations page either way.
 */
@Component
class EscalationAlerts {

    private final Outbox outbox;
    private final ClinicResources resources;
    private final Accounts accounts;

    EscalationAlerts(Outbox outbox, ClinicResources resources, Accounts accounts) {
        this.outbox = outbox;
        this.resources = resources;
        this.accounts = accounts;
    }

    /** Returns the address the alert went to, if any. */
    Optional<String> tell(Clinic clinic, Appointment a, UUID escalation, List<String> reasons, CheckIns.Answers answers,
            boolean withPhoto) {
        if (a.practitionerId() == null) {
            return Optional.empty();
        }
        PractitionerDetails p;
        try {
            p = resources.practitioner(clinic, a.practitionerId().toString());
        } catch (RuntimeException gone) {
            return Optional.empty();
        }
        Optional<String> email = p.userId() == null ? Optional.empty() : accounts.emailOf(p.userId());
        email.ifPresent(to -> {
            MessageText m = new MessageText("Hello " + p.displayName() + ",", "Clearskin for " + clinic.name());
            m.paragraph("A client's check-in after their visit needs you: " + String.join("; ", reasons) + ".")
                    .bullets(List.of("Redness " + answers.redness() + " of 3", "Pain " + answers.pain() + " of 10",
                            "Peeling: " + (answers.peeling() ? "yes" : "no"), "Swelling: " + (answers.swelling() ? "yes" : "no"),
                            "Warning signs: " + (answers.warningSigns().isEmpty() ? "none"
                                    : String.join(", ", answers.warningSigns().stream().sorted().map(WarningSign::words).toList())),
                            withPhoto ? "The client sent a photo: it is with the escalation" : "No photo"))
                    .link("Open the escalation", outbox.baseUrl().orElse("") + "/app/clinics/" + clinic.slug() + "/escalations");
            outbox.enqueue(escalation, new OutgoingMail(clinic.id(), "escalation", to, "A check-in needs you at "
                    + clinic.name(), m.text(), true, m.html(), null, java.util.Map.of()));
        });
        return email;
    }
}

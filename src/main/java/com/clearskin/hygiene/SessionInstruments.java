package com.clearskin.hygiene;

import com.clearskin.clinics.Clinic;
import com.clearskin.sessions.SessionPanel;
import com.clearskin.sessions.TreatmentSession;
import com.clearskin.sessions.VisitLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The instruments on the session screen (what was recorded, what is still needed before signing, a
 * link to scan or type a package code) and on the client's visit summary, in plain words.
 */
@Component
class SessionInstruments implements SessionPanel, VisitLines {

    private final Hygiene hygiene;
    private final InstrumentsRecordedCheck check;

    SessionInstruments(Hygiene hygiene, InstrumentsRecordedCheck check) {
        this.hygiene = hygiene;
        this.check = check;
    }

    @Override
    public Optional<Panel> panelFor(Clinic clinic, TreatmentSession session) {
        List<Hygiene.Use> uses = hygiene.uses(clinic, session.id());
        if (uses.isEmpty() && check.needed(clinic, session).isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (Hygiene.Use u : uses) {
            lines.add(u.packageCode() != null ? "Sterile package " + u.packageCode() : "Single-use " + u.product() + ", lot " + u.lot());
        }
        List<String> missing = session.signed() ? List.of() : check.missing(clinic, session);
        String warning = missing.isEmpty() ? null : "Needed before signing: " + InstrumentsRecordedCheck.describe(missing) + ".";
        String href = session.signed() ? null : "/app/clinics/" + clinic.slug() + "/sessions/" + session.id() + "/instruments";
        return Optional.of(new Panel("instruments", "Instruments", lines, warning, href == null ? null : "Scan or type a package",
                href));
    }

    @Override
    public List<String> linesFor(Clinic clinic, TreatmentSession session) {
        return hygiene.clientLines(clinic, session.id());
    }
}

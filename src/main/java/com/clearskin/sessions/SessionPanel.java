package com.clearskin.sessions;

import com.clearskin.clinics.Clinic;
import java.util.List;
import java.util.Optional;

/**
 * A panel another module shows on the session screen, without sessions knowing that module (for
 * example: the instruments the session used, and what is still needed before signing). Every bean of
 * this type is asked when the screen is drawn; empty shows nothing.
 */
public interface SessionPanel {

    Optional<Panel> panelFor(Clinic clinic, TreatmentSession session);

    /**
     * What the panel shows: a heading, lines of plain text, an optional warning (what is needed
     * before signing) and an optional link to act ({@code href} with its label), or none once signed.
     */
    record Panel(String id, String title, List<String> lines, String warning, String actionLabel, String href) {
    }
}

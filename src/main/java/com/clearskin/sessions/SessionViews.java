package com.clearskin.sessions;

import com.clearskin.accounts.Accounts;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Turns sessions into what people read: names for ids, and each step's timer as of now. */
@Service
public class SessionViews {

    private final Accounts accounts;
    private final Clients clients;
    private final ClinicCatalog catalog;
    private final ClinicResources resources;
    private final Sessions sessions;
    private final List<VisitLines> visitLines;
    private final List<SessionPanel> panels;

    SessionViews(Accounts accounts, Clients clients, ClinicCatalog catalog, ClinicResources resources,
            Sessions sessions, List<VisitLines> visitLines, List<SessionPanel> panels) {
        this.accounts = accounts;
        this.clients = clients;
        this.catalog = catalog;
        this.resources = resources;
        this.sessions = sessions;
        this.visitLines = List.copyOf(visitLines);
        this.panels = List.copyOf(panels);
    }

    /** The panels other modules show on the session screen. */
    public List<SessionPanel.Panel> panels(Clinic clinic, TreatmentSession s) {
        return panels.stream().flatMap(p -> p.panelFor(clinic, s).stream()).toList();
    }

    public SessionView of(Clinic clinic, TreatmentSession s) {
        return of(clinic, List.of(s)).get(0);
    }

    public List<SessionView> of(Clinic clinic, List<TreatmentSession> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Instant now = sessions.now();
        Set<UUID> users = new HashSet<>();
        list.forEach(s -> {
            users.add(s.startedBy());
            users.add(s.signedBy());
            users.add(s.cosignedBy());
            s.addenda().forEach(a -> users.add(a.author()));
        });
        users.remove(null);
        Map<UUID, String> names = accounts.displayNames(users);
        Map<UUID, String> practitioners = resources.practitioners(clinic).stream()
                .collect(Collectors.toMap(PractitionerDetails::id, PractitionerDetails::displayName));
        return list.stream().map(s -> new SessionView(s.id(), s.appointmentId(), s.clientId(),
                clients.find(clinic, s.clientId()).map(com.clearskin.clients.Client::fullName).orElse(""),
                s.treatment(), treatmentName(clinic, s.treatment()), s.practitionerId(),
                s.practitionerId() == null ? null : practitioners.get(s.practitionerId()), s.status(), s.startedAt(),
                s.startedBy(), names.get(s.startedBy()), s.safety(), s.consentId(),
                s.steps().stream().map(st -> step(st, now)).toList(), s.chart(), s.chartUpdatedAt(), s.signedAt(),
                s.signedBy(), s.signedBy() == null ? null : names.get(s.signedBy()),
                new SessionView.Cosign(s.needsCosign(), s.oversight(), s.cosignedAt(), s.cosignedBy(),
                        s.cosignedBy() == null ? null : names.get(s.cosignedBy())),
                s.addenda().stream().map(a -> new SessionView.AddendumView(a.id(), a.text(), a.author(),
                        names.get(a.author()), a.at())).toList(), now)).toList();
    }

    public String treatmentName(Clinic clinic, String code) {
        return catalog.find(clinic, code).map(t -> t.treatment().name()).orElse(code);
    }

    static SessionView.StepView step(TreatmentSession.Step st, Instant now) {
        String state = st.done() ? "done" : st.running() ? "running" : "not-started";
        return new SessionView.StepView(st.order(), st.name(), st.description(), st.minMinutes(), st.maxMinutes(),
                st.startedAt(), st.completedAt(), st.notes(), st.overrun(now),
                SessionRules.secondsLeft(st.startedAt(), st.completedAt(), st.maxMinutes(), now), state);
    }

    /** The client's signed visits, newest first, in plain words: treatment, date, practitioner, aftercare. */
    public List<VisitSummary> summaries(Clinic clinic, UUID clientId) {
        Map<UUID, String> practitioners = practitionerNames(clinic);
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
                java.util.Locale.ENGLISH);
        return sessions.forClient(clinic, clientId).stream().filter(TreatmentSession::signed)
                .map(s -> new VisitSummary(s.id(), treatmentName(clinic, s.treatment()),
                        s.startedAt().atZone(clinic.timeZone()).format(day),
                        s.practitionerId() == null ? null : practitioners.get(s.practitionerId()),
                        catalog.find(clinic, s.treatment()).map(t -> t.treatment().aftercare().stream()
                                .map(com.clearskin.catalog.Treatment.CareNote::text).toList()).orElse(List.of()),
                        visitLines.stream().flatMap(l -> l.linesFor(clinic, s).stream()).toList()))
                .toList();
    }

    /** Names of practitioners by id (pages). */
    public Map<UUID, String> practitionerNames(Clinic clinic) {
        return resources.practitioners(clinic).stream().filter(p -> Objects.nonNull(p.displayName()))
                .collect(Collectors.toMap(PractitionerDetails::id, PractitionerDetails::displayName));
    }
}

package com.clearskin.hygiene.web;

import com.clearskin.accounts.Membership;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.Client;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.hygiene.Hygiene;
import com.clearskin.platform.ConflictException;
import com.clearskin.sessions.Sessions;
import com.clearskin.sessions.TreatmentSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The recall a failed spore test produces, for the API and the recall page alike: the packages, the
 * sessions they were opened in, the clients and practitioners to act on, and the checklist so far.
 * Reading the clients' contact details is audited.
 */
@Component
class Recalls {

    record RecallSession(UUID id, UUID clientId, UUID practitionerId, Instant startedAt, String packageCode) {
    }

    record RecallClient(UUID id, String name, String email, String phone) {
    }

    record Recall(UUID sporeTestId, UUID sterilizerId, Instant readAt, List<Hygiene.PackageRef> packages,
            List<RecallSession> sessions, List<RecallClient> clients, List<Hygiene.RecallAction> actions) {
    }

    private final Hygiene hygiene;
    private final Sessions sessions;
    private final Clients clients;
    private final AuditLog audit;

    Recalls(Hygiene hygiene, Sessions sessions, Clients clients, AuditLog audit) {
        this.hygiene = hygiene;
        this.sessions = sessions;
        this.clients = clients;
        this.audit = audit;
    }

    Recall recall(Membership m, UUID testId) {
        Clinic clinic = m.clinic();
        Hygiene.SporeTest t = failed(clinic, testId);
        List<RecallSession> used = new ArrayList<>();
        Map<UUID, RecallClient> people = new LinkedHashMap<>();
        for (Hygiene.Use u : hygiene.usesOfRecall(clinic, t.id())) {
            Optional<TreatmentSession> s = sessions.find(clinic, u.sessionId());
            if (s.isEmpty()) {
                continue;
            }
            used.add(new RecallSession(s.get().id(), s.get().clientId(), s.get().practitionerId(), s.get().startedAt(),
                    u.packageCode()));
            clients.find(clinic, s.get().clientId()).ifPresent(c -> people.putIfAbsent(c.id(), contact(c)));
        }
        audit.recordEach(m, people.keySet(), AuditAction.READ, AuditResource.CLIENT_RECORD, "instrument recall contact list");
        return new Recall(t.id(), t.sterilizerId(), t.readAt(), hygiene.packages(clinic, t.recalled()), used,
                List.copyOf(people.values()), hygiene.recallActions(clinic, t.id()));
    }

    Hygiene.RecallAction act(Membership m, UUID testId, JsonNode body, UUID by) {
        Recall r = recall(m, testId);
        return hygiene.addRecallAction(m.clinic(), r.sporeTestId(),
                r.clients().stream().map(RecallClient::id).collect(Collectors.toSet()), body, by);
    }

    private Hygiene.SporeTest failed(Clinic clinic, UUID testId) {
        Hygiene.SporeTest t = hygiene.requireSporeTest(clinic, testId);
        if (!"fail".equals(t.result())) {
            throw new ConflictException("spore-test-passed", "This spore test passed: there is nothing to recall.", Map.of());
        }
        return t;
    }

    private static RecallClient contact(Client c) {
        return new RecallClient(c.id(), c.fullName(), c.email(), c.phone());
    }
}

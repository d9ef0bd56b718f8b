package com.clearskin.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One treatment session and its clinical record: the day's check and what the engine said, the
 * consent it rests on, the steps as copied from the protocol with their server-held times, the
 * chart, the practitioner's signature, the co-signature when medical oversight needs one, and the
 * addenda written after signing.
 */
public record TreatmentSession(UUID id, UUID appointmentId, UUID clientId, String treatment, UUID practitionerId,
        Instant startedAt, UUID startedBy, Safety safety, UUID consentId, String oversight, Chart chart,
        Instant chartUpdatedAt, UUID chartUpdatedBy, Instant signedAt, UUID signedBy, Instant cosignedAt,
        UUID cosignedBy, List<Step> steps, List<Addendum> addenda) {

    public TreatmentSession {
        steps = List.copyOf(steps);
        addenda = List.copyOf(addenda);
    }

    /** The day's check, the engine's verdict on it with its reasons, and the cautions acknowledged. */
    public record Safety(Map<String, Boolean> todayCheck, String verdict, List<SafetyReason> reasons,
            List<Acknowledged> acknowledgedCautions) {
    }

    public record SafetyReason(String rule, String text) {
    }

    public record Acknowledged(String rule, String reason, UUID by, Instant at) {
    }

    public record Step(int order, String name, String description, Integer minMinutes, Integer maxMinutes,
            Instant startedAt, Instant completedAt, String notes) {

        public boolean overrun(Instant now) {
            return SessionRules.overrun(startedAt, completedAt, maxMinutes, now);
        }

        public boolean running() {
            return startedAt != null && completedAt == null;
        }

        public boolean done() {
            return completedAt != null;
        }
    }

    public record Addendum(UUID id, String text, UUID author, Instant at) {
    }

    public boolean signed() {
        return signedAt != null;
    }

    public boolean needsCosign() {
        return oversight != null;
    }

    /** in-progress until signed; awaiting-cosign while a needed co-signature is missing; then signed. */
    public String status() {
        if (signedAt == null) {
            return "in-progress";
        }
        return oversight != null && cosignedAt == null ? "awaiting-cosign" : "signed";
    }

    /** The status in the words of the pages: "In progress", "Awaiting co-signature", "Signed". */
    public String statusLabel() {
        return statusLabel(status());
    }

    /** The words for a status code; an unknown code as it is. */
    public static String statusLabel(String status) {
        return switch (status) {
            case "in-progress" -> "In progress";
            case "awaiting-cosign" -> "Awaiting co-signature";
            case "signed" -> "Signed";
            default -> status;
        };
    }

    /** The step to show large: the running one, else the first not done, else the last. */
    public Step current() {
        return steps.stream().filter(Step::running).findFirst()
                .or(() -> steps.stream().filter(s -> !s.done()).findFirst())
                .orElse(steps.isEmpty() ? null : steps.get(steps.size() - 1));
    }
}

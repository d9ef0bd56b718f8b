package com.clearskin.sessions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as the API and the pages show it: the record with the names of the people in it, each
 * step's timer as the server sees it now ({@code overrun}, {@code secondsLeft}), and the server's
 * time, so that every device shows the same countdown.
 */
public record SessionView(UUID id, UUID appointmentId, UUID clientId, String clientName, String treatment,
        String treatmentName, UUID practitionerId, String practitionerName, String status, Instant startedAt,
        UUID startedBy, String startedByName, TreatmentSession.Safety safety, UUID consentId, List<StepView> steps,
        Chart chart, Instant chartUpdatedAt, Instant signedAt, UUID signedBy, String signedByName, Cosign cosign,
        List<AddendumView> addenda, Instant serverTime) {

    public record StepView(int order, String name, String description, Integer minMinutes, Integer maxMinutes,
            Instant startedAt, Instant completedAt, String notes, boolean overrun, Long secondsLeft, String state) {

        /** The time left as the page first shows it, m:ss (or +m:ss past the maximum); empty without a timer. */
        public String clock() {
            if (secondsLeft == null) {
                return "";
            }
            long s = Math.abs(secondsLeft);
            return (secondsLeft < 0 ? "+" : "") + s / 60 + ":" + (s % 60 < 10 ? "0" : "") + s % 60;
        }
    }

    /** Whether a co-signature is needed (the oversight level), and who gave it when. */
    public record Cosign(boolean required, String oversight, Instant cosignedAt, UUID cosignedBy, String cosignedByName) {
    }

    public record AddendumView(UUID id, String text, UUID author, String authorName, Instant at) {
    }

    /** The status in the words of the pages ("In progress", "Awaiting co-signature", "Signed"). */
    public String statusLabel() {
        return TreatmentSession.statusLabel(status);
    }

    /** The step shown large: the running one, else the first not done, else the last. */
    public StepView current() {
        return steps.stream().filter(s -> "running".equals(s.state())).findFirst()
                .or(() -> steps.stream().filter(s -> !"done".equals(s.state())).findFirst())
                .orElse(steps.isEmpty() ? null : steps.get(steps.size() - 1));
    }

    public boolean allDone() {
        return steps.stream().allMatch(s -> "done".equals(s.state()));
    }
}

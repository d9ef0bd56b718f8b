package com.clearskin.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The client's sessions that count for the treatment rules: booked, checked in or completed (a
 * cancelled or missed appointment treated nothing), each on its local date in the clinic.
 */
public record TreatmentHistory(List<Session> sessions) {

    public TreatmentHistory {
        sessions = List.copyOf(sessions);
    }

    /** One session; {@code appointmentId} is null for a session only planned (a course being proposed). */
    public record Session(UUID appointmentId, String treatment, LocalDate date) {
    }

    public static TreatmentHistory none() {
        return new TreatmentHistory(List.of());
    }

    /** Without the appointment being moved (null: all of them). */
    public TreatmentHistory without(UUID appointmentId) {
        if (appointmentId == null) {
            return this;
        }
        return new TreatmentHistory(sessions.stream().filter(s -> !appointmentId.equals(s.appointmentId())).toList());
    }

    /** With further sessions (the earlier ones of a course being planned). */
    public TreatmentHistory with(List<Session> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Session> all = new ArrayList<>(sessions);
        all.addAll(more);
        return new TreatmentHistory(all);
    }

    public List<Session> of(String treatment) {
        return sessions.stream().filter(s -> s.treatment().equals(treatment)).toList();
    }
}

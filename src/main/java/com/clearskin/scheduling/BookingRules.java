package com.clearskin.scheduling;

import com.clearskin.clinics.Clinic;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The treatment rules every booking passes, whatever the channel (staff, client portal, API):
 * contraindications from the client's latest assessment, the minimum interval between sessions of
 * one treatment, recovery windows between different treatments, and the professional cadence by
 * skin type.
 */
@Service
public class BookingRules {

    /**
     * What the rules say of booking {@code treatment} for the client at {@code start};
     * {@code ignoringAppointment} (may be null) is an appointment being moved, which must not count
     * against itself. Empty when every rule allows it.
     */
    public List<RuleFinding> check(Clinic clinic, UUID clientId, String treatment, Instant start,
            UUID ignoringAppointment) {
        // Implemented with the rules of issue 4 point 4 (branch "rules").
        return List.of();
    }
}

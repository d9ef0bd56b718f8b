package com.clearskin.sessions;

import java.util.List;
import java.util.UUID;

/**
 * A visit as the client reads it: the treatment, the day, who treated them, how to look after their
 * skin, and what other modules add in plain words ({@link VisitLines}: the instruments used).
 */
public record VisitSummary(UUID sessionId, String treatment, String date, String practitioner, List<String> aftercare,
        List<String> details) {
}

package com.clearskin.sessions;

import java.util.List;
import java.util.UUID;

/** A visit as the client reads it: the treatment, the day, who treated them and how to look after their skin. */
public record VisitSummary(UUID sessionId, String treatment, String date, String practitioner, List<String> aftercare) {
}

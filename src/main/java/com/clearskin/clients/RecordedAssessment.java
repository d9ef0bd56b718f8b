package com.clearskin.clients;

import com.clearskin.assessment.Assessment;
import java.time.Instant;
import java.util.UUID;

/** One entry of a client's assessment history: what they answered, when, and who recorded it. */
public record RecordedAssessment(UUID id, UUID clientId, Instant recordedAt, UUID recordedBy, String recordedByName,
        Assessment assessment) {
}

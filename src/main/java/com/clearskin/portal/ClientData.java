package com.clearskin.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a clinic holds about one client, as the client downloads it: who they are, every
 * assessment with its answers, every appointment, their requests to erase, and the care
 * instructions for their treatments. Times in the clinic's zone.
 */
public record ClientData(Instant exportedAt, String clinic, String timeZone, Person person,
        List<AssessmentEntry> assessments, List<AppointmentEntry> appointments, List<ErasureEntry> erasureRequests,
        List<CareInstructions> care, List<ConsentEntry> consents, List<RecordEntry> records) {

    /** A consent the client signed, with its evidence and where it stands. */
    public record ConsentEntry(UUID id, String title, int formVersion, String signedAt, String validUntil,
            String status, String signerName, String typedSignature, String documentSha256, String withdrawnAt) {
    }

    /** The clinical record of one session, as the law gives the client a copy of it. */
    public record RecordEntry(UUID id, String treatment, String treatmentName, String startedAt, String practitioner,
            String status, String signedAt, Map<String, Boolean> todayCheck, List<String> steps,
            com.clearskin.sessions.Chart chart, List<String> addenda) {
    }

    public record Person(UUID id, String firstName, String lastName, String email, String phone,
            LocalDate dateOfBirth, Instant clientSince) {
    }

    public record AssessmentEntry(UUID id, String recordedAt, String recordedBy, Map<String, Object> answers) {
    }

    public record AppointmentEntry(UUID id, String treatment, String treatmentName, String start, String end,
            String status) {
    }

    public record ErasureEntry(UUID id, String requestedAt, String status, String decision) {
    }

    /** How to prepare for and recover from one treatment the client has booked or had. */
    public record CareInstructions(String treatment, String treatmentName, List<String> before, List<String> after) {
    }
}

package com.clearskin.mail;

import java.time.Instant;
import java.util.UUID;

/** A message in the outbox as an admin sees it. {@code body} is null where it must not be shown. */
public record OutboxMessage(UUID id, UUID clinicId, String messageId, String kind, String recipient, String subject,
        String body, MailStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
        Instant sentAt) {
}

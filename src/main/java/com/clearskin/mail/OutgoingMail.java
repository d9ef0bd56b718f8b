package com.clearskin.mail;

import java.util.UUID;

/**
 * A plain-text message to put in the outbox. {@code clinicId} is the clinic the message is sent for,
 * or null for personal mail such as a password reset. A {@code sensitive} message carries a secret
 * (a single-use link): its body is removed once it is sent and not shown while mail is delivered.
 */
public record OutgoingMail(UUID clinicId, String kind, String recipient, String subject, String body,
        boolean sensitive) {

    public OutgoingMail {
        if (kind == null || kind.isBlank() || recipient == null || recipient.isBlank() || subject == null
                || body == null) {
            throw new IllegalArgumentException("kind, recipient, subject and body are required");
        }
        if (recipient.contains("\r") || recipient.contains("\n") || subject.contains("\r") || subject.contains("\n")) {
            throw new IllegalArgumentException("recipient and subject are one line each");
        }
    }
}

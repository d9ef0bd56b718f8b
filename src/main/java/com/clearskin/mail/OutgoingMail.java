package com.clearskin.mail;

import java.util.Map;
import java.util.UUID;

/**
 * A message to put in the outbox: plain text, and optionally an HTML part, one text attachment (a
 * calendar file) and extra headers (List-Unsubscribe). {@code clinicId} is the clinic the message is
 * sent for, or null for personal mail such as a password reset. A {@code sensitive} message carries a
 * secret (a single-use link): its body is removed once it is sent and not shown while mail is delivered.
 */
public record OutgoingMail(UUID clinicId, String kind, String recipient, String subject, String body,
        boolean sensitive, String html, Attachment attachment, Map<String, String> headers) {

    /** A text attachment: its file name, its media type (text/calendar; method=REQUEST) and content. */
    public record Attachment(String name, String contentType, String content) {
        public Attachment {
            if (name == null || name.isBlank() || contentType == null || contentType.isBlank() || content == null) {
                throw new IllegalArgumentException("an attachment has a name, a type and content");
            }
            if (breaksLine(name) || breaksLine(contentType)) {
                throw new IllegalArgumentException("an attachment's name and type are one line each");
            }
        }
    }

    public OutgoingMail(UUID clinicId, String kind, String recipient, String subject, String body, boolean sensitive) {
        this(clinicId, kind, recipient, subject, body, sensitive, null, null, Map.of());
    }

    public OutgoingMail {
        if (kind == null || kind.isBlank() || recipient == null || recipient.isBlank() || subject == null
                || body == null) {
            throw new IllegalArgumentException("kind, recipient, subject and body are required");
        }
        if (breaksLine(recipient) || breaksLine(subject)) {
            throw new IllegalArgumentException("recipient and subject are one line each");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        headers.forEach((name, value) -> {
            if (!name.matches("[A-Za-z][A-Za-z0-9-]*") || value == null || breaksLine(value)) {
                throw new IllegalArgumentException("a header is a name and a one-line value: " + name);
            }
        });
    }

    private static boolean breaksLine(String text) {
        return text.contains("\r") || text.contains("\n");
    }
}

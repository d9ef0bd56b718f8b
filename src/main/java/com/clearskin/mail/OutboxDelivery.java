package com.clearskin.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * One round of delivery: claim the due messages, send each over SMTP, record the outcome.
 *
 * <p>Claiming is one statement ({@code for update skip locked}), so any number of app instances can
 * deliver side by side without two taking the same message; the claim leases the message for
 * {@code lease}, longer than the SMTP timeouts. Delivery is <b>at least once</b>: a message is marked
 * sent only after the SMTP server accepted it, so a crash between the two leaves it leased, and it is
 * sent again when the lease ends. Losing an invitation or a reset mail would be worse than the rare
 * duplicate, and the duplicate carries the same Message-ID header, so mail clients and people can
 * recognise it. Without a crash, each message is sent exactly once.
 */
class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    record Claimed(UUID id, String messageId, String recipient, String subject, String body, int attempts, String html,
            String attachmentName, String attachmentType, String attachment, Map<String, String> headers) {
    }

    private final JdbcClient jdbc;
    private final JavaMailSender sender;
    private final MailSettings settings;
    private final RetryPolicy retries;
    private final Clock clock;

    OutboxDelivery(JdbcClient jdbc, JavaMailSender sender, MailSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.settings = settings;
        this.retries = settings.retryPolicy();
        this.clock = clock;
    }

    /** Sends what is due now; returns how many messages were sent. */
    int deliverDue() {
        int sent = 0;
        for (Claimed message : claimDue()) {
            if (send(message)) {
                sent++;
            }
        }
        return sent;
    }

    List<Claimed> claimDue() {
        Instant now = Instant.now(clock);
        return jdbc.sql("""
                with due as (
                    select id from outbox_message
                    where (status = 'pending' and next_attempt_at <= :now)
                       or (status = 'sending' and leased_until <= :now)
                    order by next_attempt_at, id
                    limit :batch
                    for update skip locked)
                update outbox_message m
                set status = 'sending', attempts = m.attempts + 1, leased_until = :leaseEnd
                from due where m.id = due.id
                returning m.id, m.message_id, m.recipient, m.subject, m.body, m.attempts, m.html_body,
                          m.attachment_name, m.attachment_type, m.attachment, m.headers::text as headers""")
                .param("now", Timestamp.from(now)).param("batch", settings.batchSize())
                .param("leaseEnd", Timestamp.from(now.plus(settings.lease())))
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("message_id"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"),
                        rs.getString("html_body"), rs.getString("attachment_name"), rs.getString("attachment_type"),
                        rs.getString("attachment"), headers(rs.getString("headers"))))
                .list();
    }

    private boolean send(Claimed message) {
        try {
            sender.send(toMime(message));
        } catch (MailException | MessagingException e) {
            recordFailure(message, e);
            return false;
        }
        jdbc.sql("""
                update outbox_message
                set status = 'sent', sent_at = :now, leased_until = null, last_error = null,
                    body = case when sensitive then :redacted else body end,
                    html_body = case when sensitive then null else html_body end
                where id = :id and status = 'sending'""")
                .param("now", Timestamp.from(Instant.now(clock))).param("redacted", Outbox.REDACTED)
                .param("id", message.id()).update();
        return true;
    }

    private MimeMessage toMime(Claimed message) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        boolean multipart = message.html() != null || message.attachment() != null;
        MimeMessageHelper helper = new MimeMessageHelper(mime, multipart, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        if (message.html() != null) {
            helper.setText(message.body(), message.html());
        } else {
            helper.setText(message.body(), false);
        }
        if (message.attachment() != null) {
            helper.addAttachment(message.attachmentName(), new ByteArrayResource(
                    message.attachment().getBytes(StandardCharsets.UTF_8)), message.attachmentType());
        }
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        mime.setHeader("Message-ID", message.messageId());
        return mime;
    }

    private void recordFailure(Claimed message, Exception e) {
        Instant now = Instant.now(clock);
        boolean permanent = e instanceof MailPreparationException || e instanceof MailParseException
                || e instanceof MessagingException;
        Instant next = permanent ? null : retries.nextAttempt(message.attempts(), now);
        String error = describe(e);
        log.warn("Mail {} to {} failed (attempt {}): {}", message.messageId(), message.recipient(), message.attempts(),
                error);
        jdbc.sql("""
                update outbox_message
                set status = :status, next_attempt_at = coalesce(:next, next_attempt_at), leased_until = null,
                    last_error = :error
                where id = :id and status = 'sending'""")
                .param("status", next == null ? "failed" : "pending")
                .param("next", next == null ? null : Timestamp.from(next))
                .param("error", error).param("id", message.id()).update();
    }

    static Map<String, String> headers(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, String> headers = new TreeMap<>();
        Outbox.HEADERS.readTree(json).properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        return headers;
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.length() > 500 ? text.substring(0, 500) : text.toString();
    }
}

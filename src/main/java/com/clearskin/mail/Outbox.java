package com.clearskin.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: mail is written here in the same transaction as the event it tells about, so that an
 * invitation exists if and only if its mail will go out. {@link OutboxSender} delivers it over SMTP
 * when a mail host is configured; otherwise it stays here, viewable by the clinic's admins.
 */
@Service
public class Outbox {

    static final tools.jackson.databind.json.JsonMapper HEADERS = tools.jackson.databind.json.JsonMapper.builder().build();
    static final String REDACTED = "[This message carried a single-use link; its text was removed once it was sent.]";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> mailSender;

    Outbox(JdbcClient jdbc, Clock clock, MailSettings settings, ObjectProvider<JavaMailSender> mailSender) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.mailSender = mailSender;
    }

    /**
     * Puts a message in the outbox. Must run inside the caller's transaction (refused otherwise), so
     * that the message is committed, or rolled back, together with the change it announces.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(OutgoingMail mail) {
        UUID id = UUID.randomUUID();
        enqueue(id, mail);
        return id;
    }

    /**
     * Puts a message in the outbox under the caller's stable id (its Message-ID is made of it), in the
     * caller's transaction; a second call with the same id adds nothing. Returns whether it was added.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(UUID id, OutgoingMail mail) {
        Instant now = Instant.now(clock);
        return jdbc.sql("""
                insert into outbox_message (id, clinic_id, message_id, kind, recipient, subject, body, sensitive,
                                            status, attempts, next_attempt_at, created_at, html_body, attachment_name,
                                            attachment_type, attachment, headers)
                values (:id, :clinic, :messageId, :kind, :recipient, :subject, :body, :sensitive,
                        'pending', 0, :now, :now, :html, :attachmentName, :attachmentType, :attachment,
                        cast(:headers as jsonb))
                on conflict (id) do nothing""")
                .param("id", id).param("clinic", mail.clinicId())
                .param("messageId", "<" + id + "@" + settings.domain() + ">")
                .param("kind", mail.kind()).param("recipient", mail.recipient()).param("subject", mail.subject())
                .param("body", mail.body()).param("sensitive", mail.sensitive()).param("html", mail.html())
                .param("attachmentName", mail.attachment() == null ? null : mail.attachment().name())
                .param("attachmentType", mail.attachment() == null ? null : mail.attachment().contentType())
                .param("attachment", mail.attachment() == null ? null : mail.attachment().content())
                .param("headers", HEADERS.writeValueAsString(new java.util.TreeMap<>(mail.headers())))
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Deletes the messages sent longer ago than the retention setting (clearskin.mail.keep-sent-for,
     * 30 days by default); pending and failed ones stay. Returns how many were deleted.
     */
    public int forgetDelivered() {
        return jdbc.sql("delete from outbox_message where status = 'sent' and sent_at < :before")
                .param("before", Timestamp.from(Instant.now(clock).minus(settings.keepSentFor()))).update();
    }

    /** The clinic's latest messages, newest first; a sensitive body only while mail is not delivered. */
    public List<OutboxMessage> forClinic(UUID clinicId, int limit) {
        boolean showSensitive = !delivers();
        return jdbc.sql("""
                select * from outbox_message where clinic_id = :clinic order by created_at desc, id limit :limit""")
                .param("clinic", clinicId).param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> map(rs, showSensitive)).list();
    }

    /** Whether mail really goes out (an SMTP host is configured). */
    public boolean delivers() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Whether a personal message's link is written to the server's console for whoever runs it, since
     * it cannot be mailed: only in the embedded development default (clearskin.mail.links-to-console,
     * off in the prod profile) and only while no mail is sent. Never shown in a response: what a caller
     * sends (Host, forwarded headers) cannot earn a link.
     */
    public boolean writesLinksToConsole() {
        return settings.linksToConsole() && !delivers();
    }

    /** The configured public address of the app (CLEARSKIN_BASE_URL), if any, without a trailing slash. */
    public Optional<String> baseUrl() {
        String url = settings.baseUrl() == null ? "" : settings.baseUrl().strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(url.replaceAll("/+$", ""));
    }

    static OutboxMessage map(ResultSet rs, boolean showSensitive) throws SQLException {
        boolean hidden = rs.getBoolean("sensitive") && !showSensitive;
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxMessage(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
                rs.getString("message_id"), rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                hidden ? null : rs.getString("body"), MailStatus.fromCode(rs.getString("status")).orElseThrow(),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}

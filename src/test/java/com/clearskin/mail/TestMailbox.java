package com.clearskin.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server in this JVM (GreenMail) and the outbox's own delivery pointed at it, for tests
 * in any module: enqueue through the application, {@link #deliver()}, then read what arrived.
 */
public final class TestMailbox implements AutoCloseable {

    static final String FROM = "Clearskin <no-reply@clearskin.test>";

    private final GreenMail server;
    private final JdbcClient jdbc;

    public TestMailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
    }

    static MailSettings settings(int maxAttempts) {
        return new MailSettings(FROM, "", maxAttempts, Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofMinutes(2), 50, false, Duration.ofDays(30));
    }

    JavaMailSender sender() {
        return sender(server.getSmtp().getPort());
    }

    static JavaMailSender sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return sender;
    }

    OutboxDelivery delivery(Clock clock, int maxAttempts) {
        return new OutboxDelivery(jdbc, sender(), settings(maxAttempts), clock);
    }

    /**
     * Sends everything due now over SMTP to this server, batch after batch until none is left (the
     * outbox of the test database holds what every earlier test enqueued, and one batch of the oldest
     * need not reach this test's message); returns how many went out.
     */
    public int deliver() {
        OutboxDelivery delivery = delivery(Clock.systemUTC(), 8);
        int sent = 0;
        for (int round = delivery.deliverDue(); round > 0; round = delivery.deliverDue()) {
            sent += round;
        }
        return sent;
    }

    /** The messages the server received for {@code recipient}. */
    public List<MimeMessage> to(String recipient) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the message to a path starting with {@code pathPrefix} (e.g. "/invitations/"). */
    public static String link(MimeMessage message, String pathPrefix) {
        Matcher m = Pattern.compile("https?://[^\\s]+" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_\\-]+").matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("No link to " + pathPrefix + " in: " + text(message));
        }
        return m.group();
    }

    /** The path and token of a link, for the test's HTTP client. */
    public static String path(String link) {
        return link.replaceFirst("^https?://[^/]+", "");
    }

    @Override
    public void close() {
        server.stop();
    }
}

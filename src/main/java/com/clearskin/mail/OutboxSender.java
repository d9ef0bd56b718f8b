package com.clearskin.mail;

import com.clearskin.platform.StartupRefusal;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox in the background when an SMTP host is configured (spring.mail.host, or
 * CLEARSKIN_MAIL_HOST); without one, messages wait in the outbox for admins to read.
 */
@Component
class OutboxSender {

    private final OutboxDelivery delivery;

    OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, MailSettings settings, Clock clock) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender != null && (settings.baseUrl() == null || settings.baseUrl().isBlank())) {
            throw new StartupRefusal("CLEARSKIN_BASE_URL must be set when mail is sent (CLEARSKIN_MAIL_HOST is set): "
                    + "the links in invitations and password resets point to it.", null);
        }
        this.delivery = sender == null ? null : new OutboxDelivery(jdbc, sender, settings, clock);
    }

    /** Delivers while whole batches go out (a recurring job of the job runtime, see MailConfiguration). */
    void deliver() {
        if (delivery != null) {
            while (delivery.deliverDue() > 0) {
                // keep going while whole batches go out
            }
        }
    }
}

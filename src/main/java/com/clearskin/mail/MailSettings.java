package com.clearskin.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox sends: the sender address, the public address links in mail point to, the retry
 * policy, how long a sender may hold a message while it talks to the SMTP server, and whether the
 * embedded default may show a personal mail's link on the page to a visitor on this machine (never
 * in the prod profile, never when mail is really sent).
 */
@ConfigurationProperties("clearskin.mail")
record MailSettings(
        @DefaultValue("Clearskin <no-reply@clearskin.local>") String from,
        @DefaultValue("") String baseUrl,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("20") int batchSize,
        @DefaultValue("false") boolean linksToConsole,
        @DefaultValue("30d") Duration keepSentFor) {

    RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, firstRetry, maxRetry);
    }

    /** The domain of the sender address, for Message-IDs. */
    String domain() {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "clearskin.local" : from.substring(at + 1).replace(">", "").strip();
        return domain.isEmpty() ? "clearskin.local" : domain;
    }
}

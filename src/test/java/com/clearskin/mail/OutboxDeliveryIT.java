package com.clearskin.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server in this JVM (GreenMail). */
@IntegrationTest
class OutboxDeliveryIT {

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    TestMailbox mailbox;

    @BeforeEach
    void start() {
        mailbox = new TestMailbox(jdbc);
        // What earlier test classes left in the outbox goes first, so that a batch here holds this test's mail.
        mailbox.deliver();
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    String recipient() {
        return "r-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    UUID enqueue(String to, boolean sensitive) {
        return transactions.execute(s -> outbox.enqueue(new OutgoingMail(null, "test", to, "Hello " + to,
                "Body for " + to + "\nhttp://localhost/x/secret", sensitive)));
    }

    String status(UUID id) {
        return jdbc.sql("select status from outbox_message where id = :id").param("id", id).query(String.class).single();
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void enqueueOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMail(null, "test", recipient(), "s", "b", false)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aRolledBackTransactionLeavesNoMail() {
        String to = recipient();
        transactions.executeWithoutResult(s -> {
            outbox.enqueue(new OutgoingMail(null, "test", to, "s", "b", false));
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :to").param("to", to)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aMessageIsSentOnceWithItsMessageId() throws Exception {
        String to = recipient();
        UUID id = enqueue(to, false);

        mailbox.deliver();
        mailbox.deliver();

        List<MimeMessage> received = mailbox.to(to);
        assertThat(received).hasSize(1);
        String messageId = jdbc.sql("select message_id from outbox_message where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(received.get(0).getMessageID()).isEqualTo(messageId).startsWith("<" + id + "@");
        assertThat(received.get(0).getSubject()).isEqualTo("Hello " + to);
        assertThat(TestMailbox.text(received.get(0))).contains("Body for " + to);
        assertThat(status(id)).isEqualTo("sent");
        assertThat(jdbc.sql("select attempts from outbox_message where id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aSensitiveBodyIsRemovedOnceSent() {
        String to = recipient();
        UUID id = enqueue(to, true);
        mailbox.deliver();
        assertThat(TestMailbox.text(mailbox.to(to).get(0))).contains("/x/secret");
        assertThat(jdbc.sql("select body from outbox_message where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo(Outbox.REDACTED);
    }

    @Test
    void aTransientFailureIsRetriedAfterTheBackoffAndThenSentOnce() throws Exception {
        String to = recipient();
        UUID id = enqueue(to, false);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(1);
        OutboxDelivery down = new OutboxDelivery(jdbc, TestMailbox.sender(closedPort()), TestMailbox.settings(5), at(now));

        down.deliverDue();
        assertThat(status(id)).isEqualTo("pending");
        var row = jdbc.sql("select attempts, next_attempt_at, last_error from outbox_message where id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant()).isEqualTo(now.plusSeconds(30));
        assertThat((String) row.get("last_error")).isNotBlank();

        OutboxDelivery up = new OutboxDelivery(jdbc, mailbox.sender(), TestMailbox.settings(5), at(now.plusSeconds(29)));
        up.deliverDue();
        assertThat(mailbox.to(to)).as("not before the backoff").isEmpty();

        OutboxDelivery later = new OutboxDelivery(jdbc, mailbox.sender(), TestMailbox.settings(5), at(now.plusSeconds(30)));
        later.deliverDue();
        later.deliverDue();
        assertThat(mailbox.to(to)).hasSize(1);
        assertThat(status(id)).isEqualTo("sent");
    }

    @Test
    void theBackoffDoublesAndTheOutboxGivesUpAfterTheLastAttempt() throws Exception {
        String to = recipient();
        UUID id = enqueue(to, false);
        int port = closedPort();
        Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(1);
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            new OutboxDelivery(jdbc, TestMailbox.sender(port), TestMailbox.settings(3), at(t)).deliverDue();
            Instant next = jdbc.sql("select next_attempt_at from outbox_message where id = :id").param("id", id)
                    .query(java.sql.Timestamp.class).single().toInstant();
            if (attempt < 3) {
                waits.add(Duration.between(t, next));
                t = next;
            }
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(status(id)).isEqualTo("failed");

        new OutboxDelivery(jdbc, mailbox.sender(), TestMailbox.settings(3), at(t.plus(Duration.ofDays(1)))).deliverDue();
        assertThat(mailbox.to(to)).as("a failed message is not sent any more").isEmpty();
    }

    @Test
    void aMessageLeftLeasedByACrashedSenderIsSentAgainAfterTheLease() {
        String to = recipient();
        UUID id = enqueue(to, false);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(1);
        OutboxDelivery crashed = new OutboxDelivery(jdbc, mailbox.sender(), TestMailbox.settings(5), at(now));
        assertThat(crashed.claimDue()).extracting(OutboxDelivery.Claimed::id).contains(id);
        assertThat(status(id)).isEqualTo("sending");

        new OutboxDelivery(jdbc, mailbox.sender(), TestMailbox.settings(5), at(now.plusSeconds(60))).deliverDue();
        assertThat(mailbox.to(to)).as("still leased").isEmpty();

        new OutboxDelivery(jdbc, mailbox.sender(), TestMailbox.settings(5), at(now.plusSeconds(121))).deliverDue();
        assertThat(mailbox.to(to)).hasSize(1);
        assertThat(status(id)).isEqualTo("sent");
    }

    @Test
    void twoSendersSideBySideSendEachMessageOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String to = recipient();
            recipients.add(to);
            enqueue(to, false);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> {
                int sent = 0;
                OutboxDelivery d = new OutboxDelivery(jdbc, mailbox.sender(), TestMailbox.settings(5), Clock.systemUTC());
                for (int n; (n = d.deliverDue()) > 0; ) {
                    sent += n;
                }
                return sent;
            };
            Future<Integer> a = pool.submit(run);
            Future<Integer> b = pool.submit(run);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        for (String to : recipients) {
            assertThat(mailbox.to(to)).as(to).hasSize(1);
        }
    }
}

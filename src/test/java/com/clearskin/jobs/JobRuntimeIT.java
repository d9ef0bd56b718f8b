package com.clearskin.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The job runtime over the application's database: every former loop is a recurring job, and they run. */
@IntegrationTest
class JobRuntimeIT {

    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;

    static void await(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 20 s").isBefore(end);
            Thread.sleep(100);
        }
    }

    @Test
    void everyBackgroundLoopIsARecurringJobInTheTable() throws InterruptedException {
        assertThat(jobs.names()).contains("mail-outbox-delivery", "mail-outbox-retention", "waitlist-offer-expiry",
                "public-booking-hold-release", "accounts-sign-in-failures-purge", "accounts-password-reset-purge",
                "accounts-ended-sign-in-purge", "platform-idempotency-key-purge");
        await(() -> jdbc.sql("select count(*) from scheduled_tasks").query(Integer.class).single() >= jobs.names().size());
        assertThat(jdbc.sql("select task_name from scheduled_tasks").query(String.class).list())
                .containsAll(jobs.names());
    }

    @Test
    void idempotencyKeysOlderThanADayAreForgottenAndNewerOnesKept() throws InterruptedException {
        UUID clinic = jdbc.sql("select id from clinic where slug = 'demo'").query(UUID.class).single();
        UUID user = jdbc.sql("select id from app_user where email = 'owner@demo.test'").query(UUID.class).single();
        String old = "old-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        insertKey(clinic, user, old, Instant.now().minus(Duration.ofHours(25)));
        insertKey(clinic, user, fresh, Instant.now().minus(Duration.ofHours(23)));
        await(() -> jobs.runSoon("platform-idempotency-key-purge"));
        await(() -> count(old) == 0);
        assertThat(count(fresh)).isEqualTo(1);
    }

    @Test
    void sentMailPastRetentionIsDeletedPendingMailIsKept() throws InterruptedException {
        UUID sent = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(31)));
        jdbc.sql("""
                insert into outbox_message (id, message_id, kind, recipient, subject, body, status, next_attempt_at,
                                            created_at, sent_at)
                values (:id, :mid, 'test', 'a@example.com', 's', 'b', 'sent', :t, :t, :t)""")
                .param("id", sent).param("mid", "<" + sent + "@t>").param("t", longAgo).update();
        jdbc.sql("""
                insert into outbox_message (id, message_id, kind, recipient, subject, body, status, next_attempt_at,
                                            created_at)
                values (:id, :mid, 'test', 'a@example.com', 's', 'b', 'failed', :t, :t)""")
                .param("id", pending).param("mid", "<" + pending + "@t>").param("t", longAgo).update();
        await(() -> jobs.runSoon("mail-outbox-retention"));
        await(() -> outboxCount(sent) == 0);
        assertThat(outboxCount(pending)).isEqualTo(1);
    }

    void insertKey(UUID clinic, UUID user, String key, Instant at) {
        jdbc.sql("""
                insert into idempotent_request (clinic_id, user_id, idempotency_key, request_hash, created_at)
                values (:c, :u, :k, 'h', :at)""")
                .param("c", clinic).param("u", user).param("k", key).param("at", Timestamp.from(at)).update();
    }

    int count(String key) {
        return jdbc.sql("select count(*) from idempotent_request where idempotency_key = :k").param("k", key)
                .query(Integer.class).single();
    }

    int outboxCount(UUID id) {
        return jdbc.sql("select count(*) from outbox_message where id = :id").param("id", id).query(Integer.class).single();
    }
}

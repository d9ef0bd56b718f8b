package com.clearskin.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog as metrics: messages waiting to be sent, and the age in seconds of the oldest
 * one (a sender that stopped shows as a growing age). Read from the database at each scrape, so
 * every instance reports the same; no recipient or clinic in the labels.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(JdbcClient jdbc, MeterRegistry registry) {
        Gauge.builder("clearskin.outbox.pending", () -> jdbc.sql(
                        "select count(*) from outbox_message where status = 'pending'").query(Long.class).single())
                .description("Mail waiting to be sent").register(registry);
        Gauge.builder("clearskin.outbox.oldest.pending.age", () -> jdbc.sql("""
                        select coalesce(extract(epoch from now() - min(created_at)), 0)
                        from outbox_message where status = 'pending'""").query(Double.class).single())
                .description("Seconds the oldest waiting mail has waited").baseUnit("seconds").register(registry);
    }
}

package com.clearskin.webhooks;

import com.clearskin.clinics.Clinic;
import com.clearskin.followups.WebhookSignature;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clinic's webhooks: the addresses it registers for events, a delivery per event and address
 * written in the event's own transaction (none is lost), and the delivery job: signed in the
 * Standard Webhooks format, a stable {@code webhook-id}, retried with back-off, every attempt logged.
 * Cluster-safe: a delivery is claimed with {@code for update skip locked}.
 */
@Service
public class Webhooks {

    public record Endpoint(UUID id, String url, List<String> events, Instant createdAt) {
    }

    /** A new endpoint with its secret, shown once. */
    public record Registered(UUID id, String url, List<String> events, String secret, Instant createdAt) {
    }

    public record Delivery(UUID id, String messageId, String type, String status, int attempts, Integer lastStatus,
            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean allowLocal;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Webhooks(JdbcClient jdbc, JsonMapper json, Clock clock, TransactionTemplate transactions,
            @Value("${clearskin.webhooks.allow-local-addresses:false}") boolean allowLocal) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
        this.allowLocal = allowLocal;
    }

    /** Registers an address for some events: 400 naming {@code url} or {@code events}. */
    public Registered register(Clinic clinic, String url, List<String> events, UUID by) {
        List<Violation> v = new ArrayList<>();
        WebhookRules.urlProblem(url, allowLocal).ifPresent(p -> v.add(new Violation("url", p)));
        if (events == null || events.isEmpty()) {
            v.add(new Violation("events", "choose at least one of " + String.join(", ", WebhookRules.EVENTS)));
        } else {
            for (int i = 0; i < events.size(); i++) {
                if (!WebhookRules.EVENTS.contains(events.get(i))) {
                    v.add(new Violation("events[" + i + "]", "must be one of " + String.join(", ", WebhookRules.EVENTS)));
                }
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        byte[] key = new byte[24];
        random.nextBytes(key);
        String secret = WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        List<String> chosen = events.stream().distinct().toList();
        jdbc.sql("""
                insert into webhook_endpoint (clinic_id, id, url, events, secret, created_at, created_by)
                values (:clinic, :id, :url, cast(:events as jsonb), :secret, :now, :by)""")
                .param("clinic", clinic.id()).param("id", id).param("url", url.strip())
                .param("events", json.writeValueAsString(chosen)).param("secret", secret).param("now", Timestamp.from(now))
                .param("by", by).update();
        return new Registered(id, url.strip(), chosen, secret, now);
    }

    public List<Endpoint> endpoints(Clinic clinic) {
        return jdbc.sql("select id, url, events, created_at from webhook_endpoint where clinic_id = :clinic order by created_at, id")
                .param("clinic", clinic.id())
                .query((rs, n) -> new Endpoint(rs.getObject(1, UUID.class), rs.getString(2),
                        List.of(json.readValue(rs.getString(3), String[].class)), rs.getTimestamp(4).toInstant())).list();
    }

    /** The endpoint's deliveries, newest first (the delivery log); 404 for another clinic's. */
    public List<Delivery> deliveries(Clinic clinic, UUID endpointId) {
        if (endpoints(clinic).stream().noneMatch(e -> e.id().equals(endpointId))) {
            throw new NotFoundException("No webhook " + endpointId + ".");
        }
        return jdbc.sql("""
                select id, message_id, event_type, status, attempts, last_status, created_at, next_attempt_at, delivered_at
                from webhook_delivery where clinic_id = :clinic and endpoint_id = :endpoint
                order by created_at desc, id limit 200""")
                .param("clinic", clinic.id()).param("endpoint", endpointId)
                .query((rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), (Integer) rs.getObject(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant())).list();
    }

    /**
     * Writes one delivery of the event for every address of the clinic subscribed to it, in the caller's
     * transaction. The payload: {@code {"type","timestamp","data"}} (Standard Webhooks), ids only.
     */
    void enqueue(UUID clinicId, String type, Map<String, Object> data) {
        Instant now = Instant.now(clock);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", now.toString());
        payload.put("data", data);
        String body = json.writeValueAsString(payload);
        List<UUID> subscribed = jdbc.sql("""
                select id from webhook_endpoint where clinic_id = :clinic and events @> jsonb_build_array(cast(:type as text))""")
                .param("clinic", clinicId).param("type", type).query(UUID.class).list();
        for (UUID endpoint : subscribed) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into webhook_delivery (clinic_id, id, endpoint_id, message_id, event_type, payload, created_at,
                        status, next_attempt_at)
                    values (:clinic, :id, :endpoint, :message, :type, :payload, :now, 'pending', :now)""")
                    .param("clinic", clinicId).param("id", id).param("endpoint", endpoint).param("message", "msg_" + id)
                    .param("type", type).param("payload", body).param("now", Timestamp.from(now)).update();
        }
    }

    private record Due(UUID clinicId, UUID id, String messageId, String payload, int attempts, String url, String secret) {
    }

    /** Sends what is due, one delivery at a time, each claimed so no other instance sends it at once. */
    public int deliverDue() {
        int sent = 0;
        for (int i = 0; i < 100; i++) {
            Boolean one = transactions.execute(tx -> deliverOne());
            if (!Boolean.TRUE.equals(one)) {
                break;
            }
            sent++;
        }
        return sent;
    }

    private boolean deliverOne() {
        Instant now = Instant.now(clock);
        Due due = jdbc.sql("""
                select d.clinic_id, d.id, d.message_id, d.payload, d.attempts, e.url, e.secret
                from webhook_delivery d join webhook_endpoint e on e.clinic_id = d.clinic_id and e.id = d.endpoint_id
                where d.status = 'pending' and d.next_attempt_at <= :now
                order by d.next_attempt_at, d.id limit 1 for update of d skip locked""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7))).optional().orElse(null);
        if (due == null) {
            return false;
        }
        long timestamp = now.getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("webhook-id", due.messageId()).header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(due.secret(), due.messageId(), timestamp, due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload())).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (IllegalArgumentException e) {
            error = "bad address: " + e.getMessage();
        }
        int attempt = due.attempts() + 1;
        boolean ok = status != null && WebhookRules.delivered(status);
        String next = ok ? "delivered" : WebhookRules.givenUp(attempt) ? "failed" : "pending";
        jdbc.sql("""
                insert into webhook_attempt (clinic_id, delivery_id, attempt, at, status_code, error)
                values (:clinic, :id, :attempt, :now, :status, :error)""")
                .param("clinic", due.clinicId()).param("id", due.id()).param("attempt", attempt).param("now", Timestamp.from(now))
                .param("status", status).param("error", error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                .update();
        jdbc.sql("""
                update webhook_delivery set status = :next, attempts = :attempt, last_status = :status,
                    next_attempt_at = :retry, delivered_at = :delivered
                where clinic_id = :clinic and id = :id""")
                .param("next", next).param("attempt", attempt).param("status", status)
                .param("retry", Timestamp.from(now.plus(WebhookRules.backoff(attempt))))
                .param("delivered", ok ? Timestamp.from(now) : null).param("clinic", due.clinicId()).param("id", due.id())
                .update();
        return true;
    }
}

package com.clearskin.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code Idempotency-Key} header: the first successful response to a key (per clinic and
 * person) is kept with a hash of the request, and a retry of the same request gets that response
 * again instead of running twice. The key is claimed in the same transaction as the work, so a
 * concurrent duplicate waits on the first and then replays it, and a refused request (4xx) leaves
 * no key behind: its retry runs afresh. The same key with another request is refused (422, rule
 * {@code idempotency-key-reused}).
 */
@Service
public class IdempotentRequests {

    /** A response to keep and replay: its status, JSON body and, for a 201, the new resource's address. */
    public record Response(int status, String body, String location) {

        public Response(int status, String body) {
            this(status, body, null);
        }

        /** 201 Created at {@code location}. */
        public static Response created(String body, String location) {
            return new Response(201, body, location);
        }
    }

    /** The request header that makes a retry safe. */
    public static final String HEADER = "Idempotency-Key";

    /** How long a key is kept: a retry within a day replays; later it runs afresh. */
    public static final Duration KEPT_FOR = Duration.ofHours(24);

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Runs {@code work} once per key: without a key simply runs it; with a key seen before for the
     * same request, replays the kept response.
     */
    public Response run(UUID clinicId, UUID userId, String key, String method, String path, String body,
            Supplier<Response> work) {
        if (key == null) {
            return work.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key", "must be 1-200 visible ASCII characters");
        }
        String hash = hash(method + "\n" + path + "\n" + (body == null ? "" : body));
        return transaction.execute(status -> {
            int claimed = jdbc.sql("""
                    insert into idempotent_request (clinic_id, user_id, idempotency_key, request_hash, created_at)
                    values (:clinic, :user, :key, :hash, :now)
                    on conflict (clinic_id, user_id, idempotency_key) do nothing""")
                    .param("clinic", clinicId).param("user", userId).param("key", key).param("hash", hash)
                    .param("now", Timestamp.from(Instant.now(clock))).update();
            if (claimed == 0) {
                return replay(clinicId, userId, key, hash);
            }
            Response response = work.get();
            jdbc.sql("""
                    update idempotent_request set response_status = :status, response_body = :body,
                           response_location = :location
                    where clinic_id = :clinic and user_id = :user and idempotency_key = :key""")
                    .param("status", response.status()).param("body", response.body())
                    .param("location", response.location())
                    .param("clinic", clinicId).param("user", userId).param("key", key).update();
            return response;
        });
    }

    /** Deletes the keys kept longer than {@link #KEPT_FOR}; a retry after that runs afresh. Returns how many. */
    public int forgetOld() {
        return jdbc.sql("delete from idempotent_request where created_at < :before")
                .param("before", Timestamp.from(Instant.now(clock).minus(KEPT_FOR))).update();
    }

    /**
     * {@link #run} for a controller: the request's method, path and body make the request's hash;
     * the answer is JSON with the kept status and, for a 201, its {@code Location}. Any POST that
     * takes an {@code Idempotency-Key} answers through here.
     */
    public ResponseEntity<String> respond(UUID clinicId, UUID userId, String key, HttpServletRequest request,
            String body, Supplier<Response> work) {
        Response response = run(clinicId, userId, key, request.getMethod(), request.getRequestURI(), body, work);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status())
                .contentType(MediaType.APPLICATION_JSON);
        if (response.location() != null) {
            builder.header(HttpHeaders.LOCATION, response.location());
        }
        return builder.body(response.body());
    }

    private Response replay(UUID clinicId, UUID userId, String key, String hash) {
        record Kept(String hash, Integer status, String body, String location) {
        }
        Kept kept = jdbc.sql("""
                select request_hash, response_status, response_body, response_location from idempotent_request
                where clinic_id = :clinic and user_id = :user and idempotency_key = :key""")
                .param("clinic", clinicId).param("user", userId).param("key", key)
                .query((rs, n) -> new Kept(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4))).single();
        if (!kept.hash().equals(hash)) {
            throw new RuleRefusedException("idempotency-key-reused", "The Idempotency-Key '" + key
                    + "' was already used for a different request; use a new key for a new request.", null);
        }
        if (kept.status() == null) {
            throw new ConflictException("The request with Idempotency-Key '" + key + "' is still being processed.");
        }
        return new Response(kept.status(), kept.body(), kept.location());
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

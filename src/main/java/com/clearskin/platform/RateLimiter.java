package com.clearskin.platform;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per client (its address): {@code capacity} requests at once, refilled at
 * {@code refillPerMinute}. Memory stays bounded: past {@code maxClients} addresses the one seen least
 * recently is forgotten (and starts again with a full bucket). The buckets live in this app instance
 * only, so with several instances each allows the full rate.
 */
public final class RateLimiter {

    /** The limits: a burst of {@code capacity}, refilled at {@code refillPerMinute}, for up to {@code maxClients}. */
    public record Limits(long capacity, long refillPerMinute, int maxClients) {
        public Limits {
            if (capacity < 1 || refillPerMinute < 1 || maxClients < 1) {
                throw new IllegalArgumentException("capacity, refillPerMinute and maxClients must be at least 1");
            }
        }
    }

    private final Limits limits;
    private final Map<String, Bucket> buckets;

    public RateLimiter(Limits limits) {
        this.limits = limits;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > limits.maxClients();
            }
        };
    }

    /** Takes one request from the client's bucket, or refuses with the seconds until the next one is allowed. */
    public void acquire(String client) {
        ConsumptionProbe probe = bucket(client == null ? "" : client).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
            throw new TooManyRequestsException(Math.max(1, seconds));
        }
    }

    /** How many clients are remembered now (at most {@code maxClients}). */
    public int clients() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    public Limits limits() {
        return limits;
    }

    private Bucket bucket(String client) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(client, c -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limits.capacity())
                            .refillGreedy(limits.refillPerMinute(), java.time.Duration.ofMinutes(1)).build())
                    .build());
        }
    }
}

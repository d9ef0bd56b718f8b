package com.clearskin.recommendation.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many recommendations one client address may ask for: bursts of {@code capacity}, refilled at
 * {@code refillPerMinute}; {@code maxClients} addresses are remembered at most. Per app instance.
 */
@ConfigurationProperties("clearskin.rate-limit.recommendations")
record RateLimitSettings(@DefaultValue("300") long capacity, @DefaultValue("600") long refillPerMinute,
        @DefaultValue("10000") int maxClients) {
}

package com.clearskin.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Anonymous requests per client address: bursts of {@code capacity}, refilled at {@code refillPerMinute}, for up to {@code maxClients} addresses. */
@ConfigurationProperties("clearskin.rate-limit.public")
record PublicRateLimitSettings(@DefaultValue("300") long capacity, @DefaultValue("600") long refillPerMinute,
        @DefaultValue("10000") int maxClients) {
}

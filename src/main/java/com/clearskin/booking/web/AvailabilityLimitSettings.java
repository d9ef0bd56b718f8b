package com.clearskin.booking.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often one address may ask a clinic's availability without signing in (the public booking
 * page): bursts of {@code capacity}, refilled at {@code refillPerMinute}; per app instance. Members
 * of the clinic are not limited.
 */
@ConfigurationProperties("clearskin.rate-limit.availability")
record AvailabilityLimitSettings(@DefaultValue("300") long capacity, @DefaultValue("600") long refillPerMinute,
        @DefaultValue("10000") int maxClients) {
}

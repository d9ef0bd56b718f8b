package com.clearskin.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The application's clock: the system's, in UTC. {@code clearskin.clock.start} (an ISO instant)
 * exists ONLY for benchmarks that replay another system's data as of a past day
 * ({@code bench/peer-ea.sh}): the clock then starts at that instant and runs on. It is refused
 * with the prod profile.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(@Value("${clearskin.clock.start:}") String start, Environment environment) {
        Clock system = Clock.systemUTC();
        if (start == null || start.isBlank()) {
            return system;
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            throw new IllegalStateException("clearskin.clock.start is for benchmarks only and is refused with the prod "
                    + "profile.");
        }
        Instant at = Instant.parse(start.strip());
        log.warn("THE CLOCK STARTS AT {} (clearskin.clock.start): for benchmarks only.", at);
        return Clock.offset(system, Duration.between(system.instant(), at));
    }
}

package com.clearskin.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the job runtime runs: how often each instance looks for due work in the database, how many
 * jobs it runs side by side, how long a stopping instance waits for running jobs, and whether this
 * instance runs background work at all (an instance that only serves pages may leave it to others).
 */
@ConfigurationProperties("clearskin.jobs")
record JobSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("4") int threads,
        @DefaultValue("30s") Duration shutdownWait,
        @DefaultValue("") String instanceName) {
}

package com.clearskin.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clearskin.audit.enabled=false} exists ONLY for the benchmark that measures the log's
 * cost; it must never be off in production, and the app refuses to start that way with the prod profile.
 */
@ConfigurationProperties("clearskin.audit")
record AuditSettings(@DefaultValue("true") boolean enabled) {
}

package com.clearskin.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a clinic keeps a client's treatment record after an erasure request, and the law it
 * names to the client. Defaults: 7 years, the usual retention of adult medical records in the US
 * states this product serves first (California Health and Safety Code §123145 asks providers to
 * keep records at least 7 years); a clinic sets its own.
 */
@ConfigurationProperties("clearskin.records")
public record RetentionSettings(Integer retentionYears, String retentionLaw) {

    public RetentionSettings {
        retentionYears = retentionYears == null ? 7 : retentionYears;
        retentionLaw = retentionLaw == null || retentionLaw.isBlank()
                ? "health-record retention law (for example California Health and Safety Code §123145)"
                : retentionLaw;
    }
}

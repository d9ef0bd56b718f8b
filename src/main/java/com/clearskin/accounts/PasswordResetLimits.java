package com.clearskin.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many password-reset requests an hour (clearskin.password-reset.*): mails per account asked
 * from one address, mails per account from all addresses, and requests from one address for any
 * emails (beyond that 429).
 */
@ConfigurationProperties("clearskin.password-reset")
record PasswordResetLimits(
        @DefaultValue("3") int perAccountAndSource,
        @DefaultValue("10") int perAccount,
        @DefaultValue("10") int perSource) {
}

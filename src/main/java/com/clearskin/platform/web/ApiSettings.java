package com.clearskin.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits of the JSON API: the largest request body, in bytes, any {@code /api/**} request may send. */
@ConfigurationProperties("clearskin.api")
record ApiSettings(@DefaultValue("65536") long maxBodyBytes) {
}

package com.clearskin.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits of pages and forms (everything outside {@code /api}): the largest body a form may send, in bytes. */
@ConfigurationProperties("clearskin.web")
record WebSettings(@DefaultValue("1048576") long maxFormBytes) {
}

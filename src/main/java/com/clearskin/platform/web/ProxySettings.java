package com.clearskin.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code clearskin.proxy.trusted}: the addresses of the reverse proxies in front of the app (none by default). */
@ConfigurationProperties("clearskin.proxy")
record ProxySettings(@DefaultValue List<String> trusted) {
}

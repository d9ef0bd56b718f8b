package com.clearskin.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether the embedded default gets demo clinics, and the demo accounts' password. */
@ConfigurationProperties("clearskin.demo")
record DemoSettings(boolean enabled, String password) {
}

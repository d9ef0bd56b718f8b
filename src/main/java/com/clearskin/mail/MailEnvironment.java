package com.clearskin.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps Clearskin's mail variables to Spring Boot's {@code spring.mail.*}, each only when it is set:
 * Boot creates an SMTP sender as soon as {@code spring.mail.host} exists, even when empty, so the
 * host cannot simply default to "" in application.properties. Settings given as spring.mail.* win.
 */
class MailEnvironment implements EnvironmentPostProcessor {

    static final Map<String, String> VARIABLES = Map.of(
            "CLEARSKIN_MAIL_HOST", "spring.mail.host",
            "CLEARSKIN_MAIL_PORT", "spring.mail.port",
            "CLEARSKIN_MAIL_USERNAME", "spring.mail.username",
            "CLEARSKIN_MAIL_PASSWORD", "spring.mail.password");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> mapped = mapped(environment);
        if (!mapped.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("clearskinMail", mapped));
        }
    }

    static Map<String, Object> mapped(ConfigurableEnvironment environment) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        VARIABLES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                mapped.put(property, value.strip());
            }
        });
        if (mapped.containsKey("spring.mail.username")) {
            mapped.put("spring.mail.properties.mail.smtp.auth", "true");
        }
        String startTls = environment.getProperty("CLEARSKIN_MAIL_STARTTLS");
        if (startTls != null && !startTls.isBlank()) {
            mapped.put("spring.mail.properties.mail.smtp.starttls.enable", startTls.strip());
            mapped.put("spring.mail.properties.mail.smtp.starttls.required", startTls.strip());
        }
        return mapped;
    }
}

package com.clearskin.recommendation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The sourced default rule numbers, shipped in {@code recommendation/rule-settings.json}. */
@Component
class DefaultRuleSettings {

    static final String RESOURCE = "recommendation/rule-settings.json";

    private final RuleSettings settings;

    DefaultRuleSettings(JsonMapper json) {
        this.settings = read(json);
    }

    RuleSettings settings() {
        return settings;
    }

    /** The defaults read from the classpath, outside Spring (tests, benchmarks). */
    static RuleSettings read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readValue(in, RuleSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}

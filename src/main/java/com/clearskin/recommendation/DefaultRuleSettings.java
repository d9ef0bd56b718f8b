package com.clearskin.recommendation;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The sourced default rule numbers, shipped in {@code recommendation/rule-settings.json}. */
@Component
class DefaultRuleSettings {

    private final RuleSettings settings;

    DefaultRuleSettings(JsonMapper json) {
        this.settings = RuleSettings.fromClasspath(json);
    }

    RuleSettings settings() {
        return settings;
    }
}

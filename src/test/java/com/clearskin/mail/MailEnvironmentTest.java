package com.clearskin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class MailEnvironmentTest {

    static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("vars", variables));
        return environment;
    }

    @Test
    void withoutAHostNothingIsMappedSoNoSenderIsCreated() {
        assertThat(MailEnvironment.mapped(environment(Map.of("CLEARSKIN_MAIL_HOST", "  ")))).isEmpty();
        assertThat(MailEnvironment.mapped(environment(Map.of()))).isEmpty();
    }

    @Test
    void clearskinVariablesBecomeSpringMailProperties() {
        var mapped = MailEnvironment.mapped(environment(Map.of("CLEARSKIN_MAIL_HOST", "smtp.example.com",
                "CLEARSKIN_MAIL_PORT", "587", "CLEARSKIN_MAIL_USERNAME", "clinic", "CLEARSKIN_MAIL_PASSWORD", "secret",
                "CLEARSKIN_MAIL_STARTTLS", "true")));
        assertThat(mapped).containsEntry("spring.mail.host", "smtp.example.com")
                .containsEntry("spring.mail.port", "587")
                .containsEntry("spring.mail.username", "clinic")
                .containsEntry("spring.mail.password", "secret")
                .containsEntry("spring.mail.properties.mail.smtp.auth", "true")
                .containsEntry("spring.mail.properties.mail.smtp.starttls.required", "true");
    }

    @Test
    void explicitSpringMailSettingsWin() {
        StandardEnvironment env = environment(Map.of("CLEARSKIN_MAIL_HOST", "smtp.example.com",
                "spring.mail.host", "other.example.com"));
        new MailEnvironment().postProcessEnvironment(env, null);
        assertThat(env.getProperty("spring.mail.host")).isEqualTo("other.example.com");
    }
}

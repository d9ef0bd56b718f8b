package com.clearskin.mail;

import com.clearskin.jobs.RecurringJob;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox's background work, on the job runtime: delivery, and forgetting mail sent long ago. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    RecurringJob outboxDelivery(OutboxSender sender, @Value("${clearskin.mail.poll-interval:PT5S}") Duration interval) {
        return RecurringJob.every(interval, "mail-outbox-delivery", sender::deliver);
    }

    @Bean
    RecurringJob outboxRetention(Outbox outbox) {
        return RecurringJob.every(Duration.ofHours(1), "mail-outbox-retention", outbox::forgetDelivered);
    }
}

package com.trackagoat.compliance.webhook;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Wiring of the webhooks: the outbox the final job writes to. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookOutbox webhookOutbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
        return new WebhookOutbox(jdbc, clock);
    }
}

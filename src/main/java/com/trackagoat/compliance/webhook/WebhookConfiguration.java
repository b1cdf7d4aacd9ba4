package com.trackagoat.compliance.webhook;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.trackagoat.compliance.system.GoalComplianceProperties;

/** Wiring of the webhooks: the outbox the final job writes to, serve's delivery, the endpoints. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    /** A request's timeout (connecting, and the whole exchange). */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How long a claimed delivery is held before another replica may try it: well past one attempt. */
    static final Duration LEASE = TIMEOUT.multipliedBy(3);
    /** The pause of the delivery thread when nothing is due. */
    static final Duration IDLE = Duration.ofMillis(500);

    @Bean
    WebhookOutbox webhookOutbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
        return new WebhookOutbox(jdbc, clock);
    }

    @Bean
    WebhookCommand webhookCommand(NamedParameterJdbcTemplate jdbc, Clock clock, GoalComplianceProperties properties) {
        return new WebhookCommand(new WebhookEndpoints(jdbc, clock), Keys.of(properties.getWebhooks()));
    }

    @Bean
    WebhookDelivery webhookDelivery(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
                                    Clock clock, GoalComplianceProperties properties) {
        GoalComplianceProperties.Webhooks settings = properties.getWebhooks();
        WebhookDeliveries deliveries = new WebhookDeliveries(jdbc, new TransactionTemplate(transactions), clock,
                settings.getFirstRetry(), settings.getGiveUpAfter(), LEASE);
        return new WebhookDelivery(deliveries, new WebhookSender(TIMEOUT, clock), Keys.of(settings), clock, IDLE);
    }
}

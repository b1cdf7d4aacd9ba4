package com.trackagoat.compliance.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s delivery of the outbox: one thread that claims due deliveries, posts each and records the
 * attempt, and sleeps a moment when nothing is due. Started by serve only; without a valid secret key it says so
 * in one line and delivers nothing.
 */
public class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final int BATCH = 20;

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final Optional<SecretBox> box;
    private final String keyProblem;
    private final Clock clock;
    private final Duration idle;
    private volatile boolean running;
    private Thread thread;

    WebhookDelivery(WebhookDeliveries deliveries, WebhookSender sender, Keys keys, Clock clock, Duration idle) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.box = keys.box();
        this.keyProblem = keys.problem();
        this.clock = clock;
        this.idle = idle;
    }

    /** Starts the delivery thread; a no-op (one line in the log) without a usable key. */
    public synchronized void start() {
        if (box.isEmpty()) {
            log.warn("webhooks: no event is delivered: {}", keyProblem);
            return;
        }
        running = true;
        thread = new Thread(this::loop, "webhook-delivery");
        thread.setDaemon(true);
        thread.start();
        log.info("webhooks: delivering due events to the organizations' enabled endpoints");
    }

    /** Stops after the attempt in progress (its HTTP request is interrupted). */
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }

    private void loop() {
        while (running) {
            try {
                if (deliverDue() == 0) {
                    Thread.sleep(idle.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // the database away: try again after a pause
                log.warn("webhooks: delivery paused: {}", e.getMessage());
                try {
                    Thread.sleep(idle.multipliedBy(5).toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Claims and attempts the due deliveries once; returns how many it attempted. */
    int deliverDue() {
        List<WebhookDeliveries.Claimed> claimed = deliveries.claim(BATCH);
        for (WebhookDeliveries.Claimed delivery : claimed) {
            attempt(delivery);
        }
        return claimed.size();
    }

    private void attempt(WebhookDeliveries.Claimed delivery) {
        Instant at = clock.instant();
        WebhookDeliveries.Outcome outcome;
        try {
            String secret = box.orElseThrow().open(delivery.endpointId(), delivery.secret());
            outcome = sender.post(delivery.url(), secret, delivery.eventId(), delivery.body());
        } catch (WebhookRequestException e) {
            outcome = new WebhookDeliveries.Outcome(null, e.getMessage(), Duration.ZERO);
        }
        deliveries.record(delivery, at, outcome);
        if (!outcome.delivered()) {
            log.info("webhooks: {} to endpoint {} not delivered (attempt {}): {}", delivery.eventId(),
                    delivery.endpointId(), delivery.attempts() + 1, outcome.error());
        }
    }
}

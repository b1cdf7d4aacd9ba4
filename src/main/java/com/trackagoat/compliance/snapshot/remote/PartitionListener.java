package com.trackagoat.compliance.snapshot.remote;

import java.util.concurrent.ExecutorService;

import org.springframework.integration.jdbc.channel.PostgresChannelMessageTableSubscriber;

/**
 * The node's LISTEN connection and the queue's dispatcher threads, held outside the application's lifecycle:
 * {@link PartitionWorker} starts them on a node that works and stops them at shutdown, so a command that runs
 * no job never opens them.
 */
final class PartitionListener {

    private final PostgresChannelMessageTableSubscriber subscriber;
    private ExecutorService dispatcher;

    PartitionListener(PostgresChannelMessageTableSubscriber subscriber) {
        this.subscriber = subscriber;
    }

    PostgresChannelMessageTableSubscriber subscriber() {
        return subscriber;
    }

    void setDispatcher(ExecutorService dispatcher) {
        this.dispatcher = dispatcher;
    }

    void start() {
        subscriber.start();
    }

    /** Stops listening; the dispatcher threads end after the request they run (no interrupt mid-chunk). */
    void stop() {
        subscriber.stop();
        if (dispatcher != null) {
            dispatcher.shutdown();
        }
    }
}

package com.trackagoat.compliance.snapshot.remote;

import java.util.UUID;

import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * The queue of step execution requests: a {@code PostgresSubscribableChannel} over the JDBC channel message
 * store, whose rows ({@code INT_CHANNEL_MESSAGE}, sql/job/V14) every subscribed node hears of by LISTEN/NOTIFY
 * and takes one at a time ({@code FOR UPDATE SKIP LOCKED}): each request reaches exactly one node.
 */
class PartitionRequests {

    static final String REGION = "goal-compliance";
    static final String GROUP = "snapshot-partitions";

    private static final String QUEUED = """
            SELECT EXISTS (SELECT 1 FROM INT_CHANNEL_MESSAGE
                           WHERE REGION = ? AND GROUP_KEY = ? AND MESSAGE_ID = ?)
            """;

    private final MessageChannel channel;
    private final JdbcTemplate jdbc;

    PartitionRequests(MessageChannel channel, JdbcTemplate jdbc) {
        this.channel = channel;
        this.jdbc = jdbc;
    }

    /** Queues a request to run the step execution with the named step; returns the message's id. */
    UUID send(String stepName, long stepExecutionId) {
        Message<StepExecutionRequest> message =
                MessageBuilder.withPayload(new StepExecutionRequest(stepName, stepExecutionId)).build();
        channel.send(message);
        return message.getHeaders().getId();
    }

    /** Whether the request is still waiting in the queue: no node has taken it yet. */
    boolean queued(UUID messageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(QUEUED, Boolean.class, REGION,
                UUIDConverter.getUUID(GROUP).toString(), messageId.toString()));
    }
}

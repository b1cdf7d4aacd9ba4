package com.trackagoat.compliance.snapshot.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.webhook.WebhookOutbox;

/**
 * The job's last step: writes a final's or a restatement's events to the webhook outbox. A tasklet step commits the tasklet's writes
 * with the step execution's own update, so the events exist if and only if the step completed; a resumed job
 * that reruns it finds them and writes nothing twice. Close and nightly have no events.
 */
class EventsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(EventsTasklet.class);

    private final WebhookOutbox outbox;
    private final InstanceLocks instanceLocks;
    private final SnapshotJobParameters job;
    private final long jobExecutionId;

    EventsTasklet(WebhookOutbox outbox, InstanceLocks instanceLocks, SnapshotJobParameters job, long jobExecutionId) {
        this.outbox = outbox;
        this.instanceLocks = instanceLocks;
        this.job = job;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (job.phase() == Phase.FINAL || job.phase() == Phase.RESTATEMENT) {
            instanceLocks.verifyHeld(job); // as before each chunk: a run that lost its lock writes nothing more
            boolean isFinal = job.phase() == Phase.FINAL;
            long events = isFinal ? outbox.finalized(job.asOf(), jobExecutionId)
                    : outbox.restated(job.asOf(), jobExecutionId);
            log.info("{}: {} {} event(s) in the webhook outbox", job, events,
                    isFinal ? WebhookOutbox.FINALIZED : WebhookOutbox.RESTATED);
        }
        return RepeatStatus.FINISHED;
    }
}

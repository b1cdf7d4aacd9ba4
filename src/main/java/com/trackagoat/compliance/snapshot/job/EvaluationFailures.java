package com.trackagoat.compliance.snapshot.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.batch.infrastructure.item.Chunk;

import com.trackagoat.compliance.evaluation.RejectReason;
import com.trackagoat.compliance.evaluation.Rejection;

/**
 * A bad row fails only its own goal: the snapshot step's skip policy and skip listener. The policy skips a
 * {@link GoalEvaluationException} (what the processor makes of an unexpected error evaluating one goal) and
 * nothing else, however many: a database failure, a lost instance lock, or any error of the reader or the
 * writer is not skipped and fails the job, which then resumes from its last committed chunk. Write errors
 * in particular must never be skipped: Spring Batch would rewrite the chunk item by item and drop the row that
 * fails, and a goal would vanish without a reject.
 * <p>
 * The listener writes the skipped goal's {@code evaluation_failed} reject through the step's own
 * {@link SnapshotWriter}, and counts it through the step's metrics listener like any written reject. Spring
 * Batch 6's chunk-oriented step calls {@code onSkipInProcess} while it processes the chunk, inside the chunk's
 * transaction (its contract: before the chunk commits), so the reject commits or rolls back together with the
 * chunk's other rows and its checkpoint: a resumed run neither loses it nor writes it twice (the upsert is
 * keyed on goal, phase and as_of), and goals read = snapshots + rejects still holds. Both collaborators are
 * step-scoped proxies: each step (or partition) writes with its own phase, as_of and job execution.
 */
class EvaluationFailures implements SkipPolicy, SkipListener<SnapshotWork, SnapshotRecord> {

    private static final Logger log = LoggerFactory.getLogger(EvaluationFailures.class);

    private final SnapshotWriter writer;
    private final ItemWriteListener<SnapshotRecord> metrics;

    EvaluationFailures(SnapshotWriter writer, ItemWriteListener<SnapshotRecord> metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    @Override
    public boolean shouldSkip(Throwable failure, long skipCount) {
        return failure instanceof GoalEvaluationException;
    }

    @Override
    public void onSkipInProcess(SnapshotWork item, Throwable failure) {
        GoalEvaluationException evaluation = (GoalEvaluationException) failure; // the only skippable failure
        log.warn("goal {} at {}: rejected as evaluation_failed", evaluation.goalId(), item.asOf(),
                evaluation.getCause());
        Chunk<SnapshotRecord> reject = new Chunk<>(new SnapshotRecord.Reject(evaluation.goalId(),
                new Rejection(RejectReason.EVALUATION_FAILED, evaluation.detail())));
        writer.write(reject);
        metrics.afterWrite(reject);
    }
}

package com.trackagoat.compliance.snapshot.job;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import com.trackagoat.compliance.evaluation.Phase;

/**
 * Logs progress per chunk (goals done, how far through the step's goal-id range, rate, time left at that rate)
 * and a summary per run. (The lock check before each chunk is {@link LockOwnershipListener}'s.)
 *
 * <p>How far: goal ids are random UUIDs, spread uniformly over the range, so the share of the range's ids up to
 * the last goal written is about the share of its goals done. That costs nothing; counting the range's goals
 * first cost each partition a scan of its goals (0.3 s of a 12 s close at 200k goals, bench/README.md).
 */
class ChunkProgressListener implements ChunkListener<SnapshotWork, SnapshotRecord>, StepExecutionListener,
        SkipListener<SnapshotWork, SnapshotRecord> {

    private static final Logger log = LoggerFactory.getLogger(ChunkProgressListener.class);

    private final Clock clock;
    private SnapshotJobParameters job;
    private Instant started;
    /** What this run reads: the step's range from the first goal after its last committed chunk. */
    private GoalIdRange left;
    private long snapshots;
    private long rejects;

    ChunkProgressListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        job = SnapshotJobParameters.of(stepExecution);
        started = clock.instant();
        UUID resumeAfter = KeysetPagingReader.lastCommitted(stepExecution.getExecutionContext());
        if (resumeAfter != null) {
            log.info("{}: resuming after goal {} (last committed chunk)", job, resumeAfter);
        }
        left = GoalIdRange.of(stepExecution.getExecutionContext()).after(resumeAfter).orElse(null);
    }

    /** A goal skipped into an evaluation_failed reject (EvaluationFailures) is not in the written chunk. */
    @Override
    public void onSkipInProcess(SnapshotWork item, Throwable failure) {
        rejects++;
    }

    @Override
    public void afterChunk(Chunk<SnapshotRecord> chunk) {
        for (SnapshotRecord record : chunk) {
            if (!(record instanceof SnapshotRecord.Reject)) {
                snapshots++;
            } else {
                rejects++;
            }
        }
        long done = snapshots + rejects;
        long ms = Math.max(1, Duration.between(started, clock.instant()).toMillis());
        double share = shareDone(chunk);
        log.info("{}: {} goals done ({} snapshots, {} rejects), {} % of its goal ids, {} goals/s, about {} s left",
                job, done, snapshots, rejects, Math.round(share * 100), done * 1000 / ms, secondsLeft(ms, share));
    }

    /** The share of this run's range up to the chunk's last goal (chunks are in goal-id order). */
    private double shareDone(Chunk<SnapshotRecord> chunk) {
        return chunk.isEmpty() || left == null ? 0 : left.shareThrough(chunk.getItems().get(chunk.size() - 1).goalId());
    }

    /** At the rate so far: the time taken for {@code share} of the range, scaled to the rest of it. */
    static long secondsLeft(long elapsedMs, double share) {
        return share <= 0 ? 0 : Math.round(elapsedMs * (1 - share) / share / 1000);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long read = stepExecution.getReadCount();
        long ms = Duration.between(started, clock.instant()).toMillis();
        if (job.phase() == Phase.RESTATEMENT) {
            // a final left unchanged is filtered by the processor: it writes nothing
            long unchanged = stepExecution.getFilterCount();
            log.info("{}: {} in {} ms: finals read {} = restatements {} + unchanged {} + rejects {}{}; peak heap {} MB",
                    job, stepExecution.getStatus(), ms, read, snapshots, unchanged, rejects,
                    balance(stepExecution, read, unchanged), peakHeapMegabytes());
            return stepExecution.getExitStatus();
        }
        log.info("{}: {} in {} ms: goals read {} = snapshots {} + rejects {}{}; peak heap {} MB", job,
                stepExecution.getStatus(), ms, read, snapshots, rejects, balance(stepExecution, read, 0),
                peakHeapMegabytes());
        return stepExecution.getExitStatus();
    }

    /** The JVM's peak heap use so far: the sum of the heap pools' peaks (an upper bound, for sizing -Xmx). */
    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() / (1024 * 1024);
    }

    /** A failed or stopped step read the goals of the chunk that rolled back: those are not a mismatch. */
    private String balance(StepExecution stepExecution, long read, long unchanged) {
        if (read == snapshots + unchanged + rejects) {
            return "";
        }
        return stepExecution.getStatus().isUnsuccessful() || stepExecution.getStatus() == BatchStatus.STOPPED
                ? " (the rest rolled back with the chunk that failed)" : " (MISMATCH)";
    }
}

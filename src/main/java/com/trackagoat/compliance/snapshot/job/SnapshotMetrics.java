package com.trackagoat.compliance.snapshot.job;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.evaluation.RejectReason;
import com.trackagoat.compliance.evaluation.Status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The snapshot jobs' figures in Micrometer: goals evaluated by phase and status, goals rejected by phase and
 * reason (counted when their chunk commits, so a rolled-back chunk is not counted), and job durations by phase
 * and result as a histogram. Every series is registered at zero when the application starts, so that an
 * alert on {@code increase()} or {@code rate()} sees the first reject or failure of a new process instead of a
 * series that only begins with it.
 */
public class SnapshotMetrics {

    static final String EVALUATED = "goal_compliance.goals.evaluated";
    static final String REJECTED = "goal_compliance.goals.rejected";
    static final String JOB_DURATION = "goal_compliance.job.duration";

    /**
     * The job duration histogram's buckets: jobs take from under a second (a small organization) to about an
     * hour (a few hundred thousand goals on a small machine); the upper ones tell a slow job from a stuck one.
     */
    static final Duration[] JOB_DURATION_BUCKETS = {
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
        Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
        Duration.ofHours(2),
    };

    private final MeterRegistry registry;

    SnapshotMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Phase phase : Phase.values()) {
            for (Status status : Status.values()) {
                evaluated(phase, status);
            }
            for (RejectReason reason : RejectReason.values()) {
                rejected(phase, reason);
            }
        }
    }

    /** Registers the job duration of every phase with each of the launcher's results, at zero. */
    public void registerJobResults(Collection<String> results) {
        for (Phase phase : Phase.values()) {
            results.forEach(result -> jobDuration(phase, result));
        }
    }

    /** A step listener that counts one job's written records once their chunk has committed. */
    ItemWriteListener<SnapshotRecord> writeListener(Phase phase) {
        return new ItemWriteListener<>() {
            @Override
            public void afterWrite(Chunk<? extends SnapshotRecord> items) {
                Chunk<? extends SnapshotRecord> written = new Chunk<>(items.getItems());
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        count(phase, written);
                    }
                });
            }
        };
    }

    /** Records one launch of an instance, tagged with how it ended (the launcher's result, lower case). */
    public void recordJob(SnapshotJobParameters instance, String result, Duration duration) {
        jobDuration(instance.phase(), result).record(duration);
    }

    private Timer jobDuration(Phase phase, String result) {
        return Timer.builder(JOB_DURATION)
                .description("Wall time of snapshot job runs")
                .tag("phase", phase.code())
                .tag("result", result.toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(JOB_DURATION_BUCKETS)
                .register(registry);
    }

    private Counter evaluated(Phase phase, Status status) {
        return Counter.builder(EVALUATED).description("Goals evaluated into a snapshot row")
                .tag("phase", phase.code()).tag("status", status.code()).register(registry);
    }

    private Counter rejected(Phase phase, RejectReason reason) {
        return Counter.builder(REJECTED).description("Goals written as a reject row")
                .tag("phase", phase.code()).tag("reason", reason.code()).register(registry);
    }

    /** Counts a committed chunk's records: one increment per status or reason, not one per record. */
    private void count(Phase phase, Chunk<? extends SnapshotRecord> records) {
        int[] byStatus = new int[Status.values().length]; // by ordinal: a map's merge boxed a count per record
        int[] byReason = new int[RejectReason.values().length];
        for (SnapshotRecord record : records) {
            if (record instanceof SnapshotRecord.Snapshot snapshot) {
                byStatus[snapshot.evaluation().status().ordinal()]++;
            } else if (record instanceof SnapshotRecord.Restated restated) {
                byStatus[restated.evaluation().status().ordinal()]++;
            } else if (record instanceof SnapshotRecord.Reject reject) {
                byReason[reject.rejection().reason().ordinal()]++;
            }
        }
        for (Status status : Status.values()) {
            if (byStatus[status.ordinal()] > 0) {
                evaluated(phase, status).increment(byStatus[status.ordinal()]);
            }
        }
        for (RejectReason reason : RejectReason.values()) {
            if (byReason[reason.ordinal()] > 0) {
                rejected(phase, reason).increment(byReason[reason.ordinal()]);
            }
        }
    }
}

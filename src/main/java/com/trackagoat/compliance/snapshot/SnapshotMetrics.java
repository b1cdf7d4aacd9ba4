package com.trackagoat.compliance.snapshot;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

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
 * and result.
 */
public class SnapshotMetrics {

    static final String EVALUATED = "goal_compliance.goals.evaluated";
    static final String REJECTED = "goal_compliance.goals.rejected";
    static final String JOB_DURATION = "goal_compliance.job.duration";

    private final MeterRegistry registry;

    SnapshotMetrics(MeterRegistry registry) {
        this.registry = registry;
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

    void recordJob(SnapshotJobParameters instance, SnapshotJobLauncher.Result result, Duration duration) {
        Timer.builder(JOB_DURATION)
                .description("Wall time of snapshot job runs")
                .tag("phase", instance.phase().code())
                .tag("result", result.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .record(duration);
    }

    /** Counts a committed chunk's records: one increment per status or reason, not one per record. */
    private void count(Phase phase, Chunk<? extends SnapshotRecord> records) {
        Map<Status, Long> evaluated = new EnumMap<>(Status.class);
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        for (SnapshotRecord record : records) {
            if (record instanceof SnapshotRecord.Snapshot snapshot) {
                evaluated.merge(snapshot.evaluation().status(), 1L, Long::sum);
            } else if (record instanceof SnapshotRecord.Reject reject) {
                rejected.merge(reject.rejection().reason(), 1L, Long::sum);
            }
        }
        evaluated.forEach((status, n) -> Counter.builder(EVALUATED).description("Goals evaluated into a snapshot row")
                .tag("phase", phase.code()).tag("status", status.code())
                .register(registry).increment(n));
        rejected.forEach((reason, n) -> Counter.builder(REJECTED).description("Goals written as a reject row")
                .tag("phase", phase.code()).tag("reason", reason.code())
                .register(registry).increment(n));
    }
}

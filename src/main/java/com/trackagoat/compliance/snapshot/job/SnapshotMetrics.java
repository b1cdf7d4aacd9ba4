package com.trackagoat.compliance.snapshot.job;

import java.time.Duration;
import java.util.function.Function;

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

    /** Records one launch of an instance, tagged with how it ended (the launcher's result, lower case). */
    public void recordJob(SnapshotJobParameters instance, String result, Duration duration) {
        Timer.builder(JOB_DURATION)
                .description("Wall time of snapshot job runs")
                .tag("phase", instance.phase().code())
                .tag("result", result.toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .record(duration);
    }

    /** Counts a committed chunk's records: one increment per status or reason, not one per record. */
    private void count(Phase phase, Chunk<? extends SnapshotRecord> records) {
        int[] evaluated = new int[Status.values().length]; // by ordinal: a map's merge boxed a count per record
        int[] rejected = new int[RejectReason.values().length];
        for (SnapshotRecord record : records) {
            if (record instanceof SnapshotRecord.Snapshot snapshot) {
                evaluated[snapshot.evaluation().status().ordinal()]++;
            } else if (record instanceof SnapshotRecord.Reject reject) {
                rejected[reject.rejection().reason().ordinal()]++;
            }
        }
        increment(EVALUATED, "Goals evaluated into a snapshot row", phase, "status", Status.values(), evaluated,
                Status::code);
        increment(REJECTED, "Goals written as a reject row", phase, "reason", RejectReason.values(), rejected,
                RejectReason::code);
    }

    private <E extends Enum<E>> void increment(String counter, String description, Phase phase, String tag,
                                               E[] values, int[] counts, Function<E, String> code) {
        for (E value : values) {
            if (counts[value.ordinal()] > 0) {
                Counter.builder(counter).description(description)
                        .tag("phase", phase.code()).tag(tag, code.apply(value))
                        .register(registry).increment(counts[value.ordinal()]);
            }
        }
    }
}

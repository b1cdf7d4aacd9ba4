package com.trackagoat.compliance.snapshot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.Phase;

/**
 * Logs progress per chunk (goals done of at most how many are left in the step's goal-id range, rate, time
 * left at that rate) and a summary per run, and before each chunk checks that this process still holds the job
 * instance's lock, so that a run whose lock connection was lost stops instead of
 * racing a process that took the instance over.
 */
class ChunkProgressListener implements ChunkListener<SnapshotWork, SnapshotRecord>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ChunkProgressListener.class);

    /** Close and nightly read at most the active goals of their range; a final, the close rows it settles. */
    private static final String ACTIVE_GOALS = """
            SELECT count(*) FROM creator_goals WHERE is_active AND id BETWEEN :from AND :to
            """;
    private static final String CLOSE_ROWS = """
            SELECT count(*) FROM goal_compliance_snapshots
            WHERE phase = 'close' AND as_of = :closedAt AND goal_id BETWEEN :from AND :to
            """;

    private final InstanceLocks instanceLocks;
    private final NamedParameterJdbcTemplate jdbc;
    private final Duration settleDelay;
    private final Clock clock;
    private SnapshotJobParameters job;
    private Instant started;
    private long snapshots;
    private long rejects;
    private long atMost;

    ChunkProgressListener(InstanceLocks instanceLocks, NamedParameterJdbcTemplate jdbc, Duration settleDelay,
                          Clock clock) {
        this.instanceLocks = instanceLocks;
        this.jdbc = jdbc;
        this.settleDelay = settleDelay;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        job = SnapshotJobParameters.of(stepExecution.getJobParameters().getString(SnapshotJobParameters.PHASE),
                stepExecution.getJobParameters().getString(SnapshotJobParameters.AS_OF));
        started = clock.instant();
        UUID resumeAfter = KeysetPagingReader.lastCommitted(stepExecution.getExecutionContext());
        if (resumeAfter != null) {
            log.info("{}: resuming after goal {} (last committed chunk)", job, resumeAfter);
        }
        atMost = atMost(GoalIdRange.of(stepExecution.getExecutionContext()), resumeAfter);
    }

    /** How many goals this run may still read: those of its range after the last committed one. */
    private long atMost(GoalIdRange range, UUID resumeAfter) {
        Optional<UUID> from = range.firstAfter(resumeAfter);
        if (from.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("from", from.get()).addValue("to", range.to())
                .addValue("closedAt", CreatorActivityRepository.utc(job.asOf().minus(settleDelay)));
        return jdbc.queryForObject(job.phase() == Phase.FINAL ? CLOSE_ROWS : ACTIVE_GOALS, params, Long.class);
    }

    @Override
    public void beforeChunk(Chunk<SnapshotWork> chunk) {
        instanceLocks.verifyHeld(job);
    }

    @Override
    public void afterChunk(Chunk<SnapshotRecord> chunk) {
        for (SnapshotRecord record : chunk) {
            if (record instanceof SnapshotRecord.Snapshot) {
                snapshots++;
            } else {
                rejects++;
            }
        }
        long done = snapshots + rejects;
        long rate = rate(done);
        log.info("{}: {} goals done of at most {} ({} snapshots, {} rejects), {} goals/s, at most {} s left", job,
                done, atMost, snapshots, rejects, rate, Math.max(0, atMost - done) / Math.max(1, rate));
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long read = stepExecution.getReadCount();
        log.info("{}: {} in {} ms: goals read {} = snapshots {} + rejects {}{}; peak heap {} MB", job,
                stepExecution.getStatus(), Duration.between(started, clock.instant()).toMillis(), read, snapshots,
                rejects, read == snapshots + rejects ? "" : " (MISMATCH)", peakHeapMegabytes());
        return stepExecution.getExitStatus();
    }

    /** The JVM's peak heap use so far: the sum of the heap pools' peaks (an upper bound, for sizing -Xmx). */
    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() / (1024 * 1024);
    }

    private long rate(long done) {
        long ms = Math.max(1, Duration.between(started, clock.instant()).toMillis());
        return done * 1000 / ms;
    }
}

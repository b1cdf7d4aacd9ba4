package com.trackagoat.compliance.snapshot.job;

import java.sql.Types;
import java.util.UUID;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Keeps, in the chunk step's own {@code BATCH_STEP_EXECUTION} row (columns of {@code V7__run_history.sql}), the
 * snapshots (for a restatement run: restatement rows) and rejects this execution has committed and how far through its goal-id range it is, for the run
 * history and a running instance's progress. Spring Batch's counts cannot say it: its write count adds
 * snapshots to rejects, and a goal skipped into an {@code evaluation_failed} reject counts as a process skip.
 *
 * <p>The counts are added in {@code afterChunk}, which Spring Batch 6 calls inside the chunk's transaction
 * after the writer (and, before it, the skip listener) has written: they commit or roll back with the chunk's
 * rows and checkpoint, so they are exact whatever fails. A step-scoped bean: one per step execution.
 */
class StepCounts implements ChunkListener<SnapshotWork, SnapshotRecord>, StepExecutionListener,
        SkipListener<SnapshotWork, SnapshotRecord> {

    private static final String BEGIN = """
            UPDATE BATCH_STEP_EXECUTION SET SNAPSHOTS_WRITTEN = 0, REJECTS_WRITTEN = 0,
                GOAL_IDS_DONE = :done, GOAL_IDS_DONE_AT_START = :done
            WHERE STEP_EXECUTION_ID = :id
            """;

    private static final String ADD_CHUNK = """
            UPDATE BATCH_STEP_EXECUTION SET SNAPSHOTS_WRITTEN = SNAPSHOTS_WRITTEN + :snapshots,
                REJECTS_WRITTEN = REJECTS_WRITTEN + :rejects, GOAL_IDS_DONE = coalesce(:done, GOAL_IDS_DONE)
            WHERE STEP_EXECUTION_ID = :id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private long stepExecutionId;
    private GoalIdRange range;
    /** Goals of the chunk in progress skipped into a reject: not in the chunk the writer gets. */
    private long skipped;

    StepCounts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Outside any chunk: the step's row exists (Spring Batch saved it), and this execution starts at zero. */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        stepExecutionId = stepExecution.getId();
        range = GoalIdRange.of(stepExecution.getExecutionContext());
        UUID resumeAfter = KeysetPagingReader.lastCommitted(stepExecution.getExecutionContext());
        jdbc.update(BEGIN, new MapSqlParameterSource("id", stepExecutionId)
                .addValue("done", resumeAfter == null ? 0.0 : range.shareThrough(resumeAfter)));
    }

    @Override
    public void beforeChunk(Chunk<SnapshotWork> chunk) {
        skipped = 0;
    }

    @Override
    public void onSkipInProcess(SnapshotWork item, Throwable failure) {
        skipped++;
    }

    @Override
    public void afterChunk(Chunk<SnapshotRecord> chunk) {
        long snapshots = 0;
        for (SnapshotRecord record : chunk) {
            if (!(record instanceof SnapshotRecord.Reject)) {
                snapshots++; // a restatement row counts as the snapshot its run writes
            }
        }
        Double done = chunk.isEmpty() ? null : range.shareThrough(chunk.getItems().get(chunk.size() - 1).goalId());
        jdbc.update(ADD_CHUNK, new MapSqlParameterSource("id", stepExecutionId)
                .addValue("snapshots", snapshots)
                .addValue("rejects", chunk.size() - snapshots + skipped)
                .addValue("done", done, Types.DOUBLE));
    }
}

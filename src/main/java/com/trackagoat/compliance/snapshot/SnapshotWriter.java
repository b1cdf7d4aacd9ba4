package com.trackagoat.compliance.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import com.trackagoat.compliance.evaluation.Evaluation;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.json.ComplianceJson;

/**
 * Upserts a chunk's snapshots and rejects on their key (goal, phase, as_of), in the chunk's transaction: a
 * re-run or a resumed run rewrites a key with the same values, never a second row.
 */
class SnapshotWriter implements ItemWriter<SnapshotRecord> {

    private static final String UPSERT_SNAPSHOT = """
            INSERT INTO goal_compliance_snapshots (goal_id, phase, as_of, org_id, project_id, creator_id,
                metric, period, target, actual, percentage, status, period_start, period_end,
                has_advisory, advisory, close_status, close_actual, evaluated_at, job_execution_id)
            VALUES (:goalId, :phase, :asOf, :orgId, :projectId, :creatorId,
                :metric, :period, :target, :actual, :percentage, :status, :periodStart, :periodEnd,
                :hasAdvisory, CAST(:advisory AS jsonb), :closeStatus, :closeActual, :evaluatedAt, :jobExecutionId)
            ON CONFLICT (goal_id, phase, as_of) DO UPDATE SET
                org_id = EXCLUDED.org_id, project_id = EXCLUDED.project_id, creator_id = EXCLUDED.creator_id,
                metric = EXCLUDED.metric, period = EXCLUDED.period, target = EXCLUDED.target,
                actual = EXCLUDED.actual, percentage = EXCLUDED.percentage, status = EXCLUDED.status,
                period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
                has_advisory = EXCLUDED.has_advisory, advisory = EXCLUDED.advisory,
                close_status = EXCLUDED.close_status, close_actual = EXCLUDED.close_actual,
                evaluated_at = EXCLUDED.evaluated_at, job_execution_id = EXCLUDED.job_execution_id
            """;

    private static final String UPSERT_REJECT = """
            INSERT INTO goal_compliance_rejects (goal_id, phase, as_of, reason, detail, job_execution_id, rejected_at)
            VALUES (:goalId, :phase, :asOf, :reason, :detail, :jobExecutionId, :rejectedAt)
            ON CONFLICT (goal_id, phase, as_of) DO UPDATE SET
                reason = EXCLUDED.reason, detail = EXCLUDED.detail,
                job_execution_id = EXCLUDED.job_execution_id, rejected_at = EXCLUDED.rejected_at
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Phase phase;
    private final Instant asOf;
    private final long jobExecutionId;

    SnapshotWriter(NamedParameterJdbcTemplate jdbc, Clock clock, Phase phase, Instant asOf, long jobExecutionId) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.phase = phase;
        this.asOf = asOf;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public void write(Chunk<? extends SnapshotRecord> chunk) {
        OffsetDateTime now = CreatorActivityRepository.utc(clock.instant());
        List<SqlParameterSource> snapshots = new ArrayList<>();
        List<SqlParameterSource> rejects = new ArrayList<>();
        for (SnapshotRecord record : chunk) {
            MapSqlParameterSource row = new MapSqlParameterSource()
                    .addValue("goalId", record.goalId())
                    .addValue("phase", phase.code())
                    .addValue("asOf", CreatorActivityRepository.utc(asOf))
                    .addValue("jobExecutionId", jobExecutionId);
            if (record instanceof SnapshotRecord.Snapshot snapshot) {
                snapshots.add(snapshotRow(row, snapshot).addValue("evaluatedAt", now));
            } else {
                SnapshotRecord.Reject reject = (SnapshotRecord.Reject) record;
                rejects.add(row.addValue("reason", reject.rejection().reason().code())
                        .addValue("detail", reject.rejection().detail())
                        .addValue("rejectedAt", now));
            }
        }
        if (!snapshots.isEmpty()) {
            jdbc.batchUpdate(UPSERT_SNAPSHOT, snapshots.toArray(SqlParameterSource[]::new));
        }
        if (!rejects.isEmpty()) {
            jdbc.batchUpdate(UPSERT_REJECT, rejects.toArray(SqlParameterSource[]::new));
        }
    }

    private static MapSqlParameterSource snapshotRow(MapSqlParameterSource row, SnapshotRecord.Snapshot s) {
        Evaluation e = s.evaluation();
        return row.addValue("orgId", s.orgId())
                .addValue("projectId", s.projectId())
                .addValue("creatorId", s.creatorId())
                .addValue("metric", e.terms().metric().code())
                .addValue("period", s.period())
                .addValue("target", e.terms().target())
                .addValue("actual", e.actual())
                .addValue("percentage", e.percentage())
                .addValue("status", e.status().code())
                .addValue("periodStart", CreatorActivityRepository.utc(e.advisory().periodStart()))
                .addValue("periodEnd", CreatorActivityRepository.utc(e.advisory().periodEnd()))
                .addValue("hasAdvisory", e.advisory().hasAdvisory())
                .addValue("advisory", ComplianceJson.write(ComplianceJson.advisory(e.advisory())))
                .addValue("closeStatus", s.closeStatus())
                .addValue("closeActual", s.closeActual());
    }
}

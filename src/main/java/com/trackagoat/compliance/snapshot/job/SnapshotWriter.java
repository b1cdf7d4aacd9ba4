package com.trackagoat.compliance.snapshot.job;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import com.trackagoat.compliance.body.AdvisoryView;
import com.trackagoat.compliance.body.BodyJson;
import com.trackagoat.compliance.evaluation.Advisory;
import com.trackagoat.compliance.evaluation.Evaluation;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.source.Timestamps;
import com.trackagoat.compliance.source.UuidArray;

/**
 * Upserts a chunk's snapshots and rejects on their key (goal, phase, as_of), in the chunk's transaction: a
 * re-run or a resumed run rewrites a key with the same values, never a second row.
 */
class SnapshotWriter implements ItemWriter<SnapshotRecord> {

    /**
     * One statement per chunk: the rows travel as one array per column and PostgreSQL unnests them, so a
     * chunk costs one round trip and one plan, not one per row. The advisories travel as the chunk's distinct
     * documents, cast to {@code jsonb} once each in a materialized CTE, and a number per row that joins its
     * document (a join, not an array subscript, which walks the array from its start on every row: a chunk of
     * stale creators has a distinct advisory per row); the window's instants as epoch microseconds.
     */
    private static final String UPSERT_SNAPSHOTS = """
            WITH documents AS MATERIALIZED (
                SELECT d.advisory, d.no FROM unnest(CAST(:advisories AS jsonb[])) WITH ORDINALITY AS d(advisory, no))
            INSERT INTO goal_compliance_snapshots (goal_id, phase, as_of, org_id, project_id, creator_id,
                metric, period, target, actual, percentage, status, period_start, period_end,
                has_advisory, advisory, close_status, close_actual, evaluated_at, job_execution_id)
            SELECT r.goal_id, :phase, :asOf, r.org_id, r.project_id, r.creator_id,
                r.metric, r.period, r.target, r.actual, r.percentage, r.status,
                TIMESTAMPTZ 'epoch' + r.period_start * INTERVAL '1 microsecond',
                TIMESTAMPTZ 'epoch' + r.period_end * INTERVAL '1 microsecond',
                r.has_advisory, d.advisory, r.close_status, r.close_actual,
                :evaluatedAt, :jobExecutionId
            FROM unnest(CAST(:goalIds AS uuid[]), CAST(:orgIds AS uuid[]), CAST(:projectIds AS uuid[]),
                        CAST(:creatorIds AS uuid[]), CAST(:metrics AS text[]), CAST(:periods AS text[]),
                        CAST(:targets AS bigint[]), CAST(:actuals AS bigint[]), CAST(:percentages AS integer[]),
                        CAST(:statuses AS text[]), CAST(:periodStarts AS bigint[]), CAST(:periodEnds AS bigint[]),
                        CAST(:hasAdvisories AS boolean[]), CAST(:advisoryNos AS integer[]),
                        CAST(:closeStatuses AS text[]), CAST(:closeActuals AS bigint[]))
                AS r(goal_id, org_id, project_id, creator_id, metric, period, target, actual, percentage, status,
                     period_start, period_end, has_advisory, advisory_no, close_status, close_actual)
            JOIN documents d ON d.no = r.advisory_no
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

    /**
     * A restatement row, keyed by (goal_id, final_as_of). Restated rows are few (late videos that change a
     * result): one statement per row is enough. The final row is never touched.
     */
    private static final String UPSERT_RESTATEMENT = """
            INSERT INTO goal_compliance_restatements (goal_id, final_as_of, as_of, org_id, project_id, creator_id,
                metric, period, target, period_start, period_end, final_actual, final_status, final_eligibility,
                actual, percentage, status, eligibility, advisory, restated_at, job_execution_id)
            VALUES (:goalId, :finalAsOf, :asOf, :orgId, :projectId, :creatorId,
                :metric, :period, :target, :periodStart, :periodEnd, :finalActual, :finalStatus, :finalEligibility,
                :actual, :percentage, :status, :eligibility, CAST(:advisory AS jsonb), :restatedAt, :jobExecutionId)
            ON CONFLICT (goal_id, final_as_of) DO UPDATE SET
                as_of = EXCLUDED.as_of, org_id = EXCLUDED.org_id, project_id = EXCLUDED.project_id,
                creator_id = EXCLUDED.creator_id, metric = EXCLUDED.metric, period = EXCLUDED.period,
                target = EXCLUDED.target, period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
                final_actual = EXCLUDED.final_actual, final_status = EXCLUDED.final_status,
                final_eligibility = EXCLUDED.final_eligibility, actual = EXCLUDED.actual,
                percentage = EXCLUDED.percentage, status = EXCLUDED.status, eligibility = EXCLUDED.eligibility,
                advisory = EXCLUDED.advisory, restated_at = EXCLUDED.restated_at,
                job_execution_id = EXCLUDED.job_execution_id
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
        OffsetDateTime now = Timestamps.utc(clock.instant());
        List<SnapshotRecord.Snapshot> snapshots = new ArrayList<>();
        List<SqlParameterSource> rejects = new ArrayList<>();
        List<SqlParameterSource> restatements = new ArrayList<>();
        for (SnapshotRecord record : chunk) {
            if (record instanceof SnapshotRecord.Snapshot snapshot) {
                snapshots.add(snapshot);
            } else if (record instanceof SnapshotRecord.Restated restated) {
                restatements.add(restatementRow(restated, now));
            } else {
                SnapshotRecord.Reject reject = (SnapshotRecord.Reject) record;
                rejects.add(new MapSqlParameterSource()
                        .addValue("goalId", record.goalId())
                        .addValue("phase", phase.code())
                        .addValue("asOf", Timestamps.utc(asOf))
                        .addValue("jobExecutionId", jobExecutionId)
                        .addValue("reason", reject.rejection().reason().code())
                        .addValue("detail", reject.rejection().detail())
                        .addValue("rejectedAt", now));
            }
        }
        if (!snapshots.isEmpty()) {
            jdbc.update(UPSERT_SNAPSHOTS, snapshotColumns(snapshots)
                    .addValue("phase", phase.code())
                    .addValue("asOf", Timestamps.utc(asOf))
                    .addValue("evaluatedAt", now)
                    .addValue("jobExecutionId", jobExecutionId));
        }
        if (!rejects.isEmpty()) {
            jdbc.batchUpdate(UPSERT_REJECT, rejects.toArray(SqlParameterSource[]::new));
        }
        if (!restatements.isEmpty()) {
            jdbc.batchUpdate(UPSERT_RESTATEMENT, restatements.toArray(SqlParameterSource[]::new));
        }
    }

    private SqlParameterSource restatementRow(SnapshotRecord.Restated restated, OffsetDateTime now) {
        FinalRecord f = restated.finalRecord();
        Evaluation e = restated.evaluation();
        return new MapSqlParameterSource()
                .addValue("goalId", f.goalId())
                .addValue("finalAsOf", Timestamps.utc(f.settled().asOf()))
                .addValue("asOf", Timestamps.utc(asOf))
                .addValue("orgId", f.orgId()).addValue("projectId", f.projectId()).addValue("creatorId", f.creatorId())
                .addValue("metric", e.terms().metric().code()).addValue("period", f.period())
                .addValue("target", e.terms().target())
                .addValue("periodStart", Timestamps.utc(e.advisory().periodStart()))
                .addValue("periodEnd", Timestamps.utc(e.advisory().periodEnd()))
                .addValue("finalActual", f.settled().actual())
                .addValue("finalStatus", f.settled().status().code())
                .addValue("finalEligibility", f.settled().eligibility().code())
                .addValue("actual", e.actual()).addValue("percentage", e.percentage())
                .addValue("status", e.status().code()).addValue("eligibility", restated.eligibility().code())
                .addValue("advisory", BodyJson.write(AdvisoryView.of(e.advisory())))
                .addValue("restatedAt", now)
                .addValue("jobExecutionId", jobExecutionId);
    }

    /** The snapshots as one array per column, in chunk order; primitive where the column is never null. */
    private MapSqlParameterSource snapshotColumns(List<SnapshotRecord.Snapshot> snapshots) {
        int n = snapshots.size();
        UUID[] goalIds = new UUID[n];
        UUID[] orgIds = new UUID[n];
        UUID[] projectIds = new UUID[n];
        UUID[] creatorIds = new UUID[n];
        String[] metrics = new String[n];
        String[] periods = new String[n];
        long[] targets = new long[n];
        long[] actuals = new long[n];
        int[] percentages = new int[n];
        String[] statuses = new String[n];
        long[] periodStarts = new long[n];
        long[] periodEnds = new long[n];
        boolean[] hasAdvisories = new boolean[n];
        String[] closeStatuses = new String[n];
        Long[] closeActuals = new Long[n];
        List<Advisory> advisories = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SnapshotRecord.Snapshot s = snapshots.get(i);
            Evaluation e = s.evaluation();
            goalIds[i] = s.goalId();
            orgIds[i] = s.orgId();
            projectIds[i] = s.projectId();
            creatorIds[i] = s.creatorId();
            metrics[i] = e.terms().metric().code();
            periods[i] = s.period();
            targets[i] = e.terms().target();
            actuals[i] = e.actual();
            percentages[i] = e.percentage();
            statuses[i] = e.status().code();
            periodStarts[i] = Timestamps.epochMicros(e.advisory().periodStart()); // exact
            periodEnds[i] = Timestamps.epochMicros(e.advisory().periodEnd());
            hasAdvisories[i] = e.advisory().hasAdvisory();
            advisories.add(e.advisory());
            closeStatuses[i] = s.closeStatus();
            closeActuals[i] = s.closeActual();
        }
        Map<Advisory, Integer> numbers = new LinkedHashMap<>();
        int[] advisoryNos = advisories.stream()
                .mapToInt(a -> numbers.computeIfAbsent(a, distinct -> numbers.size() + 1)).toArray();
        String[] documents = numbers.keySet().stream()
                .map(a -> BodyJson.write(AdvisoryView.of(a))).toArray(String[]::new);
        return new MapSqlParameterSource()
                .addValue("goalIds", UuidArray.of(goalIds)).addValue("orgIds", UuidArray.of(orgIds))
                .addValue("projectIds", UuidArray.of(projectIds)).addValue("creatorIds", UuidArray.of(creatorIds))
                .addValue("metrics", metrics).addValue("periods", periods)
                .addValue("targets", targets).addValue("actuals", actuals).addValue("percentages", percentages)
                .addValue("statuses", statuses).addValue("periodStarts", periodStarts)
                .addValue("periodEnds", periodEnds).addValue("hasAdvisories", hasAdvisories)
                .addValue("advisories", documents)
                .addValue("advisoryNos", advisoryNos).addValue("closeStatuses", closeStatuses)
                .addValue("closeActuals", closeActuals);
    }
}

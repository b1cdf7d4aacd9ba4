package com.trackagoat.compliance.snapshot.job;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import com.trackagoat.compliance.body.AdvisoryView;
import com.trackagoat.compliance.body.BodyJson;
import com.trackagoat.compliance.evaluation.Advisory;
import com.trackagoat.compliance.evaluation.Evaluation;
import com.trackagoat.compliance.evaluation.FreshnessBucket;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.evaluation.ScrapeFreshness;
import com.trackagoat.compliance.source.Timestamps;
import com.trackagoat.compliance.source.UuidArray;

/**
 * Upserts a chunk's snapshots and rejects on their key (goal, phase, as_of), in the chunk's transaction: a
 * re-run or a resumed run rewrites a key with the same values, never a second row.
 */
class SnapshotWriter implements ItemStreamWriter<SnapshotRecord> {

    /**
     * A chunk's snapshots travel as one array per column and PostgreSQL unnests them, so a chunk costs two
     * round trips and two plans, not one per row; the window's instants as epoch microseconds. The first
     * statement records the terms not yet stored (goal_compliance_goal_terms, V13), the second the chunk's
     * write (job execution, evaluated_at) and its rows, each referring to its terms and its write by number
     * and carrying its advisory as flags (encoded in SQL, by the functions that the view decodes with).
     */
    private static final String INSERT_TERMS = """
            INSERT INTO goal_compliance_goal_terms (goal_id, org_id, project_id, creator_id, target, metric, period)
            SELECT DISTINCT w.goal_id, w.org_id, w.project_id, w.creator_id, w.target, w.metric, w.period
            FROM unnest(CAST(:goalIds AS uuid[]), CAST(:orgIds AS uuid[]), CAST(:projectIds AS uuid[]),
                        CAST(:creatorIds AS uuid[]), CAST(:targets AS bigint[]), CAST(:metrics AS text[]),
                        CAST(:periods AS text[]))
                AS w(goal_id, org_id, project_id, creator_id, target, metric, period)
            WHERE NOT EXISTS (SELECT 1 FROM goal_compliance_goal_terms t
                              WHERE t.goal_id = w.goal_id AND t.org_id = w.org_id AND t.project_id = w.project_id
                                AND t.creator_id = w.creator_id AND t.target = w.target AND t.metric = w.metric
                                AND t.period = w.period)
            """;

    private static final String UPSERT_SNAPSHOTS = """
            WITH write AS (
                INSERT INTO goal_compliance_snapshot_writes (job_execution_id, evaluated_at)
                VALUES (:jobExecutionId, :evaluatedAt) RETURNING id)
            INSERT INTO goal_compliance_snapshot_rows (as_of, period_start, period_end, actual, goal_id,
                project_id, terms_id, percentage, write_id, status, advisory_flags, phase, last_scraped_at,
                goal_start_date, close_actual, close_status)
            SELECT :asOf,
                TIMESTAMPTZ 'epoch' + r.period_start * INTERVAL '1 microsecond',
                TIMESTAMPTZ 'epoch' + r.period_end * INTERVAL '1 microsecond',
                r.actual, r.goal_id, r.project_id, t.id, r.percentage, (SELECT id FROM write),
                goal_compliance_status_code(r.status),
                goal_compliance_advisory_flags(r.in_progress, r.recently_ended, r.not_yet_started,
                                               r.has_advisory, r.bucket),
                :phase,
                TIMESTAMPTZ 'epoch' + r.last_scraped_at * INTERVAL '1 microsecond',
                r.goal_start_date, r.close_actual, r.close_status
            FROM unnest(CAST(:goalIds AS uuid[]), CAST(:orgIds AS uuid[]), CAST(:projectIds AS uuid[]),
                        CAST(:creatorIds AS uuid[]), CAST(:metrics AS text[]), CAST(:periods AS text[]),
                        CAST(:targets AS bigint[]), CAST(:actuals AS bigint[]), CAST(:percentages AS integer[]),
                        CAST(:statuses AS text[]), CAST(:periodStarts AS bigint[]), CAST(:periodEnds AS bigint[]),
                        CAST(:inProgress AS boolean[]), CAST(:recentlyEnded AS boolean[]),
                        CAST(:notYetStarted AS boolean[]), CAST(:hasAdvisories AS boolean[]),
                        CAST(:buckets AS text[]), CAST(:lastScrapedAts AS bigint[]),
                        CAST(:goalStartDates AS date[]),
                        CAST(:closeStatuses AS text[]), CAST(:closeActuals AS bigint[]))
                AS r(goal_id, org_id, project_id, creator_id, metric, period, target, actual, percentage, status,
                     period_start, period_end, in_progress, recently_ended, not_yet_started, has_advisory,
                     bucket, last_scraped_at, goal_start_date, close_status, close_actual)
            CROSS JOIN LATERAL (
                SELECT t.id FROM goal_compliance_goal_terms t
                WHERE t.goal_id = r.goal_id AND t.org_id = r.org_id AND t.project_id = r.project_id
                  AND t.creator_id = r.creator_id AND t.target = r.target AND t.metric = r.metric
                  AND t.period = r.period
                ORDER BY t.id LIMIT 1) t
            ON CONFLICT (as_of, phase, goal_id) DO UPDATE SET
                period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
                actual = EXCLUDED.actual, project_id = EXCLUDED.project_id,
                terms_id = EXCLUDED.terms_id, percentage = EXCLUDED.percentage,
                write_id = EXCLUDED.write_id, status = EXCLUDED.status,
                advisory_flags = EXCLUDED.advisory_flags, last_scraped_at = EXCLUDED.last_scraped_at,
                goal_start_date = EXCLUDED.goal_start_date, close_actual = EXCLUDED.close_actual,
                close_status = EXCLUDED.close_status, advisory_original = NULL
            """;

    /** The month partition of this job's rows, made before the first chunk (V13). */
    private static final String PARTITION = "SELECT goal_compliance_snapshot_partition(:phase, :asOf)";

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

    /**
     * Makes the month partition of this job's rows before the step's first chunk, outside its transactions:
     * creating one locks its parent briefly, and a chunk that did it would hold that lock until it commits.
     */
    @Override
    public void open(ExecutionContext executionContext) {
        if (phase != Phase.RESTATEMENT) {
            jdbc.queryForObject(PARTITION, new MapSqlParameterSource("phase", phase.code())
                    .addValue("asOf", Timestamps.utc(asOf)), String.class);
        }
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
            MapSqlParameterSource columns = snapshotColumns(snapshots);
            jdbc.update(INSERT_TERMS, columns);
            jdbc.update(UPSERT_SNAPSHOTS, columns
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
        boolean[] inProgress = new boolean[n];
        boolean[] recentlyEnded = new boolean[n];
        boolean[] notYetStarted = new boolean[n];
        boolean[] hasAdvisories = new boolean[n];
        String[] buckets = new String[n];
        Long[] lastScrapedAts = new Long[n];
        String[] goalStartDates = new String[n];
        String[] closeStatuses = new String[n];
        Long[] closeActuals = new Long[n];
        for (int i = 0; i < n; i++) {
            SnapshotRecord.Snapshot s = snapshots.get(i);
            Evaluation e = s.evaluation();
            Advisory a = e.advisory();
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
            periodStarts[i] = Timestamps.epochMicros(a.periodStart()); // exact
            periodEnds[i] = Timestamps.epochMicros(a.periodEnd());
            inProgress[i] = a.periodInProgress();
            recentlyEnded[i] = a.periodRecentlyEnded();
            notYetStarted[i] = a.notYetStarted();
            hasAdvisories[i] = a.hasAdvisory();
            ScrapeFreshness freshness = a.scrapeFreshness();
            buckets[i] = freshness == null ? FreshnessBucket.FRESH.code() : freshness.bucket().code();
            lastScrapedAts[i] = freshness == null || freshness.lastScrapedAt() == null ? null
                    : Timestamps.epochMicros(freshness.lastScrapedAt());
            goalStartDates[i] = a.goalStartDate() == null ? null : a.goalStartDate().toString();
            closeStatuses[i] = s.closeStatus();
            closeActuals[i] = s.closeActual();
        }
        return new MapSqlParameterSource()
                .addValue("goalIds", UuidArray.of(goalIds)).addValue("orgIds", UuidArray.of(orgIds))
                .addValue("projectIds", UuidArray.of(projectIds)).addValue("creatorIds", UuidArray.of(creatorIds))
                .addValue("metrics", metrics).addValue("periods", periods)
                .addValue("targets", targets).addValue("actuals", actuals).addValue("percentages", percentages)
                .addValue("statuses", statuses).addValue("periodStarts", periodStarts)
                .addValue("periodEnds", periodEnds).addValue("inProgress", inProgress)
                .addValue("recentlyEnded", recentlyEnded).addValue("notYetStarted", notYetStarted)
                .addValue("hasAdvisories", hasAdvisories).addValue("buckets", buckets)
                .addValue("lastScrapedAts", lastScrapedAts).addValue("goalStartDates", goalStartDates)
                .addValue("closeStatuses", closeStatuses).addValue("closeActuals", closeActuals);
    }
}

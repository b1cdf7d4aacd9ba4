package com.trackagoat.compliance.snapshot.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobConfiguration;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.source.Timestamps;

/**
 * The snapshot job's executions of a range of instants, with their steps' counts summed, in one query. Spring
 * Batch stores an execution's times as the local time of the JVM that ran it; they are read in this JVM's
 * zone, which is right as long as every process runs in the same zone (or UTC), as {@code SnapshotJobHistory}.
 */
class JobExecutions {

    /**
     * Per job execution: its chunk steps (the workers of a partitioned job, else the one step) and their
     * counts. The manager step of a partitioned job gets the workers' read counts summed only when it ends,
     * and none of the columns StepCounts keeps (V7), so workers are counted when there are any.
     */
    private static final String EXECUTIONS = """
            WITH executions AS (
              SELECT e.JOB_EXECUTION_ID AS id, e.STATUS AS status, e.START_TIME AS start_time,
                     e.END_TIME AS end_time, e.EXIT_MESSAGE AS exit_message,
                     ph.PARAMETER_VALUE AS phase, CAST(a.PARAMETER_VALUE AS timestamptz) AS as_of
              FROM BATCH_JOB_INSTANCE i
              JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
              JOIN BATCH_JOB_EXECUTION_PARAMS ph
                ON ph.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND ph.PARAMETER_NAME = 'phase'
              JOIN BATCH_JOB_EXECUTION_PARAMS a
                ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND a.PARAMETER_NAME = 'asOf'
              WHERE i.JOB_NAME = :jobName
                AND CAST(a.PARAMETER_VALUE AS timestamptz) > :from AND CAST(a.PARAMETER_VALUE AS timestamptz) <= :to
            ), steps AS (
              SELECT s.JOB_EXECUTION_ID AS id,
                     count(*) FILTER (WHERE s.STEP_NAME LIKE :workers) AS workers,
                     sum(s.READ_COUNT) FILTER (WHERE s.STEP_NAME LIKE :workers) AS worker_reads,
                     sum(s.READ_COUNT) FILTER (WHERE s.STEP_NAME = :step) AS step_reads,
                     sum(s.SNAPSHOTS_WRITTEN) AS snapshots, sum(s.REJECTS_WRITTEN) AS rejects,
                     count(s.SNAPSHOTS_WRITTEN) AS counted,
                     sum(1 - s.GOAL_IDS_DONE) AS ids_left,
                     sum(s.GOAL_IDS_DONE - s.GOAL_IDS_DONE_AT_START) AS ids_done,
                     count(*) FILTER (WHERE s.STEP_NAME LIKE :workers AND s.GOAL_IDS_DONE IS NULL) AS not_begun
              FROM BATCH_STEP_EXECUTION s
              JOIN executions x ON x.id = s.JOB_EXECUTION_ID
              GROUP BY s.JOB_EXECUTION_ID
            )
            SELECT x.id, x.status, x.start_time, x.end_time, x.exit_message, x.phase, x.as_of,
                   coalesce(st.workers, 0) AS workers, coalesce(st.worker_reads, 0) AS worker_reads,
                   coalesce(st.step_reads, 0) AS step_reads, coalesce(st.snapshots, 0) AS snapshots,
                   coalesce(st.rejects, 0) AS rejects, coalesce(st.counted, 0) AS counted,
                   st.ids_left, st.ids_done, coalesce(st.not_begun, 0) AS not_begun
            FROM executions x
            LEFT JOIN steps st ON st.id = x.id
            ORDER BY x.as_of, x.phase, x.id
            """;

    /**
     * One execution as read: what {@link RunExecution} shows, and for a running one how much of its goal-id
     * ranges is left and how much it has done (sums over its chunk steps of shares from 0 to 1; null until
     * every chunk step has begun).
     */
    record Row(SnapshotJobParameters instance, long id, String status, Instant start, Instant end, long goalsRead,
               long snapshots, long rejects, String exitMessage, int partitions, Double idsLeft, Double idsDone) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    JobExecutions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The executions of the instances with as_of in {@code (from, to]}, by instance, each oldest first. */
    Map<SnapshotJobParameters, List<Row>> between(Instant from, Instant to) {
        MapSqlParameterSource params = new MapSqlParameterSource("jobName", SnapshotJobConfiguration.JOB_NAME)
                .addValue("from", Timestamps.utc(from)).addValue("to", Timestamps.utc(to))
                .addValue("step", SnapshotJobConfiguration.STEP_NAME)
                .addValue("workers", SnapshotJobConfiguration.WORKER_NAME + ":%");
        Map<SnapshotJobParameters, List<Row>> byInstance = new LinkedHashMap<>();
        jdbc.query(EXECUTIONS, params, rs -> {
            Row row = row(rs);
            byInstance.computeIfAbsent(row.instance(), instance -> new ArrayList<>()).add(row);
        });
        return byInstance;
    }

    private static Row row(ResultSet rs) throws SQLException {
        SnapshotJobParameters instance = new SnapshotJobParameters(Phase.parse(rs.getString("phase")).orElseThrow(),
                Timestamps.instant(rs, "as_of"));
        int workers = rs.getInt("workers");
        boolean counted = rs.getLong("counted") > 0;
        boolean begun = rs.getLong("not_begun") == 0;
        String exitMessage = rs.getString("exit_message");
        return new Row(instance, rs.getLong("id"), rs.getString("status"), local(rs, "start_time"),
                local(rs, "end_time"), rs.getLong(workers > 0 ? "worker_reads" : "step_reads"),
                rs.getLong("snapshots"), rs.getLong("rejects"),
                exitMessage == null || exitMessage.isBlank() ? null : exitMessage,
                workers > 0 ? workers : counted ? 1 : 0,
                begun ? rs.getObject("ids_left", Double.class) : null,
                begun ? rs.getObject("ids_done", Double.class) : null);
    }

    private static Instant local(ResultSet rs, String column) throws SQLException {
        LocalDateTime time = rs.getObject(column, LocalDateTime.class);
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}

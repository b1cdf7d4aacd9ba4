package com.trackagoat.compliance.snapshot.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobConfiguration;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

/**
 * The snapshot job's executions of a range of instants, with their steps' counts summed, in one query. Spring
 * Batch stores an execution's times as the local time of the JVM that ran it; they are read in this JVM's
 * zone, which is right as long as every process runs in the same zone (or UTC), as {@code SnapshotJobHistory}.
 */
class JobExecutions {

    /**
     * The executions of the instances whose asOf parameter lies in {@code (:from, :to]}, each with its chunk steps
     * (the workers of a partitioned job, else the one step) summed in a lateral subquery, so the cost follows
     * the range, not the history. The manager step of a partitioned job gets the workers' read counts summed
     * only when it ends, and none of the columns StepCounts keeps (V7): workers are counted when there are any.
     * <p>
     * The range is compared as text in the "C" collation on {@code batch_job_execution_params_as_of_idx}
     * (V7): every asOf is an {@code Instant.toString()} of a whole second (a scheduled midnight, or a final
     * whole hours after one), and such texts, years 1970 to 9999, sort as their instants do. The bounds are
     * whole seconds too, and the rows are checked against the exact range once parsed.
     */
    private static final String EXECUTIONS = """
            SELECT e.JOB_EXECUTION_ID AS id, e.STATUS AS status, e.START_TIME AS start_time,
                   e.END_TIME AS end_time, e.EXIT_MESSAGE AS exit_message,
                   ph.PARAMETER_VALUE AS phase, a.PARAMETER_VALUE AS as_of, st.*
            FROM BATCH_JOB_EXECUTION_PARAMS a
            JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = a.JOB_EXECUTION_ID
            JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
            JOIN BATCH_JOB_EXECUTION_PARAMS ph
              ON ph.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND ph.PARAMETER_NAME = 'phase'
            CROSS JOIN LATERAL (
              SELECT count(DISTINCT s.STEP_NAME) FILTER (WHERE s.STEP_NAME LIKE :workers) AS workers,
                     coalesce(sum(s.READ_COUNT) FILTER (WHERE s.STEP_NAME LIKE :workers), 0) AS worker_reads,
                     coalesce(sum(s.READ_COUNT) FILTER (WHERE s.STEP_NAME = :step), 0) AS step_reads,
                     coalesce(sum(s.SNAPSHOTS_WRITTEN), 0) AS snapshots,
                     coalesce(sum(s.REJECTS_WRITTEN), 0) AS rejects,
                     count(s.SNAPSHOTS_WRITTEN) AS counted,
                     sum(1 - s.GOAL_IDS_DONE) FILTER (WHERE s.latest) AS ids_left,
                     sum(s.GOAL_IDS_DONE - s.GOAL_IDS_DONE_AT_START) AS ids_done,
                     count(*) FILTER (WHERE s.STEP_NAME LIKE :workers AND s.GOAL_IDS_DONE IS NULL AND s.latest)
                       AS not_begun
              -- a partition sent again after its worker died has a step execution per sending: the last
              -- one is what is left of it, and each did its share of the work
              FROM (SELECT *, STEP_EXECUTION_ID = max(STEP_EXECUTION_ID) OVER (PARTITION BY STEP_NAME) AS latest
                    FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = e.JOB_EXECUTION_ID) s
            ) st
            WHERE a.PARAMETER_NAME = 'asOf'
              AND a.PARAMETER_VALUE COLLATE "C" > :from AND a.PARAMETER_VALUE COLLATE "C" <= :to
              AND i.JOB_NAME = :jobName
            ORDER BY e.JOB_EXECUTION_ID
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
                .addValue("from", from.truncatedTo(ChronoUnit.SECONDS).toString())
                .addValue("to", to.truncatedTo(ChronoUnit.SECONDS).toString())
                .addValue("step", SnapshotJobConfiguration.STEP_NAME)
                .addValue("workers", SnapshotJobConfiguration.WORKER_NAME + ":%");
        Map<SnapshotJobParameters, List<Row>> byInstance = new LinkedHashMap<>();
        jdbc.query(EXECUTIONS, params, rs -> {
            Row row = row(rs);
            Instant asOf = row.instance().asOf();
            if (asOf.isAfter(from) && !asOf.isAfter(to)) {
                byInstance.computeIfAbsent(row.instance(), instance -> new ArrayList<>()).add(row);
            }
        });
        return byInstance;
    }

    private static Row row(ResultSet rs) throws SQLException {
        SnapshotJobParameters instance = new SnapshotJobParameters(Phase.parse(rs.getString("phase")).orElseThrow(),
                Instant.parse(rs.getString("as_of")));
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

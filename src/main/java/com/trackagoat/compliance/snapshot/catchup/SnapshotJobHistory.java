package com.trackagoat.compliance.snapshot.catchup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobConfiguration;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.source.Timestamps;

/** What the job repository ({@code BATCH_*} tables) knows of past snapshot job instances. */
class SnapshotJobHistory {

    /** The job's executions ({@code e}, of instance {@code i}) with their phase ({@code ph}) and as_of ({@code a}). */
    private static final String EXECUTIONS = """
              FROM BATCH_JOB_INSTANCE i
              JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
              JOIN BATCH_JOB_EXECUTION_PARAMS ph
                ON ph.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND ph.PARAMETER_NAME = 'phase'
              JOIN BATCH_JOB_EXECUTION_PARAMS a
                ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND a.PARAMETER_NAME = 'asOf'
              WHERE i.JOB_NAME = :jobName
            """;

    /** The snapshot job's instances with their phase, as_of, and whether any execution completed (or was abandoned). */
    private static final String INSTANCES = """
            WITH instances AS (
              SELECT ph.PARAMETER_VALUE AS phase, CAST(a.PARAMETER_VALUE AS timestamptz) AS as_of,
                     bool_or(e.STATUS IN ('COMPLETED', 'ABANDONED')) AS done
            """ + EXECUTIONS + """
              GROUP BY i.JOB_INSTANCE_ID, ph.PARAMETER_VALUE, a.PARAMETER_VALUE
            )
            """;

    private static final String LAST_COMPLETED = INSTANCES + """
            SELECT max(as_of) FROM instances WHERE done AND as_of <= :until
            """;

    private static final String UNFINISHED = INSTANCES + "SELECT phase, as_of FROM instances WHERE NOT done";

    private static final String COMPLETED = INSTANCES + """
            SELECT phase, as_of FROM instances WHERE done AND as_of > :from AND as_of <= :to
            """;

    /**
     * The instances with as_of after {@code :since} that never completed and whose last execution failed, with
     * the number of their failed executions, when the last one ended and its exit message.
     */
    private static final String FAILING = """
            WITH executions AS (
              SELECT i.JOB_INSTANCE_ID AS instance_id, e.JOB_EXECUTION_ID AS id, e.STATUS AS status,
                     e.EXIT_MESSAGE AS exit_message, coalesce(e.END_TIME, e.LAST_UPDATED, e.CREATE_TIME) AS ended,
                     ph.PARAMETER_VALUE AS phase, CAST(a.PARAMETER_VALUE AS timestamptz) AS as_of
            """ + EXECUTIONS + """
            ), instances AS (
              SELECT phase, as_of,
                     bool_or(status IN ('COMPLETED', 'ABANDONED')) AS done,
                     count(*) FILTER (WHERE status IN ('FAILED', 'UNKNOWN')) AS failures,
                     (array_agg(status ORDER BY id DESC))[1] AS last_status,
                     (array_agg(ended ORDER BY id DESC))[1] AS last_ended,
                     (array_agg(exit_message ORDER BY id DESC))[1] AS exit_message
              FROM executions
              GROUP BY instance_id, phase, as_of
            )
            SELECT phase, as_of, failures, last_ended, exit_message FROM instances
            WHERE NOT done AND last_status IN ('FAILED', 'UNKNOWN') AND as_of > :since
            ORDER BY as_of, phase
            """;

    private final NamedParameterJdbcTemplate jdbc;

    SnapshotJobHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest as_of, up to {@code until}, of a completed instance. */
    Optional<Instant> lastCompleted(Instant until) {
        OffsetDateTime last = jdbc.queryForObject(LAST_COMPLETED,
                params().addValue("until", Timestamps.utc(until)), OffsetDateTime.class);
        return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
    }

    /** Instances that started but never completed (failed, stopped, or left running by a dead process). */
    List<SnapshotJobParameters> unfinished() {
        return jdbc.query(UNFINISHED, params(), (rs, n) -> instance(rs));
    }

    /** The instances with as_of in {@code (from, to]} that have completed. */
    Set<SnapshotJobParameters> completed(Instant from, Instant to) {
        MapSqlParameterSource params = params().addValue("from", Timestamps.utc(from))
                .addValue("to", Timestamps.utc(to));
        return new HashSet<>(jdbc.query(COMPLETED, params, (rs, n) -> instance(rs)));
    }

    /**
     * The instances with as_of after {@code since} whose last execution failed and that never completed, oldest
     * first. Spring Batch stores an execution's times as the local time of the JVM that ran it; they are read
     * in this JVM's zone, which is right as long as every process runs in the same zone (or UTC).
     */
    List<FailedInstance> failing(Instant since) {
        return jdbc.query(FAILING, params().addValue("since", Timestamps.utc(since)),
                (rs, n) -> new FailedInstance(instance(rs), rs.getInt("failures"),
                        rs.getObject("last_ended", LocalDateTime.class).atZone(ZoneId.systemDefault()).toInstant(),
                        rs.getString("exit_message")));
    }

    private static SnapshotJobParameters instance(ResultSet rs) throws SQLException {
        return new SnapshotJobParameters(Phase.parse(rs.getString("phase")).orElseThrow(),
                Timestamps.instant(rs, "as_of"));
    }

    private static MapSqlParameterSource params() {
        return new MapSqlParameterSource("jobName", SnapshotJobConfiguration.JOB_NAME);
    }
}

package com.trackagoat.compliance.snapshot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.Phase;

/** What the job repository ({@code BATCH_*} tables) knows of past snapshot job instances. */
class SnapshotJobHistory {

    /** The snapshot job's instances with their phase, as_of, and whether any execution completed (or was abandoned). */
    private static final String INSTANCES = """
            WITH instances AS (
              SELECT ph.PARAMETER_VALUE AS phase, CAST(a.PARAMETER_VALUE AS timestamptz) AS as_of,
                     bool_or(e.STATUS IN ('COMPLETED', 'ABANDONED')) AS done
              FROM BATCH_JOB_INSTANCE i
              JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
              JOIN BATCH_JOB_EXECUTION_PARAMS ph
                ON ph.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND ph.PARAMETER_NAME = 'phase'
              JOIN BATCH_JOB_EXECUTION_PARAMS a
                ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND a.PARAMETER_NAME = 'asOf'
              WHERE i.JOB_NAME = :jobName
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

    private final NamedParameterJdbcTemplate jdbc;

    SnapshotJobHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest as_of, up to {@code until}, of a completed instance. */
    Optional<Instant> lastCompleted(Instant until) {
        OffsetDateTime last = jdbc.queryForObject(LAST_COMPLETED,
                params().addValue("until", CreatorActivityRepository.utc(until)), OffsetDateTime.class);
        return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
    }

    /** Instances that started but never completed (failed, stopped, or left running by a dead process). */
    List<SnapshotJobParameters> unfinished() {
        return jdbc.query(UNFINISHED, params(), (rs, n) -> instance(rs));
    }

    /** The instances with as_of in {@code (from, to]} that have completed. */
    Set<SnapshotJobParameters> completed(Instant from, Instant to) {
        MapSqlParameterSource params = params().addValue("from", CreatorActivityRepository.utc(from))
                .addValue("to", CreatorActivityRepository.utc(to));
        return new HashSet<>(jdbc.query(COMPLETED, params, (rs, n) -> instance(rs)));
    }

    private static SnapshotJobParameters instance(ResultSet rs) throws SQLException {
        return new SnapshotJobParameters(Phase.parse(rs.getString("phase")).orElseThrow(),
                rs.getObject("as_of", OffsetDateTime.class).toInstant());
    }

    private static MapSqlParameterSource params() {
        return new MapSqlParameterSource("jobName", SnapshotJobConfiguration.JOB_NAME);
    }
}

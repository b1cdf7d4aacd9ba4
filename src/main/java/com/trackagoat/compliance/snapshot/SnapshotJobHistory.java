package com.trackagoat.compliance.snapshot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.Phase;

/** What the job repository ({@code BATCH_*} tables) knows of past snapshot job instances. */
class SnapshotJobHistory {

    /** Each instance's phase and as_of, with whether any of its executions completed or was abandoned. */
    private static final String INSTANCES = """
            SELECT ph.PARAMETER_VALUE AS phase, CAST(a.PARAMETER_VALUE AS timestamptz) AS as_of,
                   bool_or(e.STATUS IN ('COMPLETED', 'ABANDONED')) AS done
            FROM BATCH_JOB_INSTANCE i
            JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
            JOIN BATCH_JOB_EXECUTION_PARAMS ph ON ph.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND ph.PARAMETER_NAME = 'phase'
            JOIN BATCH_JOB_EXECUTION_PARAMS a ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND a.PARAMETER_NAME = 'asOf'
            WHERE i.JOB_NAME = :jobName
            GROUP BY i.JOB_INSTANCE_ID, ph.PARAMETER_VALUE, a.PARAMETER_VALUE
            """;

    private final NamedParameterJdbcTemplate jdbc;

    SnapshotJobHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Instance(SnapshotJobParameters job, boolean done) {
    }

    List<Instance> instances() {
        return jdbc.query(INSTANCES, new MapSqlParameterSource("jobName", SnapshotJobConfiguration.JOB_NAME),
                (rs, n) -> new Instance(new SnapshotJobParameters(Phase.parse(rs.getString("phase")).orElseThrow(),
                        rs.getObject("as_of", OffsetDateTime.class).toInstant()), rs.getBoolean("done")));
    }

    /** The latest as_of of a completed instance. */
    Optional<Instant> lastCompleted() {
        return instances().stream().filter(Instance::done).map(i -> i.job().asOf()).max(Instant::compareTo);
    }

    /** Instances that started but never completed (failed, stopped, or left running by a dead process). */
    List<SnapshotJobParameters> unfinished() {
        return instances().stream().filter(i -> !i.done()).map(Instance::job).toList();
    }

    /** The instants of completed close instances. */
    Set<Instant> completedCloses() {
        return instances().stream().filter(Instance::done).map(Instance::job)
                .filter(j -> j.phase() == Phase.CLOSE).map(SnapshotJobParameters::asOf).collect(Collectors.toSet());
    }

    boolean isCompleted(SnapshotJobParameters job) {
        return instances().stream().anyMatch(i -> i.done() && i.job().equals(job));
    }
}

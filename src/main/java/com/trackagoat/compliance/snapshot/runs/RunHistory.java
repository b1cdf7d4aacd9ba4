package com.trackagoat.compliance.snapshot.runs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.source.Timestamps;

/** STUB until branch runs lands: only instances with executions, no plan. */
@Component
public class RunHistory {

    private static final String EXECUTIONS = """
            SELECT ph.PARAMETER_VALUE AS phase, CAST(a.PARAMETER_VALUE AS timestamptz) AS as_of,
                   e.JOB_EXECUTION_ID AS id, e.STATUS AS status
            FROM BATCH_JOB_INSTANCE i
            JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
            JOIN BATCH_JOB_EXECUTION_PARAMS ph ON ph.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND ph.PARAMETER_NAME = 'phase'
            JOIN BATCH_JOB_EXECUTION_PARAMS a ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND a.PARAMETER_NAME = 'asOf'
            WHERE CAST(a.PARAMETER_VALUE AS timestamptz) > :from AND CAST(a.PARAMETER_VALUE AS timestamptz) <= :to
            ORDER BY 2, 1, 3
            """;

    private final NamedParameterJdbcTemplate jdbc;

    RunHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<InstanceRun> runs(Instant from, Instant to) {
        record Row(SnapshotJobParameters instance, long id, String status) {
        }
        List<Row> rows = jdbc.query(EXECUTIONS, new MapSqlParameterSource("from", Timestamps.utc(from))
                .addValue("to", Timestamps.utc(to)), (rs, n) -> new Row(new SnapshotJobParameters(
                Phase.parse(rs.getString("phase")).orElseThrow(), Timestamps.instant(rs, "as_of")),
                rs.getLong("id"), rs.getString("status")));
        java.util.Map<SnapshotJobParameters, List<RunExecution>> by = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            by.computeIfAbsent(r.instance(), k -> new java.util.ArrayList<>()).add(new RunExecution(r.id(), r.status(),
                    null, null, null, 0, 0, 0, "", 1));
        }
        return by.entrySet().stream().map(e -> {
            String last = e.getValue().get(e.getValue().size() - 1).status();
            RunState state = switch (last) {
                case "COMPLETED" -> RunState.COMPLETED;
                case "STOPPED" -> RunState.STOPPED;
                case "STARTED", "STARTING" -> RunState.RUNNING;
                default -> RunState.FAILED;
            };
            return new InstanceRun(e.getKey(), state, e.getValue(), Optional.empty());
        }).toList();
    }

    public Instant lookBackStart(Instant now) {
        return now.minus(java.time.Duration.ofDays(35));
    }

    public Optional<InstanceRun> run(SnapshotJobParameters instance) {
        Optional<InstanceRun> found = runs(instance.asOf().minusMillis(1), instance.asOf()).stream()
                .filter(r -> r.instance().equals(instance)).findFirst();
        return Optional.of(found.orElse(new InstanceRun(instance, RunState.MISSING, List.of(), Optional.empty())));
    }
}

package com.trackagoat.compliance.api.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.api.PageCursor;
import com.trackagoat.compliance.source.Timestamps;

/** Reads a project's snapshots in (as_of, goal_id, phase) order, one keyset page at a time. */
@Repository
class HistoryRepository {

    private static final String PAGE = """
            SELECT goal_id, creator_id, phase, as_of, metric, period, target, actual, percentage, status,
                   period_start, period_end, has_advisory, CAST(advisory AS text) AS advisory,
                   close_status, close_actual
            FROM goal_compliance_snapshots
            WHERE project_id = :project
              AND (CAST(:goal AS uuid) IS NULL OR goal_id = :goal)
              AND (CAST(:creator AS uuid) IS NULL OR creator_id = :creator)
              AND (CAST(:phase AS text) IS NULL OR phase = :phase)
              AND (CAST(:fromAsOf AS timestamptz) IS NULL OR as_of >= :fromAsOf)
              AND (CAST(:toAsOf AS timestamptz) IS NULL OR as_of <= :toAsOf)
              AND (CAST(:afterAsOf AS timestamptz) IS NULL
                   OR (as_of, goal_id, phase) > (:afterAsOf, CAST(:afterGoal AS uuid), CAST(:afterPhase AS text)))
            ORDER BY as_of, goal_id, phase
            LIMIT :rows
            """;

    private final NamedParameterJdbcTemplate jdbc;

    HistoryRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters of one request; instants bound the snapshots' {@code as_of}, both inclusive. */
    record Filter(UUID project, Optional<UUID> goal, Optional<UUID> creator, Optional<String> phase,
                  Optional<Instant> fromAsOf, Optional<Instant> toAsOf, Optional<PageCursor> after) {
    }

    List<HistoryRow> page(Filter f, int rows) {
        MapSqlParameterSource params = new MapSqlParameterSource("project", f.project())
                .addValue("goal", f.goal().orElse(null))
                .addValue("creator", f.creator().orElse(null))
                .addValue("phase", f.phase().orElse(null))
                .addValue("fromAsOf", f.fromAsOf().map(Timestamps::utc).orElse(null))
                .addValue("toAsOf", f.toAsOf().map(Timestamps::utc).orElse(null))
                .addValue("afterAsOf", f.after().map(c -> Timestamps.utc(c.asOf())).orElse(null))
                .addValue("afterGoal", f.after().map(PageCursor::goalId).orElse(null))
                .addValue("afterPhase", f.after().map(PageCursor::phase).orElse(null))
                .addValue("rows", rows);
        return jdbc.query(PAGE, params, (rs, n) -> new HistoryRow(rs.getObject("goal_id", UUID.class),
                rs.getObject("creator_id", UUID.class), rs.getString("phase"), Timestamps.instant(rs, "as_of"),
                rs.getString("metric"), rs.getString("period"), rs.getLong("target"), rs.getLong("actual"),
                rs.getInt("percentage"), rs.getString("status"), Timestamps.instant(rs, "period_start"),
                Timestamps.instant(rs, "period_end"), rs.getBoolean("has_advisory"), rs.getString("advisory"),
                rs.getString("close_status"), rs.getObject("close_actual", Long.class)));
    }
}

package com.trackagoat.compliance.api.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.api.FilteredQuery;
import com.trackagoat.compliance.api.PageCursor;
import com.trackagoat.compliance.source.Timestamps;

/**
 * Reads a project's snapshots in (as_of, goal_id, phase) order, one keyset page at a time.
 *
 * <p>The statement names only the filters a request gives ({@link FilteredQuery}), so that its generic plan
 * seeks the index and prunes by month.
 */
@Repository
class HistoryRepository {

    private static final String COLUMNS = """
            SELECT goal_id, creator_id, phase, as_of, metric, period, target, actual, percentage, status,
                   period_start, period_end, has_advisory, CAST(advisory AS text) AS advisory,
                   close_status, close_actual
            """;
    private static final String FROM_PROJECT = """
            FROM goal_compliance_snapshots
            WHERE project_id = :project
            """;
    /**
     * One goal's rows, found through its terms (sql/job V13): the rows have no index on the goal, and
     * {@code goal_id = :goal} alone would read every row of the project.
     */
    private static final String FROM_GOAL = """
            FROM goal_compliance_goal_snapshots(:goal)
            WHERE project_id = :project
            """;
    private static final String CREATOR = "  AND creator_id = :creator\n";
    private static final String PHASE = "  AND phase = :phase\n";
    private static final String FROM_AS_OF = "  AND as_of >= :fromAsOf\n";
    private static final String TO_AS_OF = "  AND as_of <= :toAsOf\n";
    /** After the cursor; its first condition prunes the months before it (a row comparison prunes none). */
    private static final String AFTER = "  AND as_of >= :afterAsOf\n"
            + "  AND (as_of, goal_id, phase) > (:afterAsOf, :afterGoal, :afterPhase)\n";

    private static final String ORDER = """
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
        FilteredQuery query = f.goal()
                .map(g -> new FilteredQuery(COLUMNS + FROM_GOAL,
                        Map.of("goal", g, "project", f.project(), "rows", rows)))
                .orElseGet(() -> new FilteredQuery(COLUMNS + FROM_PROJECT,
                        Map.of("project", f.project(), "rows", rows)))
                .and(f.creator(), CREATOR, c -> Map.of("creator", c))
                .and(f.phase(), PHASE, p -> Map.of("phase", p))
                .and(f.fromAsOf(), FROM_AS_OF, t -> Map.of("fromAsOf", Timestamps.utc(t)))
                .and(f.toAsOf(), TO_AS_OF, t -> Map.of("toAsOf", Timestamps.utc(t)))
                .and(f.after(), AFTER, c -> Map.of("afterAsOf", Timestamps.utc(c.asOf()), "afterGoal", c.goalId(),
                        "afterPhase", c.phase()));
        return jdbc.query(query.sql(ORDER), query.params(), (rs, n) -> new HistoryRow(
                rs.getObject("goal_id", UUID.class),
                rs.getObject("creator_id", UUID.class), rs.getString("phase"), Timestamps.instant(rs, "as_of"),
                rs.getString("metric"), rs.getString("period"), rs.getLong("target"), rs.getLong("actual"),
                rs.getInt("percentage"), rs.getString("status"), Timestamps.instant(rs, "period_start"),
                Timestamps.instant(rs, "period_end"), rs.getBoolean("has_advisory"), rs.getString("advisory"),
                rs.getString("close_status"), rs.getObject("close_actual", Long.class)));
    }
}

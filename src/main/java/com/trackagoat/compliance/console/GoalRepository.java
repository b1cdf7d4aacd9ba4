package com.trackagoat.compliance.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.source.Timestamps;

/**
 * The Goal page's reads, all by the goal id: the goal's source row with its creator and organization, its
 * periods that have snapshots, one period's snapshots, and its latest rejects. Snapshots are read through
 * {@code goal_compliance_goal_snapshots(goal)} (V13), which finds them by the goal's terms: no index of the
 * snapshot rows starts with the goal.
 */
@Repository
class GoalRepository {

    private static final String GOAL = """
            SELECT g.metric, g.period, g.target_value, g.start_date, g.end_date, g.is_active, c.tiktok_handle,
                   o.name AS org_name, o.timezone
            FROM creator_goals g
            LEFT JOIN creators c ON c.id = g.creator_id
            LEFT JOIN projects p ON p.id = g.project_id
            LEFT JOIN organizations o ON o.id = p.org_id
            WHERE g.id = :goal
            """;

    private static final String PERIODS = """
            SELECT period_start, period_end, count(*) AS snapshots
            FROM goal_compliance_goal_snapshots(:goal)
            GROUP BY period_start, period_end
            ORDER BY period_end DESC
            LIMIT :rows
            """;

    private static final String SNAPSHOTS = """
            SELECT phase, as_of, metric, period, target, actual, percentage, status, period_start, period_end
            FROM goal_compliance_goal_snapshots(:goal)
            WHERE period_end = :periodEnd
            ORDER BY as_of, phase
            """;

    private static final String REJECTS = """
            SELECT phase, as_of, reason, detail
            FROM goal_compliance_rejects
            WHERE goal_id = :goal
            ORDER BY as_of DESC, phase
            LIMIT :rows
            """;

    private final NamedParameterJdbcTemplate jdbc;

    GoalRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The goal as the source tables have it now (any column may be what made it a reject). */
    record SourceGoal(String metric, String period, Long targetValue, String startDate, String endDate,
                      boolean active, String creatorHandle, String orgName, String timezone) {
    }

    record PeriodRows(Instant start, Instant end, long snapshots) {
    }

    record Snapshot(String phase, Instant asOf, String metric, String period, long target, long actual,
                    int percentage, String status, Instant periodStart, Instant periodEnd) {
    }

    record Reject(String phase, Instant asOf, String reason, String detail) {
    }

    Optional<SourceGoal> goal(UUID goal) {
        return jdbc.query(GOAL, new MapSqlParameterSource("goal", goal), (rs, n) -> new SourceGoal(
                rs.getString("metric"), rs.getString("period"), rs.getObject("target_value", Long.class),
                rs.getString("start_date"), rs.getString("end_date"), rs.getBoolean("is_active"),
                rs.getString("tiktok_handle"), rs.getString("org_name"), rs.getString("timezone")))
                .stream().findFirst();
    }

    /** The goal's latest {@code rows} periods that have snapshots, newest first. */
    List<PeriodRows> periods(UUID goal, int rows) {
        return jdbc.query(PERIODS, new MapSqlParameterSource("goal", goal).addValue("rows", rows),
                (rs, n) -> new PeriodRows(Timestamps.instant(rs, "period_start"), Timestamps.instant(rs, "period_end"),
                        rs.getLong("snapshots")));
    }

    /** One period's snapshots in time order: its nightlies, its close, its final. */
    List<Snapshot> snapshots(UUID goal, Instant periodEnd) {
        return jdbc.query(SNAPSHOTS, new MapSqlParameterSource("goal", goal)
                .addValue("periodEnd", Timestamps.utc(periodEnd)), (rs, n) -> new Snapshot(rs.getString("phase"),
                Timestamps.instant(rs, "as_of"), rs.getString("metric"), rs.getString("period"), rs.getLong("target"),
                rs.getLong("actual"), rs.getInt("percentage"), rs.getString("status"),
                Timestamps.instant(rs, "period_start"), Timestamps.instant(rs, "period_end")));
    }

    List<Reject> rejects(UUID goal, int rows) {
        return jdbc.query(REJECTS, new MapSqlParameterSource("goal", goal).addValue("rows", rows),
                (rs, n) -> new Reject(rs.getString("phase"), Timestamps.instant(rs, "as_of"), rs.getString("reason"),
                        rs.getString("detail")));
    }
}

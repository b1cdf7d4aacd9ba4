package com.trackagoat.compliance.report;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.body.CreatorView;
import com.trackagoat.compliance.evaluation.Goal;
import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.source.GoalRows;

/** Reads a project's organization, active creators and active goals for a live report. */
@Repository
class ReportRepository {

    private static final String PROJECT = """
            SELECT p.id, o.timezone
            FROM projects p LEFT JOIN organizations o ON o.id = p.org_id
            WHERE p.id = :project
            """;

    private static final String CREATORS = """
            SELECT id, tiktok_handle, display_name, avatar_url
            FROM creators
            WHERE project_id = :project AND is_active
              AND (CAST(:creator AS uuid) IS NULL OR id = :creator)
            ORDER BY tiktok_handle, id
            """;

    /** Active goals of the project's active creators, and of creators that do not exist (to reject them). */
    private static final String GOALS = """
            SELECT g.id, g.creator_id, g.project_id, g.metric, g.period, g.target_value,
                   g.start_date, g.end_date, g.is_active, g.created_at, c.id IS NOT NULL AS creator_exists
            FROM creator_goals g
            LEFT JOIN creators c ON c.id = g.creator_id
            WHERE g.is_active
              AND COALESCE(c.project_id, g.project_id) = :project
              AND (c.id IS NULL OR c.is_active)
              AND (CAST(:creator AS uuid) IS NULL OR g.creator_id = :creator)
              AND (CAST(:period AS text) IS NULL OR g.period = :period)
            ORDER BY g.id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ReportRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Project(UUID id, String timezone) {
    }

    record ReportedGoal(Goal goal, boolean creatorExists) {
    }

    Optional<Project> project(UUID project) {
        return jdbc.query(PROJECT, new MapSqlParameterSource("project", project),
                (rs, n) -> new Project(rs.getObject("id", UUID.class), rs.getString("timezone"))).stream().findFirst();
    }

    List<CreatorView> creators(UUID project, Optional<UUID> creator) {
        MapSqlParameterSource params = new MapSqlParameterSource("project", project)
                .addValue("creator", creator.orElse(null));
        return jdbc.query(CREATORS, params, (rs, n) -> new CreatorView(rs.getObject("id", UUID.class),
                rs.getString("tiktok_handle"), rs.getString("display_name"), rs.getString("avatar_url")));
    }

    List<ReportedGoal> goals(UUID project, Optional<UUID> creator, Optional<Period> period) {
        MapSqlParameterSource params = new MapSqlParameterSource("project", project)
                .addValue("creator", creator.orElse(null))
                .addValue("period", period.map(Period::code).orElse(null));
        return jdbc.query(GOALS, params, (rs, n) -> new ReportedGoal(GoalRows.goal(rs),
                rs.getBoolean("creator_exists")));
    }
}

package com.trackagoat.compliance.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.api.PageCursor;
import com.trackagoat.compliance.source.Timestamps;

/**
 * The Rejects page's reads: the rejects of a range of instants counted by reason and organization, and one
 * keyset page of them, newest first. Both walk {@code goal_compliance_rejects_as_of_idx} (as_of, phase) over
 * the range; the goal, its creator and organization are looked up by primary key (a reject whose goal or
 * creator has gone from the source tables still shows, without them).
 */
@Repository
class RejectsRepository {

    private static final String FILTER = """
            WHERE r.as_of > :from AND r.as_of <= :to
              AND (CAST(:phase AS text) IS NULL OR r.phase = :phase)
              AND (CAST(:reason AS text) IS NULL OR r.reason = :reason)
              AND (CAST(:org AS uuid) IS NULL OR p.org_id = :org)
            """;

    private static final String JOINS = """
            FROM goal_compliance_rejects r
            LEFT JOIN creator_goals g ON g.id = r.goal_id
            LEFT JOIN projects p ON p.id = g.project_id
            LEFT JOIN organizations o ON o.id = p.org_id
            """;

    private static final String COUNTS = "SELECT r.reason, p.org_id, o.name AS org_name, count(*) AS rejects, "
            + "count(DISTINCT r.goal_id) AS goals\n" + JOINS + FILTER
            + "GROUP BY r.reason, p.org_id, o.name ORDER BY r.reason, count(*) DESC, o.name";

    private static final String PAGE = """
            SELECT r.goal_id, r.phase, r.as_of, r.reason, r.detail, c.tiktok_handle, p.org_id, o.name AS org_name
            """ + JOINS + "LEFT JOIN creators c ON c.id = g.creator_id\n" + FILTER + """
              AND (CAST(:afterAsOf AS timestamptz) IS NULL
                   OR (r.as_of, r.phase, r.goal_id) < (:afterAsOf, CAST(:afterPhase AS text), CAST(:afterGoal AS uuid)))
            ORDER BY r.as_of DESC, r.phase DESC, r.goal_id DESC
            LIMIT :rows
            """;

    private final NamedParameterJdbcTemplate jdbc;

    RejectsRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the page shows: rejects with {@code as_of} in (from, to], optionally of one phase, reason, organization. */
    record Filter(Instant from, Instant to, Optional<String> phase, Optional<String> reason, Optional<UUID> org) {
    }

    /** A reason × organization count; the organization null when the goal is no longer in the source tables. */
    record Count(String reason, UUID orgId, String orgName, long rejects, long goals) {
    }

    record Reject(UUID goalId, String phase, Instant asOf, String reason, String detail, String creatorHandle,
                  UUID orgId, String orgName) {

        PageCursor cursor() {
            return new PageCursor(asOf, goalId, phase);
        }
    }

    List<Count> counts(Filter f) {
        return jdbc.query(COUNTS, params(f), (rs, n) -> new Count(rs.getString("reason"),
                rs.getObject("org_id", UUID.class), rs.getString("org_name"), rs.getLong("rejects"),
                rs.getLong("goals")));
    }

    /** Up to {@code rows} rejects after {@code after} (in the page's order: newest first). */
    List<Reject> page(Filter f, Optional<PageCursor> after, int rows) {
        MapSqlParameterSource params = params(f)
                .addValue("afterAsOf", after.map(c -> Timestamps.utc(c.asOf())).orElse(null))
                .addValue("afterPhase", after.map(PageCursor::phase).orElse(null))
                .addValue("afterGoal", after.map(PageCursor::goalId).orElse(null))
                .addValue("rows", rows);
        return jdbc.query(PAGE, params, (rs, n) -> new Reject(rs.getObject("goal_id", UUID.class),
                rs.getString("phase"), Timestamps.instant(rs, "as_of"), rs.getString("reason"), rs.getString("detail"),
                rs.getString("tiktok_handle"), rs.getObject("org_id", UUID.class), rs.getString("org_name")));
    }

    private static MapSqlParameterSource params(Filter f) {
        return new MapSqlParameterSource("from", Timestamps.utc(f.from())).addValue("to", Timestamps.utc(f.to()))
                .addValue("phase", f.phase().orElse(null)).addValue("reason", f.reason().orElse(null))
                .addValue("org", f.org().orElse(null));
    }
}

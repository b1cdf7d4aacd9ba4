package com.trackagoat.compliance.api.payout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.api.PageCursor;
import com.trackagoat.compliance.source.Timestamps;

/** Reads a project's rows of the {@code payout_eligibility} view in (as_of, goal_id) order, by keyset pages. */
@Repository
class PayoutRepository {

    private static final String PAGE = """
            SELECT goal_id, creator_id, metric, period, period_start, period_end, target, actual, status,
                   eligibility, as_of, close_status, close_actual
            FROM payout_eligibility
            WHERE project_id = :project
              AND (CAST(:creator AS uuid) IS NULL OR creator_id = :creator)
              AND (CAST(:eligibility AS text) IS NULL OR eligibility = :eligibility)
              AND (CAST(:endFrom AS timestamptz) IS NULL OR period_end >= :endFrom)
              AND (CAST(:endBefore AS timestamptz) IS NULL OR period_end < :endBefore)
              AND (CAST(:afterAsOf AS timestamptz) IS NULL
                   OR (as_of, goal_id) > (:afterAsOf, CAST(:afterGoal AS uuid)))
            ORDER BY as_of, goal_id
            LIMIT :rows
            """;

    private final NamedParameterJdbcTemplate jdbc;

    PayoutRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters of one request: the printed {@code period_end} in {@code [endFrom, endBefore)}. */
    record Filter(UUID project, Optional<UUID> creator, Optional<String> eligibility, Optional<Instant> endFrom,
                  Optional<Instant> endBefore, Optional<PageCursor> after) {
    }

    List<PayoutRow> page(Filter f, int rows) {
        MapSqlParameterSource params = new MapSqlParameterSource("project", f.project())
                .addValue("creator", f.creator().orElse(null))
                .addValue("eligibility", f.eligibility().orElse(null))
                .addValue("endFrom", f.endFrom().map(Timestamps::utc).orElse(null))
                .addValue("endBefore", f.endBefore().map(Timestamps::utc).orElse(null))
                .addValue("afterAsOf", f.after().map(c -> Timestamps.utc(c.asOf())).orElse(null))
                .addValue("afterGoal", f.after().map(PageCursor::goalId).orElse(null))
                .addValue("rows", rows);
        return jdbc.query(PAGE, params, (rs, n) -> new PayoutRow(rs.getObject("goal_id", UUID.class),
                rs.getObject("creator_id", UUID.class), rs.getString("metric"), rs.getString("period"),
                Timestamps.instant(rs, "period_start"), Timestamps.instant(rs, "period_end"), rs.getLong("target"),
                rs.getLong("actual"), rs.getString("status"), rs.getString("eligibility"),
                Timestamps.instant(rs, "as_of"), rs.getString("close_status"), rs.getObject("close_actual", Long.class)));
    }
}

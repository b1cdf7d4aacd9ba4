package com.trackagoat.compliance.api.payout;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.api.FilteredQuery;
import com.trackagoat.compliance.api.PageCursor;
import com.trackagoat.compliance.evaluation.Status;
import com.trackagoat.compliance.source.Timestamps;

/**
 * Reads a project's rows of the {@code payout_eligibility} view in (as_of, goal_id) order, by keyset pages, each
 * with its restatement, if any (one per final at most: keyed by goal and final instant).
 */
@Repository
class PayoutRepository {

    private static final String SELECT = """
            SELECT p.goal_id, p.creator_id, p.metric, p.period, p.period_start, p.period_end, p.target, p.actual,
                   p.status, p.eligibility, p.as_of, p.close_status, p.close_actual,
                   r.as_of AS restated_as_of, r.actual AS restated_actual, r.status AS restated_status,
                   r.eligibility AS restated_eligibility
            FROM payout_eligibility p
            LEFT JOIN goal_compliance_restatements r ON r.goal_id = p.goal_id AND r.final_as_of = p.as_of
            WHERE p.project_id = :project
            """;

    // Only the filters a request gives, each combination its own statement: as in HistoryRepository, a
    // generic plan can neither seek nor prune with (:x IS NULL OR …).
    private static final String CREATOR = "  AND p.creator_id = :creator\n";
    private static final String ELIGIBILITY = "  AND p.eligibility = :eligibility\n";
    private static final String END_FROM = "  AND p.period_end >= :endFrom\n";
    private static final String END_BEFORE = "  AND p.period_end < :endBefore\n";
    /** After the cursor; its first condition prunes the months before it (a row comparison prunes none). */
    private static final String AFTER = "  AND p.as_of >= :afterAsOf\n"
            + "  AND (p.as_of, p.goal_id) > (:afterAsOf, :afterGoal)\n";

    private static final String ORDER = """
            ORDER BY p.as_of, p.goal_id
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
        FilteredQuery query = new FilteredQuery(SELECT, Map.of("project", f.project(), "rows", rows))
                .and(f.creator(), CREATOR, c -> Map.of("creator", c))
                .and(f.eligibility(), ELIGIBILITY, e -> Map.of("eligibility", e))
                .and(f.endFrom(), END_FROM, t -> Map.of("endFrom", Timestamps.utc(t)))
                .and(f.endBefore(), END_BEFORE, t -> Map.of("endBefore", Timestamps.utc(t)))
                .and(f.after(), AFTER, c -> Map.of("afterAsOf", Timestamps.utc(c.asOf()), "afterGoal", c.goalId()));
        return jdbc.query(query.sql(ORDER), query.params(), (rs, n) -> new PayoutRow(
                rs.getObject("goal_id", UUID.class), rs.getObject("creator_id", UUID.class), rs.getString("metric"),
                rs.getString("period"),
                Timestamps.instant(rs, "period_start"), Timestamps.instant(rs, "period_end"), rs.getLong("target"),
                rs.getLong("actual"), rs.getString("status"), rs.getString("eligibility"),
                Timestamps.instant(rs, "as_of"), rs.getString("close_status"), rs.getObject("close_actual", Long.class),
                rs.getObject("restated_as_of") == null ? null : new PayoutRestatement(
                        Timestamps.instant(rs, "restated_as_of"), rs.getLong("restated_actual"),
                        Status.parse(rs.getString("restated_status")).orElseThrow(),
                        rs.getString("restated_eligibility"))));
    }
}

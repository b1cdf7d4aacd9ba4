package com.trackagoat.compliance.snapshot.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.Metric;
import com.trackagoat.compliance.source.CreatorActivityRepository;
import com.trackagoat.compliance.source.Timestamps;
import com.trackagoat.compliance.source.WindowTallies;

/**
 * Reads the close snapshots that a final settles (those taken one settle delay before the final's as_of),
 * with the terms they recorded, and their creators' data loaded in bulk per page.
 */
class CloseRecordReader extends KeysetPagingReader<SnapshotWork.OfClose> {

    private static final String CLOSES = """
            SELECT goal_id, org_id, project_id, creator_id, metric, period, target, actual, status,
                   period_start, period_end
            FROM goal_compliance_snapshots
            WHERE phase = 'close' AND as_of = :closedAt
              AND goal_id BETWEEN :from AND :to
            ORDER BY goal_id
            LIMIT :limit
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final WindowTallies tallies;
    private final Instant closedAt;
    private final Instant asOf;

    CloseRecordReader(NamedParameterJdbcTemplate jdbc, CreatorActivityRepository activities, Instant closedAt,
                      Instant asOf, int pageSize) {
        super(pageSize);
        this.jdbc = jdbc;
        this.tallies = new WindowTallies(jdbc, activities);
        this.closedAt = closedAt;
        this.asOf = asOf;
    }

    @Override
    protected Page<SnapshotWork.OfClose> fetchPage(UUID from, UUID to, int limit) {
        MapSqlParameterSource params = pageParams(from, to, limit).addValue("closedAt", Timestamps.utc(closedAt));
        List<CloseRecord> closes = jdbc.query(CLOSES, params, (rs, n) -> new CloseRecord(
                rs.getObject("goal_id", UUID.class), rs.getObject("org_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getObject("creator_id", UUID.class),
                rs.getString("period"),
                StoredTerms.read(rs), rs.getString("status"), rs.getLong("actual")));
        UUID lastKey = closes.isEmpty() ? null : closes.get(closes.size() - 1).goalId();
        List<SnapshotWork.OfClose> work = tallies.load(closes, CloseRecord::creatorId,
                c -> Optional.of(c.terms().window()), c -> c.terms().metric() == Metric.FOLLOWERS, asOf,
                (close, activity) -> new SnapshotWork.OfClose(close, activity, asOf));
        return new Page<>(work, lastKey, closes.size() == limit);
    }

    @Override
    protected UUID keyOf(SnapshotWork.OfClose item) {
        return item.close().goalId();
    }
}

package com.trackagoat.compliance.snapshot.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.Eligibility;
import com.trackagoat.compliance.evaluation.Settled;
import com.trackagoat.compliance.evaluation.Status;
import com.trackagoat.compliance.source.CreatorActivityRepository;
import com.trackagoat.compliance.source.LateVideos;
import com.trackagoat.compliance.source.Timestamps;

/**
 * Reads the final snapshots a restatement checks (those taken one restatement delay before its as_of), with
 * their creators' late videos and latest scrapes loaded in bulk per page. A rejected final has no row here:
 * it has nothing to restate.
 */
class FinalRecordReader extends KeysetPagingReader<SnapshotWork.OfFinal> {

    private static final String FINALS = """
            SELECT goal_id, org_id, project_id, creator_id, metric, period, target, actual, status,
                   period_start, period_end, CAST(advisory ->> 'scrape_stale' AS boolean) AS scrape_stale
            FROM goal_compliance_snapshots
            WHERE phase = 'final' AND as_of = :finalAsOf
              AND goal_id BETWEEN :from AND :to
            ORDER BY goal_id
            LIMIT :limit
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final LateVideos lateVideos;
    private final Instant finalAsOf;
    private final Instant asOf;

    FinalRecordReader(NamedParameterJdbcTemplate jdbc, CreatorActivityRepository activities, Instant finalAsOf,
                      Instant asOf, int pageSize) {
        super(pageSize);
        this.jdbc = jdbc;
        this.lateVideos = new LateVideos(jdbc, activities);
        this.finalAsOf = finalAsOf;
        this.asOf = asOf;
    }

    @Override
    protected Page<SnapshotWork.OfFinal> fetchPage(UUID from, UUID to, int limit) {
        MapSqlParameterSource params = pageParams(from, to, limit).addValue("finalAsOf", Timestamps.utc(finalAsOf));
        List<FinalRecord> finals = jdbc.query(FINALS, params, (rs, n) -> {
            Status status = Status.parse(rs.getString("status")).orElseThrow();
            return new FinalRecord(rs.getObject("goal_id", UUID.class), rs.getObject("org_id", UUID.class),
                    rs.getObject("project_id", UUID.class), rs.getObject("creator_id", UUID.class),
                    rs.getString("period"),
                    new Settled(StoredTerms.read(rs), finalAsOf, rs.getLong("actual"), status,
                            Eligibility.of(status, rs.getBoolean("scrape_stale"))));
        });
        UUID lastKey = finals.isEmpty() ? null : finals.get(finals.size() - 1).goalId();
        List<SnapshotWork.OfFinal> work = lateVideos.load(finals, FinalRecord::creatorId,
                f -> f.settled().terms().window(), finalAsOf, asOf,
                (record, activity) -> new SnapshotWork.OfFinal(record, activity, asOf));
        return new Page<>(work, lastKey, finals.size() == limit);
    }

    @Override
    protected UUID keyOf(SnapshotWork.OfFinal item) {
        return item.record().goalId();
    }
}

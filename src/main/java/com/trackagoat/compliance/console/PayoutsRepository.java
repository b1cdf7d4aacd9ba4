package com.trackagoat.compliance.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.api.FilteredQuery;
import com.trackagoat.compliance.api.PageCursor;
import com.trackagoat.compliance.source.Timestamps;

/**
 * The Payouts page's reads, from the {@code payout_eligibility} view (whose CASE is the one definition of
 * eligibility): per final instance its counts, and keyset pages of its rows, newest first, with the creator's
 * handle and the final's scrape freshness (the advisory's {@code scrape_freshness}, from the final row). The
 * view reads the range's final rows by the month partitions' primary keys (as_of, phase, goal_id); a page row's
 * own advisory, its creator and organization are primary-key lookups.
 */
@Repository
class PayoutsRepository {

    private static final String COUNTS = """
            SELECT as_of, period_end,
                   count(*) FILTER (WHERE eligibility = 'eligible') AS eligible,
                   count(*) FILTER (WHERE eligibility = 'needs_review') AS needs_review,
                   count(*) FILTER (WHERE eligibility = 'ineligible') AS ineligible
            FROM payout_eligibility
            WHERE as_of > :from AND as_of <= :to
            GROUP BY as_of, period_end
            ORDER BY as_of DESC, period_end DESC
            """;

    // The page is chosen first (the LIMIT keeps the subquery apart), then each of its rows finds its advisory
    // by primary key, built once (OFFSET 0 keeps the lateral apart: flattened, the view's advisory expression
    // was computed for each of the three fields). Joined before the LIMIT, the planner estimated the
    // eligibility filter at one row and read every final row of every month. Only the filters given are in
    // the statement (see api.history.HistoryRepository: generic plans and `:x IS NULL OR …`).
    private static final String PAGE_SELECT = """
            SELECT e.as_of, e.period_end, e.goal_id, e.creator_id, c.tiktok_handle, o.name AS org_name, e.metric,
                   e.period, e.target, e.close_actual, e.actual, e.close_status, e.status, e.eligibility,
                   f.freshness ->> 'bucket' AS scrape_bucket,
                   CAST(f.freshness ->> 'age_hours' AS numeric) AS scrape_age_hours,
                   f.freshness ->> 'last_scraped_at' AS last_scraped_at
            FROM (SELECT p.as_of, p.period_end, p.goal_id, p.creator_id, p.org_id, p.metric, p.period, p.target,
                         p.close_actual, p.actual, p.close_status, p.status, p.eligibility
                  FROM payout_eligibility p
                  WHERE p.as_of > :from AND p.as_of <= :to
            """;
    private static final String FINAL = "    AND p.as_of = :final\n";
    private static final String ELIGIBILITY = "    AND p.eligibility = :eligibility\n";
    /** Before the cursor; its first condition prunes the months after it (a row comparison prunes none). */
    private static final String AFTER = "    AND p.as_of <= :afterAsOf\n"
            + "    AND (p.as_of, p.goal_id) < (:afterAsOf, :afterGoal)\n";
    private static final String PAGE_END = """
                  ORDER BY p.as_of DESC, p.goal_id DESC
                  LIMIT :rows) e
            CROSS JOIN LATERAL (SELECT s.advisory -> 'scrape_freshness' AS freshness
                                FROM goal_compliance_snapshots s
                                WHERE s.goal_id = e.goal_id AND s.phase = 'final' AND s.as_of = e.as_of
                                OFFSET 0) f
            LEFT JOIN creators c ON c.id = e.creator_id
            LEFT JOIN organizations o ON o.id = e.org_id
            ORDER BY e.as_of DESC, e.goal_id DESC
            """;

    private final NamedParameterJdbcTemplate jdbc;

    PayoutsRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Final rows with {@code as_of} in (from, to], optionally of one final instant and one eligibility. */
    record Filter(Instant from, Instant to, Optional<Instant> finalAt, Optional<String> eligibility) {
    }

    /** One final instance: the period end it settles and its rows by eligibility. */
    record Counts(Instant asOf, Instant periodEnd, long eligible, long needsReview, long ineligible) {
    }

    /** A final row; the scrape fields are null when the stats were fresh at the final. */
    record Payout(Instant asOf, Instant periodEnd, UUID goalId, UUID creatorId, String creatorHandle, String orgName,
                  String metric, String period, long target, Long closeActual, long actual, String closeStatus,
                  String status, String eligibility, String scrapeBucket, BigDecimal scrapeAgeHours,
                  String lastScrapedAt) {

        /** Final actual − close actual: what late posts and late scrapes added; null without a close actual. */
        Long changeSinceClose() {
            return closeActual == null ? null : actual - closeActual;
        }

        PageCursor cursor() {
            return new PageCursor(asOf, goalId, "final");
        }
    }

    List<Counts> counts(Instant from, Instant to) {
        return jdbc.query(COUNTS, new MapSqlParameterSource("from", Timestamps.utc(from))
                .addValue("to", Timestamps.utc(to)), (rs, n) -> new Counts(Timestamps.instant(rs, "as_of"),
                Timestamps.instant(rs, "period_end"), rs.getLong("eligible"), rs.getLong("needs_review"),
                rs.getLong("ineligible")));
    }

    /** Up to {@code rows} rows after {@code after}, newest final first. */
    List<Payout> page(Filter f, Optional<PageCursor> after, int rows) {
        FilteredQuery query = new FilteredQuery(PAGE_SELECT,
                Map.of("from", Timestamps.utc(f.from()), "to", Timestamps.utc(f.to()), "rows", rows))
                .and(f.finalAt(), FINAL, t -> Map.of("final", Timestamps.utc(t)))
                .and(f.eligibility(), ELIGIBILITY, e -> Map.of("eligibility", e))
                .and(after, AFTER, c -> Map.of("afterAsOf", Timestamps.utc(c.asOf()), "afterGoal", c.goalId()));
        return jdbc.query(query.sql(PAGE_END), query.params(), (rs, n) -> new Payout(
                Timestamps.instant(rs, "as_of"), Timestamps.instant(rs, "period_end"), rs.getObject("goal_id", UUID.class),
                rs.getObject("creator_id", UUID.class), rs.getString("tiktok_handle"), rs.getString("org_name"),
                rs.getString("metric"), rs.getString("period"), rs.getLong("target"),
                rs.getObject("close_actual", Long.class), rs.getLong("actual"), rs.getString("close_status"),
                rs.getString("status"), rs.getString("eligibility"), rs.getString("scrape_bucket"),
                rs.getBigDecimal("scrape_age_hours"), rs.getString("last_scraped_at")));
    }
}

package com.trackagoat.compliance.snapshot.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.GoalEvaluator;
import com.trackagoat.compliance.evaluation.Metric;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.source.CreatorActivityRepository;
import com.trackagoat.compliance.source.GoalRows;
import com.trackagoat.compliance.source.ScheduledZones;
import com.trackagoat.compliance.source.Timestamps;
import com.trackagoat.compliance.source.WindowTallies;

/**
 * Reads the goals that get a close (or nightly) snapshot at one midnight: goals of the organizations whose
 * local midnight it is, which the evaluator says are due for this phase, with their creators' data loaded
 * in bulk per page.
 */
class DueGoalReader extends KeysetPagingReader<SnapshotWork.OfGoal> {

    /**
     * Active goals of active (or missing) creators, created by as_of, in organizations scheduled at as_of:
     * those whose zone has a midnight then, and on UTC midnights those whose zone is unusable. A keyset page
     * within {@code [from, to]}: a range scan of the primary key, never a scan from the first goal.
     * <p>
     * The last condition drops goals whose last window closed before as_of, which stay active for ever and
     * would otherwise be read and skipped every night. It is safe: a valid goal gets a close or nightly
     * snapshot at the midnight starting local day D only if {@code end_date >= D - 1} ({@code :endedBefore}
     * is that bound for the earliest D among the due zones), and goals rejected at every midnight (invalid
     * zone, unknown period, inverted dates, missing creator) are always kept, whatever their dates.
     */
    private static final String CANDIDATES = """
            SELECT g.id, g.creator_id, g.project_id, g.metric, g.period, g.target_value,
                   g.start_date, g.end_date, g.is_active, g.created_at,
                   c.id IS NOT NULL AS creator_exists, p.id AS effective_project_id,
                   o.id AS org_id, o.timezone
            FROM creator_goals g
            LEFT JOIN creators c ON c.id = g.creator_id
            LEFT JOIN projects p ON p.id = COALESCE(c.project_id, g.project_id)
            LEFT JOIN organizations o ON o.id = p.org_id
            WHERE g.id BETWEEN :from AND :to
              AND g.is_active AND g.created_at <= :asOf
              AND (c.id IS NULL OR c.is_active)
              AND (o.timezone = ANY(:zones) OR (:utcMidnight AND o.timezone IS NULL))
              AND (g.end_date IS NULL OR g.end_date >= :endedBefore
                   OR g.end_date < g.start_date
                   OR g.period IS NULL OR g.period NOT IN ('daily', 'weekly', 'monthly')
                   OR c.id IS NULL
                   OR o.timezone IS NULL OR o.timezone <> ALL(:validZones))
            ORDER BY g.id
            LIMIT :limit
            """;

    /**
     * The page query's plan for the whole chunk transaction: the generic one, a range scan of the primary key
     * that stops after a page. PostgreSQL plans the first five executions of a prepared statement for their
     * own values, and for a resumed range those plans hash-join the whole rest of the range before the
     * LIMIT (about 100 ms a page instead of 5 ms, found in the statement log of the bench's resume).
     */
    private static final String GENERIC_PLANS = "SET LOCAL plan_cache_mode = force_generic_plan";

    private final NamedParameterJdbcTemplate jdbc;
    private final WindowTallies tallies;
    private final GoalEvaluator evaluator;
    private final Phase phase;
    private final Instant asOf;
    /** The stored zone texts with a midnight at as_of, and whether it is a UTC midnight: fixed for the job. */
    private final String[] dueZones;
    private final boolean utcMidnight;
    /** The due zone texts that are IANA zones, and the earliest end_date that can still get a snapshot. */
    private final String[] validZones;
    private final LocalDate endedBefore;

    DueGoalReader(NamedParameterJdbcTemplate jdbc, CreatorActivityRepository activities, GoalEvaluator evaluator,
                  Phase phase, Instant asOf, ScheduledZones zones, int pageSize) {
        super(pageSize);
        this.jdbc = jdbc;
        this.tallies = new WindowTallies(jdbc, activities);
        this.evaluator = evaluator;
        this.phase = phase;
        this.asOf = asOf;
        this.dueZones = zones.zonesWithMidnightAt(asOf).toArray(String[]::new);
        this.utcMidnight = zones.isUtcMidnight(asOf);
        this.validZones = Arrays.stream(dueZones).filter(z -> GoalEvaluator.zoneOf(z).isPresent())
                .toArray(String[]::new);
        this.endedBefore = Arrays.stream(validZones)
                .map(z -> LocalDate.ofInstant(asOf, GoalEvaluator.zoneOf(z).orElseThrow()).minusDays(1))
                .min(Comparator.naturalOrder())
                .orElse(null); // no valid zone is due: every goal left is kept by the zone clause
    }

    @Override
    protected Page<SnapshotWork.OfGoal> fetchPage(UUID from, UUID to, int limit) {
        MapSqlParameterSource params = pageParams(from, to, limit)
                .addValue("asOf", Timestamps.utc(asOf))
                .addValue("zones", dueZones)
                .addValue("utcMidnight", utcMidnight)
                .addValue("validZones", validZones)
                .addValue("endedBefore", endedBefore);
        jdbc.getJdbcTemplate().execute(GENERIC_PLANS);
        List<DueGoal> rows = jdbc.query(CANDIDATES, params, (rs, n) -> new DueGoal(
                GoalRows.goal(rs),
                Optional.ofNullable(rs.getObject("effective_project_id", UUID.class))
                        .orElse(rs.getObject("project_id", UUID.class)),
                rs.getObject("org_id", UUID.class), rs.getString("timezone"), rs.getBoolean("creator_exists")));
        List<DueGoal> due = rows.stream()
                .filter(d -> evaluator.phaseAt(d.goal(), d.timezone(), d.creatorExists(), asOf)
                        .filter(phase::equals).isPresent())
                .toList();
        UUID lastKey = rows.isEmpty() ? null : rows.get(rows.size() - 1).goal().id();
        List<SnapshotWork.OfGoal> work = tallies.load(due, d -> d.goal().creatorId(),
                d -> evaluator.snapshotWindow(d.goal(), d.timezone(), phase, asOf),
                d -> Metric.FOLLOWERS.code().equals(d.goal().metric()), asOf,
                (d, activity) -> new SnapshotWork.OfGoal(d, activity, phase, asOf));
        return new Page<>(work, lastKey, rows.size() == limit);
    }

    @Override
    protected UUID keyOf(SnapshotWork.OfGoal item) {
        return item.due().goal().id();
    }
}

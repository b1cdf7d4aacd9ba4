package com.trackagoat.compliance.api.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.api.ApiProject;
import com.trackagoat.compliance.body.BodyJson;
import com.trackagoat.compliance.body.ComplianceMeta;
import com.trackagoat.compliance.body.CreatorCompliance;
import com.trackagoat.compliance.body.CreatorView;
import com.trackagoat.compliance.body.Envelope;
import com.trackagoat.compliance.body.GoalCompliance;
import com.trackagoat.compliance.body.GoalView;
import com.trackagoat.compliance.body.RejectedGoal;
import com.trackagoat.compliance.evaluation.Goal;
import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.evaluation.RejectReason;
import com.trackagoat.compliance.evaluation.Status;
import com.trackagoat.compliance.source.Timestamps;

/**
 * The goal-compliance body as the job recorded it: the {@code nightly} and {@code close} snapshots taken at
 * one local midnight (the end of a reference date), in the live body's shape, order and JSON code.
 * Metric, period and target are the recorded ones; the goal's start and end dates, which a snapshot does not
 * record, and the creator's handle and names are today's.
 */
@Component
class SnapshotReport {

    private static final String SNAPSHOTS = """
            SELECT s.goal_id, s.creator_id, s.project_id, s.metric, s.period, s.target, s.actual, s.percentage,
                   s.status, s.period_start, s.period_end, CAST(s.advisory AS text) AS advisory,
                   g.start_date, g.end_date,
                   c.tiktok_handle, c.display_name, c.avatar_url
            FROM goal_compliance_snapshots s
            LEFT JOIN creator_goals g ON g.id = s.goal_id
            LEFT JOIN creators c ON c.id = s.creator_id
            WHERE s.project_id = :project AND s.as_of = :asOf AND s.phase IN ('nightly', 'close')
              AND (CAST(:creator AS uuid) IS NULL OR s.creator_id = :creator)
              AND (CAST(:period AS text) IS NULL OR s.period = :period)
            """;

    /** Rejects carry no project: a goal's project is its creator's, else its own (as in the live report). */
    private static final String REJECTS = """
            SELECT r.goal_id, r.reason, r.detail
            FROM goal_compliance_rejects r
            JOIN creator_goals g ON g.id = r.goal_id
            LEFT JOIN creators c ON c.id = g.creator_id
            WHERE r.as_of = :asOf AND r.phase IN ('nightly', 'close')
              AND COALESCE(c.project_id, g.project_id) = :project
              AND (CAST(:creator AS uuid) IS NULL OR g.creator_id = :creator)
              AND (CAST(:period AS text) IS NULL OR g.period = :period)
            ORDER BY r.goal_id
            """;

    private static final Comparator<Row> CREATOR_ORDER = Comparator
            .comparing((Row r) -> r.creator().tiktokHandle(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.creator().id());

    private static final Comparator<Row> GOAL_ORDER = Comparator.comparing(Row::goal, GoalView.ORDER);

    private final NamedParameterJdbcTemplate jdbc;

    SnapshotReport(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(CreatorView creator, Goal goal, GoalCompliance result) {
    }

    /** The body from the snapshots at {@code asOf}; empty when none was taken there for these filters. */
    Optional<Envelope<List<CreatorCompliance>, ComplianceMeta>> build(ApiProject project, Optional<UUID> creator,
                                                                      Optional<Period> period,
                                                                      LocalDate referenceDate, Instant asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource("project", project.id())
                .addValue("asOf", Timestamps.utc(asOf))
                .addValue("creator", creator.orElse(null))
                .addValue("period", period.map(Period::code).orElse(null));
        List<Row> rows = jdbc.query(SNAPSHOTS, params, (rs, n) -> {
            UUID creatorId = rs.getObject("creator_id", UUID.class);
            Goal goal = new Goal(rs.getObject("goal_id", UUID.class), creatorId,
                    rs.getObject("project_id", UUID.class), rs.getString("metric"), rs.getString("period"),
                    rs.getLong("target"), rs.getObject("start_date", LocalDate.class),
                    rs.getObject("end_date", LocalDate.class), true, null);
            GoalCompliance result = new GoalCompliance(GoalView.of(goal), goal.targetValue(), rs.getLong("actual"),
                    rs.getInt("percentage"), Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                    BodyJson.advisory(rs.getString("advisory")));
            return new Row(new CreatorView(creatorId, rs.getString("tiktok_handle"), rs.getString("display_name"),
                    rs.getString("avatar_url")), goal, result);
        });
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, CreatorView> creators = new LinkedHashMap<>();
        rows.stream().sorted(CREATOR_ORDER).forEach(r -> creators.putIfAbsent(r.creator().id(), r.creator()));
        Map<UUID, List<GoalCompliance>> compliance = new LinkedHashMap<>();
        creators.keySet().forEach(id -> compliance.put(id, new ArrayList<>()));
        rows.stream().sorted(GOAL_ORDER).forEach(r -> compliance.get(r.creator().id())
                .add(r.result()));
        List<RejectedGoal> rejected = jdbc.query(REJECTS, params, (rs, n) -> new RejectedGoal(
                rs.getObject("goal_id", UUID.class), RejectReason.valueOf(rs.getString("reason").toUpperCase(Locale.ROOT)),
                rs.getString("detail")));
        List<CreatorCompliance> data = creators.values().stream()
                .map(c -> new CreatorCompliance(c, compliance.get(c.id()))).toList();
        return Optional.of(Envelope.of(data, new ComplianceMeta(project.timezone(), referenceDate, rejected)));
    }
}

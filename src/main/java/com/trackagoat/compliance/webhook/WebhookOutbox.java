package com.trackagoat.compliance.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.source.Timestamps;

/**
 * The outbox: events written by a job's last step in that step's transaction (so an event exists if and only if
 * its job completed), each with a pending delivery to every enabled endpoint of its organization. An event is
 * unique per (type, project, instant) and inserted {@code ON CONFLICT DO NOTHING}: a resumed job writes it once,
 * and no second set of deliveries.
 */
public class WebhookOutbox {

    public static final String FINALIZED = "goal_compliance.finalized";

    /**
     * One event per project with final rows or final rejects at the instant; counts from the rows then in the
     * tables ({@code payout_eligibility} for the eligibility), a reject's project from its goal.
     */
    private static final String FINALIZED_EVENTS = """
            WITH rows_at AS (
              SELECT project_id, org_id, count(*) AS goals,
                     count(*) FILTER (WHERE eligibility = 'eligible') AS eligible,
                     count(*) FILTER (WHERE eligibility = 'needs_review') AS needs_review,
                     count(*) FILTER (WHERE eligibility = 'ineligible') AS ineligible
              FROM payout_eligibility WHERE as_of = :asOf
              GROUP BY project_id, org_id
            ), rejects_at AS (
              SELECT g.project_id, p.org_id, count(*) AS rejected
              FROM goal_compliance_rejects r
              JOIN creator_goals g ON g.id = r.goal_id
              JOIN projects p ON p.id = g.project_id
              WHERE r.phase = 'final' AND r.as_of = :asOf
              GROUP BY g.project_id, p.org_id
            ), counts AS (
              SELECT coalesce(s.project_id, r.project_id) AS project_id, coalesce(s.org_id, r.org_id) AS org_id,
                     coalesce(s.goals, 0) AS goals, coalesce(s.eligible, 0) AS eligible,
                     coalesce(s.needs_review, 0) AS needs_review, coalesce(s.ineligible, 0) AS ineligible,
                     coalesce(r.rejected, 0) AS rejected
              FROM rows_at s FULL JOIN rejects_at r ON r.project_id = s.project_id
            ), inserted AS (
              INSERT INTO webhook_events (id, type, org_id, project_id, as_of, payload, created_at, job_execution_id)
              SELECT 'evt_' || replace(gen_random_uuid()::text, '-', ''), CAST(:type AS text), org_id, project_id, :asOf,
                     jsonb_build_object('type', CAST(:type AS text), 'timestamp', CAST(:timestamp AS text), 'data', jsonb_build_object(
                         'org_id', org_id, 'project_id', project_id, 'as_of', CAST(:asOfText AS text), 'goals', goals,
                         'eligible', eligible, 'needs_review', needs_review, 'ineligible', ineligible,
                         'rejected', rejected)),
                     :now, :jobExecutionId
              FROM counts
              ORDER BY project_id
              ON CONFLICT (type, project_id, as_of) DO NOTHING
              RETURNING id, org_id
            )
            INSERT INTO webhook_deliveries (event_id, endpoint_id, state, next_attempt_at, created_at)
            SELECT i.id, e.id, 'pending', :now, :now
            FROM inserted i JOIN webhook_endpoints e ON e.org_id = i.org_id AND e.enabled
            """;

    private static final String EVENTS_AT = """
            SELECT count(*) FROM webhook_events WHERE type = :type AND as_of = :asOf
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public WebhookOutbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes the {@code goal_compliance.finalized} events of a final instant, in the caller's transaction; returns
     * how many events the instant has (written now or by an earlier execution).
     */
    public long finalized(Instant asOf, long jobExecutionId) {
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource("type", FINALIZED)
                .addValue("asOf", Timestamps.utc(asOf))
                .addValue("asOfText", asOf.truncatedTo(ChronoUnit.SECONDS).toString())
                .addValue("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString())
                .addValue("now", Timestamps.utc(now))
                .addValue("jobExecutionId", jobExecutionId);
        jdbc.update(FINALIZED_EVENTS, params);
        Long events = jdbc.queryForObject(EVENTS_AT, params, Long.class);
        return events == null ? 0 : events;
    }
}

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
    public static final String RESTATED = "goal_compliance.restated";

    /** The events' row, from a {@code counts} relation with {@code org_id}, {@code project_id}, {@code data}. */
    private static final String INSERT_EVENTS = """
            , inserted AS (
              INSERT INTO webhook_events (id, type, org_id, project_id, as_of, payload, created_at, job_execution_id)
              SELECT 'evt_' || replace(gen_random_uuid()::text, '-', ''), CAST(:type AS text), org_id, project_id, :asOf,
                     jsonb_build_object('type', CAST(:type AS text), 'timestamp', CAST(:timestamp AS text),
                                        'data', data),
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
                     jsonb_build_object('org_id', coalesce(s.org_id, r.org_id),
                         'project_id', coalesce(s.project_id, r.project_id), 'as_of', CAST(:asOfText AS text),
                         'goals', coalesce(s.goals, 0), 'eligible', coalesce(s.eligible, 0),
                         'needs_review', coalesce(s.needs_review, 0), 'ineligible', coalesce(s.ineligible, 0),
                         'rejected', coalesce(r.rejected, 0)) AS data
              FROM rows_at s FULL JOIN rejects_at r ON r.project_id = s.project_id
            )
            """ + INSERT_EVENTS;

    /**
     * One event per project with restatement rows at the instant, listing them (goal order), from the rows then
     * in the table. A restatement instant that wrote no row has no event.
     */
    private static final String RESTATED_EVENTS = """
            WITH counts AS (
              SELECT project_id, org_id,
                     jsonb_build_object('org_id', org_id, 'project_id', project_id, 'as_of', CAST(:asOfText AS text),
                         'restatements', jsonb_agg(jsonb_build_object(
                             'goal_id', goal_id,
                             'final_as_of', to_char(final_as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                             'final_eligibility', final_eligibility, 'eligibility', eligibility,
                             'final_actual', final_actual, 'actual', actual) ORDER BY goal_id)) AS data
              FROM goal_compliance_restatements WHERE as_of = :asOf
              GROUP BY project_id, org_id
            )
            """ + INSERT_EVENTS;

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
        return write(FINALIZED, FINALIZED_EVENTS, asOf, jobExecutionId);
    }

    /**
     * Writes the {@code goal_compliance.restated} events of a restatement instant, in the caller's transaction;
     * returns how many events the instant has.
     */
    public long restated(Instant asOf, long jobExecutionId) {
        return write(RESTATED, RESTATED_EVENTS, asOf, jobExecutionId);
    }

    private long write(String type, String sql, Instant asOf, long jobExecutionId) {
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource("type", type)
                .addValue("asOf", Timestamps.utc(asOf))
                .addValue("asOfText", asOf.truncatedTo(ChronoUnit.SECONDS).toString())
                .addValue("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString())
                .addValue("now", Timestamps.utc(now))
                .addValue("jobExecutionId", jobExecutionId);
        jdbc.update(sql, params);
        Long events = jdbc.queryForObject(EVENTS_AT, params, Long.class);
        return events == null ? 0 : events;
    }
}

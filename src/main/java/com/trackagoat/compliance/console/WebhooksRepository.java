package com.trackagoat.compliance.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.source.Timestamps;

/**
 * The Webhooks page's reads. Endpoints are few (a handful per organization) and read whole, never their
 * secret. Recent events are read newest first, by {@code webhook_events_org_idx} (org_id, created_at) when an
 * organization is chosen; their deliveries by {@code webhook_deliveries_event_idx} (event_id, endpoint_id); an
 * event's attempts by their primary key (delivery_id, attempt).
 */
@Repository
class WebhooksRepository {

    private static final String ENDPOINTS = """
            SELECT e.id, e.org_id, o.name AS org_name, e.url, e.enabled, e.created_at, e.disabled_at
            FROM webhook_endpoints e LEFT JOIN organizations o ON o.id = e.org_id
            WHERE CAST(:org AS uuid) IS NULL OR e.org_id = :org
            ORDER BY o.name, e.org_id, e.created_at, e.id
            """;

    private static final String EVENT_COLUMNS = """
            SELECT ev.id, ev.type, ev.org_id, o.name AS org_name, ev.project_id, ev.as_of, ev.created_at,
                   ev.job_execution_id, jsonb_pretty(ev.payload) AS payload
            FROM webhook_events ev LEFT JOIN organizations o ON o.id = ev.org_id
            """;

    private static final String EVENTS = EVENT_COLUMNS + """
            WHERE (CAST(:org AS uuid) IS NULL OR ev.org_id = :org)
              AND (CAST(:type AS text) IS NULL OR ev.type = :type)
              AND (CAST(:state AS text) IS NULL OR EXISTS (
                   SELECT 1 FROM webhook_deliveries d WHERE d.event_id = ev.id AND d.state = :state))
            ORDER BY ev.created_at DESC, ev.id DESC
            LIMIT :rows
            """;

    private static final String EVENT = EVENT_COLUMNS + "WHERE ev.id = :id";

    private static final String DELIVERIES = """
            SELECT d.id, d.event_id, d.endpoint_id, e.url, d.state, d.attempts, d.next_attempt_at, d.last_status,
                   d.last_error, d.created_at, d.first_attempt_at, d.delivered_at
            FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
            WHERE d.event_id IN (:events)
            ORDER BY d.event_id, d.endpoint_id, d.id
            """;

    private static final String ATTEMPTS = """
            SELECT delivery_id, attempt, at, status_code, duration_ms, error
            FROM webhook_attempts WHERE delivery_id IN (:deliveries)
            ORDER BY delivery_id, attempt
            """;

    private final NamedParameterJdbcTemplate jdbc;

    WebhooksRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(Optional<UUID> org, Optional<String> type, Optional<String> state) {
    }

    record Endpoint(UUID id, UUID orgId, String orgName, String url, boolean enabled, Instant createdAt,
                    Instant disabledAt) {
    }

    record Event(String id, String type, UUID orgId, String orgName, UUID projectId, Instant asOf,
                 Instant createdAt, long jobExecutionId, String payload) {
    }

    record Delivery(long id, String eventId, UUID endpointId, String url, String state, int attempts,
                    Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                    Instant firstAttemptAt, Instant deliveredAt) {
    }

    record Attempt(long deliveryId, int attempt, Instant at, Integer statusCode, long durationMs, String error) {
    }

    List<Endpoint> endpoints(Optional<UUID> org) {
        return jdbc.query(ENDPOINTS, new MapSqlParameterSource("org", org.orElse(null)), (rs, n) -> new Endpoint(
                rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("org_name"),
                rs.getString("url"), rs.getBoolean("enabled"), Timestamps.instant(rs, "created_at"),
                nullable(rs, "disabled_at")));
    }

    /** Up to {@code rows} events, newest first. */
    List<Event> events(Filter f, int rows) {
        return jdbc.query(EVENTS, new MapSqlParameterSource("org", f.org().orElse(null))
                .addValue("type", f.type().orElse(null)).addValue("state", f.state().orElse(null))
                .addValue("rows", rows), (rs, n) -> event(rs));
    }

    Optional<Event> event(String id) {
        return jdbc.query(EVENT, new MapSqlParameterSource("id", id), (rs, n) -> event(rs)).stream().findFirst();
    }

    List<Delivery> deliveries(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(DELIVERIES, new MapSqlParameterSource("events", eventIds), (rs, n) -> new Delivery(
                rs.getLong("id"), rs.getString("event_id"), rs.getObject("endpoint_id", UUID.class),
                rs.getString("url"), rs.getString("state"), rs.getInt("attempts"),
                nullable(rs, "next_attempt_at"), rs.getObject("last_status", Integer.class),
                rs.getString("last_error"), Timestamps.instant(rs, "created_at"),
                nullable(rs, "first_attempt_at"), nullable(rs, "delivered_at")));
    }

    List<Attempt> attempts(List<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(ATTEMPTS, new MapSqlParameterSource("deliveries", deliveryIds), (rs, n) -> new Attempt(
                rs.getLong("delivery_id"), rs.getInt("attempt"), Timestamps.instant(rs, "at"),
                rs.getObject("status_code", Integer.class), rs.getLong("duration_ms"), rs.getString("error")));
    }

    private static Instant nullable(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Event event(ResultSet rs) throws SQLException {
        return new Event(rs.getString("id"), rs.getString("type"), rs.getObject("org_id", UUID.class),
                rs.getString("org_name"), rs.getObject("project_id", UUID.class), Timestamps.instant(rs, "as_of"),
                Timestamps.instant(rs, "created_at"), rs.getLong("job_execution_id"), rs.getString("payload"));
    }
}

package com.trackagoat.compliance.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.source.Timestamps;

/** The organizations' endpoints: created with a new secret (sealed at rest), listed, disabled; events replayed. */
class WebhookEndpoints {

    private static final String ORGANIZATION_EXISTS = "SELECT count(*) FROM organizations WHERE id = :org";

    private static final String INSERT = """
            INSERT INTO webhook_endpoints (id, org_id, url, secret_encrypted, secret_nonce, enabled, created_at)
            VALUES (:id, :org, :url, :secret, :nonce, true, :now)
            """;

    private static final String LIST = """
            SELECT id, org_id, url, enabled, created_at, disabled_at FROM webhook_endpoints ORDER BY created_at, id
            """;

    private static final String DISABLE = """
            UPDATE webhook_endpoints SET enabled = false, disabled_at = coalesce(disabled_at, :now) WHERE id = :id
            """;

    /** Pending deliveries of a disabled endpoint are never claimed (the claim joins enabled endpoints only). */
    private static final String EVENTS = """
            SELECT ev.id, ev.type, ev.project_id, ev.as_of, d.endpoint_id, d.state, d.attempts, d.last_status,
                   d.last_error
            FROM webhook_events ev LEFT JOIN webhook_deliveries d ON d.event_id = ev.id
            WHERE CAST(:org AS uuid) IS NULL OR ev.org_id = :org
            ORDER BY ev.created_at, ev.id, d.id
            """;

    private static final String REPLAY = """
            INSERT INTO webhook_deliveries (event_id, endpoint_id, state, next_attempt_at, created_at)
            SELECT ev.id, e.id, 'pending', :now, :now
            FROM webhook_events ev JOIN webhook_endpoints e ON e.org_id = ev.org_id AND e.enabled
            WHERE ev.id = :event
            """;

    private static final String EVENT_EXISTS = "SELECT count(*) FROM webhook_events WHERE id = :event";

    record Endpoint(UUID id, UUID orgId, String url, boolean enabled, Instant createdAt,
                    Optional<Instant> disabledAt) {
    }

    record NewEndpoint(UUID id, UUID orgId, String url, String secret) {
    }

    record EventDelivery(String eventId, String type, UUID projectId, Instant asOf, Optional<UUID> endpointId,
                         String state, int attempts, Integer lastStatus, String lastError) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    WebhookEndpoints(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    NewEndpoint create(SecretBox box, UUID org, String url) {
        String checked = checkUrl(url);
        if (jdbc.queryForObject(ORGANIZATION_EXISTS, new MapSqlParameterSource("org", org), Long.class) == 0) {
            throw new WebhookRequestException("organization " + org + " does not exist");
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        SecretBox.Sealed sealed = box.seal(id, secret);
        jdbc.update(INSERT, new MapSqlParameterSource("id", id).addValue("org", org).addValue("url", checked)
                .addValue("secret", sealed.ciphertext()).addValue("nonce", sealed.nonce())
                .addValue("now", Timestamps.utc(clock.instant())));
        return new NewEndpoint(id, org, checked, secret);
    }

    /** An absolute http or https URL with a host; anything else is refused at creation. */
    static String checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookRequestException("--url is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebhookRequestException("--url must be http:// or https://, not " + url);
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new WebhookRequestException("--url needs a host, and neither user info nor a fragment: " + url);
        }
        return uri.toString();
    }

    List<Endpoint> list() {
        return jdbc.query(LIST, (rs, n) -> new Endpoint(rs.getObject("id", UUID.class),
                rs.getObject("org_id", UUID.class), rs.getString("url"), rs.getBoolean("enabled"),
                Timestamps.instant(rs, "created_at"),
                rs.getObject("disabled_at") == null ? Optional.empty()
                        : Optional.of(Timestamps.instant(rs, "disabled_at"))));
    }

    void disable(UUID id) {
        if (jdbc.update(DISABLE, new MapSqlParameterSource("id", id)
                .addValue("now", Timestamps.utc(clock.instant()))) == 0) {
            throw new WebhookRequestException("webhook endpoint " + id + " does not exist");
        }
    }

    List<EventDelivery> events(Optional<UUID> org) {
        return jdbc.query(EVENTS, new MapSqlParameterSource("org", org.orElse(null)), (rs, n) -> new EventDelivery(
                rs.getString("id"), rs.getString("type"), rs.getObject("project_id", UUID.class),
                Timestamps.instant(rs, "as_of"), Optional.ofNullable(rs.getObject("endpoint_id", UUID.class)),
                rs.getString("state"), rs.getInt("attempts"), (Integer) rs.getObject("last_status"),
                rs.getString("last_error")));
    }

    /** A new pending delivery of the event to every enabled endpoint of its organization; how many. */
    int replay(String eventId) {
        MapSqlParameterSource params = new MapSqlParameterSource("event", eventId)
                .addValue("now", Timestamps.utc(clock.instant()));
        if (jdbc.queryForObject(EVENT_EXISTS, params, Long.class) == 0) {
            throw new WebhookRequestException("webhook event " + eventId + " does not exist");
        }
        return jdbc.update(REPLAY, params);
    }
}

package com.trackagoat.compliance.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.trackagoat.compliance.source.Timestamps;

/**
 * The deliveries' state in the database. A claim takes due deliveries {@code FOR UPDATE SKIP LOCKED} and, in the
 * same short transaction, pushes their next attempt past a lease; so a replica never posts a delivery another
 * one holds, and one that dies mid-delivery leaves it to be tried again once the lease has passed.
 */
class WebhookDeliveries {

    private static final String CLAIM = """
            SELECT d.id, d.event_id, d.attempts, d.first_attempt_at, d.created_at, e.id AS endpoint_id, e.url,
                   e.secret_encrypted, e.secret_nonce, ev.payload::text AS body
            FROM webhook_deliveries d
            JOIN webhook_endpoints e ON e.id = d.endpoint_id
            JOIN webhook_events ev ON ev.id = d.event_id
            WHERE d.state = 'pending' AND d.next_attempt_at <= :now AND e.enabled
            ORDER BY d.next_attempt_at, d.id
            LIMIT :limit
            FOR UPDATE OF d SKIP LOCKED
            """;

    private static final String LEASE = """
            UPDATE webhook_deliveries SET next_attempt_at = :lease,
                   first_attempt_at = coalesce(first_attempt_at, :now)
            WHERE id = :id
            """;

    private static final String ATTEMPT = """
            INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, error)
            VALUES (:id, :attempt, :at, :status, :duration, :error)
            """;

    /** Only while the claim still holds: the attempt count has not moved since (no other replica took it over). */
    private static final String OUTCOME = """
            UPDATE webhook_deliveries SET attempts = :attempt, state = :state, next_attempt_at = :next,
                   last_status = :status, last_error = :error, delivered_at = :deliveredAt
            WHERE id = :id AND attempts = :attempt - 1 AND state = 'pending'
            """;

    /** A delivery claimed for one attempt. */
    record Claimed(long id, String eventId, int attempts, Instant firstAttemptAt, UUID endpointId, String url,
                   SecretBox.Sealed secret, String body) {
    }

    /** What one attempt found: a status code (null when none came) and an error (null on 2xx). */
    record Outcome(Integer status, String error, Duration duration) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration giveUpAfter;
    private final Duration lease;

    WebhookDeliveries(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
                      Duration firstRetry, Duration giveUpAfter, Duration lease) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.giveUpAfter = giveUpAfter;
        this.lease = lease;
    }

    /** Up to {@code limit} due deliveries, leased to this process (committed before any is posted). */
    List<Claimed> claim(int limit) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamps.utc(now))
                    .addValue("limit", limit).addValue("lease", Timestamps.utc(now.plus(lease)));
            List<Claimed> claimed = jdbc.query(CLAIM, params, (rs, n) -> new Claimed(rs.getLong("id"),
                    rs.getString("event_id"), rs.getInt("attempts"),
                    rs.getObject("first_attempt_at") == null ? now : Timestamps.instant(rs, "first_attempt_at"),
                    rs.getObject("endpoint_id", UUID.class), rs.getString("url"),
                    new SecretBox.Sealed(rs.getBytes("secret_encrypted"), rs.getBytes("secret_nonce")),
                    rs.getString("body")));
            for (Claimed c : claimed) {
                jdbc.update(LEASE, new MapSqlParameterSource(params.getValues()).addValue("id", c.id()));
            }
            return claimed;
        });
    }

    /**
     * Records an attempt and its outcome: delivered on a 2xx, else the next attempt after the backoff, or failed
     * once the give-up time has passed. Nothing when another process has taken the delivery over meanwhile.
     */
    void record(Claimed claimed, Instant at, Outcome outcome) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            int attempt = claimed.attempts() + 1;
            Instant next = now.plus(backoff(attempt));
            String state = outcome.delivered() ? "delivered"
                    : next.isAfter(claimed.firstAttemptAt().plus(giveUpAfter)) ? "failed" : "pending";
            MapSqlParameterSource params = new MapSqlParameterSource("id", claimed.id())
                    .addValue("attempt", attempt).addValue("at", Timestamps.utc(at))
                    .addValue("status", outcome.status()).addValue("duration", outcome.duration().toMillis())
                    .addValue("error", outcome.error()).addValue("state", state)
                    .addValue("next", state.equals("pending") ? Timestamps.utc(next) : null)
                    .addValue("deliveredAt", outcome.delivered() ? Timestamps.utc(now) : null);
            if (jdbc.update(OUTCOME, params) == 1) {
                jdbc.update(ATTEMPT, params);
            }
        });
    }

    /** The wait after the n-th failed attempt: first-retry doubled each time, with up to 25 % jitter. */
    Duration backoff(int attempt) {
        long base = firstRetry.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, Math.max(giveUpAfter.toMillis(), firstRetry.toMillis()));
        return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(capped / 4 + 1));
    }
}

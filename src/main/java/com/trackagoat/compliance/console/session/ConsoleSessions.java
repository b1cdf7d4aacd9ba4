package com.trackagoat.compliance.console.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.source.Timestamps;
import com.trackagoat.compliance.system.GoalComplianceProperties;

/**
 * Console sessions in the database ({@code console_sessions}), so that any replica of serve knows them and a
 * restart keeps them. The token is random and only its hash is stored. A session is valid while it has not
 * expired and its key is still an admin key that is neither revoked nor expired, checked on every request.
 */
@Repository
public class ConsoleSessions {

    private static final String INSERT = """
            INSERT INTO console_sessions (token_hash, key_id, created_at, expires_at)
            VALUES (:hash, :keyId, :now, :expires)
            """;

    private static final String VALID = """
            SELECT k.id, k.name, s.expires_at FROM console_sessions s JOIN api_keys k ON k.id = s.key_id
            WHERE s.token_hash = :hash AND s.expires_at > :now
              AND k.is_admin AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > :now)
            """;

    private static final String DELETE = "DELETE FROM console_sessions WHERE token_hash = :hash";

    private static final String DELETE_EXPIRED = "DELETE FROM console_sessions WHERE expires_at <= :now";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Duration timeout;

    ConsoleSessions(NamedParameterJdbcTemplate jdbc, Clock clock, GoalComplianceProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = properties.getConsole().getSessionTimeout();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("goal-compliance.console.session-timeout must be positive, not "
                    + timeout);
        }
    }

    /** A new session's secret token (the cookie's value) and when it expires. */
    public record Started(String token, Instant expiresAt) {
    }

    /** Starts a session for an admin key; also forgets the sessions that have expired. */
    public Started start(ApiCaller admin) {
        if (!admin.admin()) {
            throw new IllegalArgumentException("only an admin key signs in to the console");
        }
        Instant now = clock.instant();
        jdbc.update(DELETE_EXPIRED, new MapSqlParameterSource("now", Timestamps.utc(now)));
        String token = Tokens.random();
        Instant expires = now.plus(timeout);
        jdbc.update(INSERT, new MapSqlParameterSource("hash", Tokens.sha256(token)).addValue("keyId", admin.keyId())
                .addValue("now", Timestamps.utc(now)).addValue("expires", Timestamps.utc(expires)));
        return new Started(token, expires);
    }

    /** The session a cookie's token stands for; empty when unknown, expired, or its key no longer valid. */
    public Optional<ConsoleSession> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        List<ConsoleSession> rows = jdbc.query(VALID, new MapSqlParameterSource("hash", Tokens.sha256(token))
                .addValue("now", Timestamps.utc(clock.instant())), (rs, n) -> new ConsoleSession(
                        rs.getObject("id", UUID.class), rs.getString("name"), Timestamps.instant(rs, "expires_at"),
                        Tokens.csrfOf(token)));
        return rows.stream().findFirst();
    }

    /** Ends a session (sign-out); nothing happens for an unknown token. */
    public void end(String token) {
        if (token != null && !token.isEmpty()) {
            jdbc.update(DELETE, new MapSqlParameterSource("hash", Tokens.sha256(token)));
        }
    }

    public Duration timeout() {
        return timeout;
    }
}

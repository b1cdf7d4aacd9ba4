package com.trackagoat.compliance.api.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.source.Timestamps;

/**
 * The API's keys: {@code tga_} followed by 43 random base64url characters (256 bits). Only a SHA-256
 * hash is stored; a fast hash is enough because the key is random, not a password. The key's first
 * {@value #PREFIX_LENGTH} characters are stored in clear to find the row, and the hash is compared in
 * constant time, so neither the lookup nor the comparison tells an attacker how much of a guess was right.
 *
 * <p>A key belongs to one organization, or is an admin key (no organization). It may expire. Its last use is
 * written when it authenticates, but at most once per {@link #LAST_USED_EVERY}, so that reads do not turn
 * every request into a write.
 */
@Component
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    public static final String SCHEME_PREFIX = "tga_";
    /** How stale the stored last use may get before an authentication writes it again. */
    static final Duration LAST_USED_EVERY = Duration.ofMinutes(1);
    private static final int RANDOM_BYTES = 32;
    private static final int KEY_LENGTH = SCHEME_PREFIX.length() + 43;
    private static final int PREFIX_LENGTH = SCHEME_PREFIX.length() + 8;

    private static final String INSERT = """
            INSERT INTO api_keys (id, org_id, is_admin, name, prefix, key_hash, created_at, expires_at)
            VALUES (:id, :org, :admin, :name, :prefix, :hash, :now, :expires)
            """;

    private static final String ACTIVE_BY_PREFIX = """
            SELECT id, org_id, is_admin, name, key_hash, expires_at, last_used_at
            FROM api_keys WHERE prefix = :prefix AND revoked_at IS NULL
            """;

    private static final String TOUCH = """
            UPDATE api_keys SET last_used_at = :now
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale)
            """;

    private static final String REVOKE = """
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, :now) WHERE id = :id
            """;

    private static final String LIST = """
            SELECT id, org_id, is_admin, name, prefix, created_at, last_used_at, expires_at, revoked_at
            FROM api_keys ORDER BY created_at, id
            """;

    private static final String ORGANIZATION_EXISTS = """
            SELECT count(*) FROM organizations WHERE id = :org
            """;

    /** Compared against when no key has the presented prefix, so that a miss costs what a hit costs. */
    private static final byte[] NO_KEY = new byte[32];

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A key just created: the only moment the key itself exists outside the caller's hands. */
    public record NewKey(UUID id, UUID orgId, String name, String key, Optional<Instant> expiresAt) {

        public boolean admin() {
            return orgId == null;
        }
    }

    /** A stored key as {@code api-key list} shows it: never the key or its hash. */
    public record KeyInfo(UUID id, UUID orgId, boolean admin, String name, String prefix, Instant createdAt,
                          Optional<Instant> lastUsedAt, Optional<Instant> expiresAt, Optional<Instant> revokedAt) {
    }

    /** What a presented key is. */
    public sealed interface Check {

        /** A key that is not revoked and has not expired: who is calling. */
        record Valid(ApiCaller caller) implements Check {
        }

        /** A key that was valid until {@code at}. */
        record Expired(Instant at) implements Check {
        }

        /** Malformed, unknown or revoked. */
        record Invalid() implements Check {
        }
    }

    /**
     * Creates a key for an existing organization; empty when there is no such organization.
     *
     * @param expiresIn how long it is valid from now; empty: until revoked
     */
    public Optional<NewKey> create(UUID org, String name, Optional<Duration> expiresIn) {
        Long organizations = jdbc.queryForObject(ORGANIZATION_EXISTS, new MapSqlParameterSource("org", org), Long.class);
        if (organizations == null || organizations == 0) {
            return Optional.empty();
        }
        return Optional.of(insert(org, name, expiresIn));
    }

    /** Creates an admin key: every organization's projects, and the admin API. */
    public NewKey createAdmin(String name, Optional<Duration> expiresIn) {
        return insert(null, name, expiresIn);
    }

    private NewKey insert(UUID org, String name, Optional<Duration> expiresIn) {
        Instant now = clock.instant();
        Optional<Instant> expires = expiresIn.map(now::plus);
        while (true) {
            String key = newKey();
            UUID id = UUID.randomUUID();
            try {
                jdbc.update(INSERT, new MapSqlParameterSource("id", id).addValue("org", org)
                        .addValue("admin", org == null).addValue("name", name)
                        .addValue("prefix", key.substring(0, PREFIX_LENGTH)).addValue("hash", sha256(key))
                        .addValue("now", Timestamps.utc(now))
                        .addValue("expires", expires.map(Timestamps::utc).orElse(null)));
                return new NewKey(id, org, name, key, expires);
            } catch (DuplicateKeyException e) {
                // Two keys sharing their first 48 random bits: draw another.
            }
        }
    }

    /** Revokes a key (at once, for every later request); false when there is no such key. */
    public boolean revoke(UUID id) {
        return jdbc.update(REVOKE, new MapSqlParameterSource("id", id).addValue("now", Timestamps.utc(clock.instant())))
                > 0;
    }

    /** Every key, oldest first. */
    public List<KeyInfo> list() {
        return jdbc.query(LIST, (rs, n) -> new KeyInfo(rs.getObject("id", UUID.class),
                rs.getObject("org_id", UUID.class), rs.getBoolean("is_admin"), rs.getString("name"),
                rs.getString("prefix"), Timestamps.instant(rs, "created_at"), optionalInstant(rs, "last_used_at"),
                optionalInstant(rs, "expires_at"), optionalInstant(rs, "revoked_at")));
    }

    /** What a presented key stands for; a valid key's last use is recorded (at most once a minute). */
    public Check authenticate(String presented) {
        if (presented == null || presented.length() != KEY_LENGTH || !presented.startsWith(SCHEME_PREFIX)) {
            return new Check.Invalid();
        }
        byte[] hash = sha256(presented);
        List<StoredKey> rows = jdbc.query(ACTIVE_BY_PREFIX,
                new MapSqlParameterSource("prefix", presented.substring(0, PREFIX_LENGTH)), (rs, n) -> new StoredKey(
                        rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), rs.getBoolean("is_admin"),
                        rs.getString("name"), rs.getBytes("key_hash"), optionalInstant(rs, "expires_at"),
                        optionalInstant(rs, "last_used_at")));
        if (rows.isEmpty()) {
            MessageDigest.isEqual(hash, NO_KEY);
            return new Check.Invalid();
        }
        StoredKey row = rows.get(0);
        if (!MessageDigest.isEqual(hash, row.hash())) {
            return new Check.Invalid();
        }
        Instant now = clock.instant();
        if (row.expiresAt().filter(expires -> !now.isBefore(expires)).isPresent()) {
            return new Check.Expired(row.expiresAt().get());
        }
        touch(row, now);
        return new Check.Valid(row.admin() ? ApiCaller.ofAdmin(row.id(), row.name())
                : ApiCaller.ofOrganization(row.orgId(), row.id(), row.name()));
    }

    /** Records the key's use unless the stored one is recent; a failure to write it does not refuse the request. */
    private void touch(StoredKey row, Instant now) {
        Instant stale = now.minus(LAST_USED_EVERY);
        if (row.lastUsedAt().filter(last -> !last.isBefore(stale)).isPresent()) {
            return;
        }
        try {
            jdbc.update(TOUCH, new MapSqlParameterSource("id", row.id()).addValue("now", Timestamps.utc(now))
                    .addValue("stale", Timestamps.utc(stale)));
        } catch (DataAccessException e) {
            log.warn("could not record the last use of API key {}: {}", row.id(), e.getMessage());
        }
    }

    private record StoredKey(UUID id, UUID orgId, boolean admin, String name, byte[] hash,
                             Optional<Instant> expiresAt, Optional<Instant> lastUsedAt) {
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private String newKey() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package com.trackagoat.compliance.api.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.source.Timestamps;

/**
 * The read API's keys: {@code tga_} followed by 43 random base64url characters (256 bits). Only a SHA-256
 * hash is stored; a fast hash is enough because the key is random, not a password. The key's first
 * {@value #PREFIX_LENGTH} characters are stored in clear to find the row, and the hash is compared in
 * constant time, so neither the lookup nor the comparison tells an attacker how much of a guess was right.
 */
@Component
public class ApiKeys {

    public static final String SCHEME_PREFIX = "tga_";
    private static final int RANDOM_BYTES = 32;
    private static final int KEY_LENGTH = SCHEME_PREFIX.length() + 43;
    private static final int PREFIX_LENGTH = SCHEME_PREFIX.length() + 8;

    private static final String INSERT = """
            INSERT INTO api_keys (id, org_id, name, prefix, key_hash, created_at)
            VALUES (:id, :org, :name, :prefix, :hash, :now)
            """;

    private static final String ACTIVE_BY_PREFIX = """
            SELECT id, org_id, key_hash FROM api_keys WHERE prefix = :prefix AND revoked_at IS NULL
            """;

    private static final String REVOKE = """
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, :now) WHERE id = :id
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
    public record NewKey(UUID id, UUID orgId, String name, String key) {
    }

    /** Creates a key for an existing organization; empty when there is no such organization. */
    public Optional<NewKey> create(UUID org, String name) {
        Long organizations = jdbc.queryForObject(ORGANIZATION_EXISTS, new MapSqlParameterSource("org", org), Long.class);
        if (organizations == null || organizations == 0) {
            return Optional.empty();
        }
        while (true) {
            String key = newKey();
            UUID id = UUID.randomUUID();
            try {
                jdbc.update(INSERT, new MapSqlParameterSource("id", id).addValue("org", org).addValue("name", name)
                        .addValue("prefix", key.substring(0, PREFIX_LENGTH)).addValue("hash", sha256(key))
                        .addValue("now", now()));
                return Optional.of(new NewKey(id, org, name, key));
            } catch (DuplicateKeyException e) {
                // Two keys sharing their first 48 random bits: draw another.
            }
        }
    }

    /** Revokes a key (at once, for every later request); false when there is no such key. */
    public boolean revoke(UUID id) {
        return jdbc.update(REVOKE, new MapSqlParameterSource("id", id).addValue("now", now())) > 0;
    }

    /** The caller a presented key stands for; empty for a malformed, unknown or revoked key. */
    public Optional<ApiCaller> authenticate(String presented) {
        if (presented == null || presented.length() != KEY_LENGTH || !presented.startsWith(SCHEME_PREFIX)) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented);
        List<StoredKey> rows = jdbc.query(ACTIVE_BY_PREFIX,
                new MapSqlParameterSource("prefix", presented.substring(0, PREFIX_LENGTH)),
                (rs, n) -> new StoredKey(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                        rs.getBytes("key_hash")));
        if (rows.isEmpty()) {
            MessageDigest.isEqual(hash, NO_KEY);
            return Optional.empty();
        }
        StoredKey row = rows.get(0);
        return MessageDigest.isEqual(hash, row.hash())
                ? Optional.of(new ApiCaller(row.orgId(), row.id())) : Optional.empty();
    }

    private record StoredKey(UUID id, UUID orgId, byte[] hash) {
    }

    private String newKey() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private OffsetDateTime now() {
        return Timestamps.utc(clock.instant());
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package com.trackagoat.compliance.api.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.source.Timestamps;

/**
 * The record of every admin action ({@code admin_actions}): written when the request is answered, and once more
 * when a background run it started ends. Times come from the application's clock.
 */
@Repository
class AdminActions {

    private static final String INSERT = """
            INSERT INTO admin_actions (key_id, key_name, action, phase, as_of, range_from, range_to, outcome, detail,
                                       acted_at, finished_at)
            VALUES (:keyId, :keyName, :action, :phase, :asOf, :from, :to, :outcome, :detail, :now,
                    CASE WHEN :finished THEN CAST(:now AS timestamptz) END)
            RETURNING id
            """;

    private static final String FINISH = """
            UPDATE admin_actions SET outcome = :outcome, detail = :detail, finished_at = :now WHERE id = :id
            """;

    private static final String NEWEST = """
            SELECT id, key_id, key_name, action, phase, as_of, range_from, range_to, outcome, detail, acted_at,
                   finished_at
            FROM admin_actions ORDER BY acted_at DESC, id DESC LIMIT :rows
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    AdminActions(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action answered at once: refused, or a dry run. */
    long recordFinished(ApiCaller caller, AdminAction.Kind kind, AdminAction.Target target, AdminAction.Outcome outcome) {
        return insert(caller, kind, target, outcome, true);
    }

    /** Records an action accepted for a background run, which {@link #finish} completes. */
    long recordAccepted(ApiCaller caller, AdminAction.Kind kind, AdminAction.Target target, String detail) {
        return insert(caller, kind, target, new AdminAction.Outcome(AdminAction.Outcome.ACCEPTED, detail), false);
    }

    void finish(long id, AdminAction.Outcome outcome) {
        jdbc.update(FINISH, new MapSqlParameterSource("id", id).addValue("outcome", outcome.code())
                .addValue("detail", outcome.detail()).addValue("now", Timestamps.utc(clock.instant())));
    }

    /** Newest first. */
    List<AdminAction> newest(int rows) {
        return jdbc.query(NEWEST, new MapSqlParameterSource("rows", rows), (rs, n) -> row(rs));
    }

    private long insert(ApiCaller caller, AdminAction.Kind kind, AdminAction.Target target,
                        AdminAction.Outcome outcome, boolean finished) {
        MapSqlParameterSource params = new MapSqlParameterSource("keyId", caller.keyId())
                .addValue("keyName", caller.keyName()).addValue("action", kind.code())
                .addValue("phase", target.instance().map(i -> i.phase().code()).orElse(null), Types.VARCHAR)
                .addValue("asOf", target.instance().map(i -> Timestamps.utc(i.asOf())).orElse(null),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("from", target.from().map(Timestamps::utc).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("to", target.to().map(Timestamps::utc).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("outcome", outcome.code()).addValue("detail", outcome.detail(), Types.VARCHAR)
                .addValue("now", Timestamps.utc(clock.instant())).addValue("finished", finished);
        return jdbc.queryForObject(INSERT, params, Long.class);
    }

    private static AdminAction row(ResultSet rs) throws SQLException {
        String phase = rs.getString("phase");
        Optional<SnapshotJobParameters> instance = optional(rs, "as_of")
                .map(asOf -> new SnapshotJobParameters(Phase.parse(phase).orElseThrow(), asOf));
        return new AdminAction(rs.getLong("id"), rs.getObject("key_id", UUID.class), rs.getString("key_name"),
                AdminAction.Kind.of(rs.getString("action")),
                new AdminAction.Target(instance, optional(rs, "range_from"), optional(rs, "range_to")),
                rs.getString("outcome"), rs.getString("detail"), Timestamps.instant(rs, "acted_at"),
                optional(rs, "finished_at"));
    }

    private static Optional<Instant> optional(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}

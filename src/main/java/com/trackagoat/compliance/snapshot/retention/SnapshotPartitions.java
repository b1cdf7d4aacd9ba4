package com.trackagoat.compliance.snapshot.retention;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The partition statements of the maintenance, on the one connection that holds its lock. DETACH ... CONCURRENTLY
 * cannot run in a transaction block, so the connection is in autocommit: each statement commits on its own.
 * Table names are never bind parameters in DDL: they come from the catalog and match {@link NightlyPartition#NAME}
 * before they are quoted into a statement.
 */
final class SnapshotPartitions {

    /** V13's function: creates the month table that holds (phase, as_of) if missing, returns its name. */
    private static final String CREATE = "SELECT goal_compliance_snapshot_partition(:phase, :asOf)";

    /**
     * Every table named as a month of nightly rows in the schema of goal_compliance_nightly_rows: its partitions
     * (inhdetachpending: a DETACH ... CONCURRENTLY was interrupted between its two transactions) and tables a
     * detach left behind without their DROP (no longer partitions, inheriting from nothing).
     */
    private static final String NIGHTLY = """
            SELECT c.relname AS name, c.relispartition AS attached,
                   coalesce(i.inhdetachpending, false) AS detach_pending, c.reltuples::bigint AS estimated_rows
            FROM pg_class c
            LEFT JOIN pg_inherits i ON i.inhrelid = c.oid
            WHERE c.relkind = 'r'
              AND c.relnamespace = (SELECT relnamespace FROM pg_class
                                    WHERE oid = CAST('goal_compliance_nightly_rows' AS regclass))
              AND c.relname ~ '^goal_compliance_nightly_rows_y[0-9]{4}m[0-9]{2}$'
              AND (i.inhparent IS NULL OR i.inhparent = CAST('goal_compliance_nightly_rows' AS regclass))
            ORDER BY c.relname
            """;

    private static final String DETACH = "ALTER TABLE goal_compliance_nightly_rows DETACH PARTITION %s CONCURRENTLY";
    private static final String FINALIZE = "ALTER TABLE goal_compliance_nightly_rows DETACH PARTITION %s FINALIZE";
    private static final String DROP = "DROP TABLE IF EXISTS %s";
    private static final String COUNT = "SELECT count(*) FROM %s";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SnapshotPartitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The month partition of (phase, as_of), created if missing; its name. The instant is bound as UTC. */
    String create(String phase, Instant asOf) {
        return named.queryForObject(CREATE, Map.of("phase", phase, "asOf", asOf.atOffset(ZoneOffset.UTC)), String.class);
    }

    List<NightlyPartition> nightly() {
        return jdbc.query(NIGHTLY, (rs, n) -> NightlyPartition.of(rs.getString("name"), state(
                        rs.getBoolean("attached"), rs.getBoolean("detach_pending")), rs.getLong("estimated_rows")))
                .stream().flatMap(Optional::stream).toList();
    }

    /**
     * The partition's rows for the log: ANALYZE's figure where it has one (a month of a large table is analyzed
     * long before it is dropped, and counting it would read it all), else counted (a table too small to be analyzed).
     */
    String rows(NightlyPartition partition) {
        if (partition.estimatedRows() >= 0) {
            return "about " + partition.estimatedRows() + " rows";
        }
        return jdbc.queryForObject(COUNT.formatted(quoted(partition.name())), Long.class) + " rows";
    }

    /** Detaches the partition if it is still one (finishing an interrupted detach), then drops it. */
    void drop(NightlyPartition partition) {
        String table = quoted(partition.name());
        switch (partition.state()) {
            case ATTACHED -> jdbc.execute(DETACH.formatted(table));
            case DETACH_PENDING -> jdbc.execute(FINALIZE.formatted(table));
            case DETACHED -> { }
        }
        jdbc.execute(DROP.formatted(table));
    }

    private static NightlyPartition.State state(boolean attached, boolean detachPending) {
        if (detachPending) {
            return NightlyPartition.State.DETACH_PENDING;
        }
        return attached ? NightlyPartition.State.ATTACHED : NightlyPartition.State.DETACHED;
    }

    private static String quoted(String name) {
        if (!NightlyPartition.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a nightly partition: " + name);
        }
        return '"' + name + '"';
    }
}

package com.trackagoat.compliance.snapshot.retention;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One round of partition upkeep: makes the month partitions of this month and the next for nightly and settled
 * rows, so that no job waits on a CREATE at a month's first midnight, and, when {@code retention.nightly} is set,
 * drops each month of nightly rows whose whole month ended at least that long ago. It never touches settled
 * partitions (close and final rows), restatements or rejects.
 *
 * <p>Replicas may run it at the same moment: a round holds a session advisory lock of its own for its duration
 * and is skipped where another holds it. The lock dies with its connection, so a replica killed mid-round
 * blocks nobody; a detach it left half done is finalized by the next round.
 */
public class PartitionMaintenance {

    static final String DROPPED = "goal_compliance.retention.partitions.dropped";
    /** The advisory lock key of a round, in the 64-bit key space of the job instances' locks. */
    static final long LOCK = UUID.nameUUIDFromBytes("goal-compliance:partition-maintenance"
            .getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    /** Phases whose partitions are made ahead: 'close' stands for the settled table, which 'final' shares. */
    private static final List<String> PHASES = List.of("nightly", "close");

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Optional<Duration> retention;
    private final Counter dropped;

    PartitionMaintenance(DataSource dataSource, Clock clock, Optional<Duration> retention, MeterRegistry registry) {
        if (retention.isPresent() && (retention.get().isNegative() || retention.get().isZero())) {
            throw new IllegalArgumentException("goal-compliance.retention.nightly must be positive, not "
                    + retention.get() + " (leave it unset to keep nightly rows for good)");
        }
        this.dataSource = dataSource;
        this.clock = clock;
        this.retention = retention;
        this.dropped = Counter.builder(DROPPED)
                .description("Monthly partitions of nightly snapshot rows dropped by the retention")
                .register(registry);
    }

    /** What a round did. */
    record Round(boolean skipped, List<String> ensured, List<NightlyPartition> dropped) {
    }

    Optional<Duration> retention() {
        return retention;
    }

    /** Runs one round now; skipped (nothing done) while another replica runs one. */
    Round run() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_lock(?)", Boolean.class, LOCK))) {
                log.info("partitions: another replica is maintaining them; skipped");
                return new Round(true, List.of(), List.of());
            }
            try {
                return round(new SnapshotPartitions(jdbc), now);
            } finally {
                unlock(jdbc);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("partitions: no connection: " + e.getMessage(), e);
        }
    }

    /** A connection that failed mid-round took the lock with it; its error is the round's, not this one. */
    private static void unlock(JdbcTemplate jdbc) {
        try {
            jdbc.queryForObject("SELECT pg_advisory_unlock(?)", Boolean.class, LOCK);
        } catch (RuntimeException e) {
            log.debug("partitions: lock connection gone, and its lock with it: {}", e.getMessage());
        }
    }

    private Round round(SnapshotPartitions partitions, Instant now) {
        List<String> ensured = new ArrayList<>();
        Instant nextMonth = now.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        for (Instant at : List.of(now, nextMonth)) {
            for (String phase : PHASES) {
                ensured.add(partitions.create(phase, at));
            }
        }
        if (retention.isEmpty()) {
            return new Round(false, ensured, List.of());
        }
        Instant cutoff = now.minus(retention.get());
        List<NightlyPartition> old = partitions.nightly().stream().filter(p -> !p.end().isAfter(cutoff)).toList();
        for (NightlyPartition partition : old) {
            String rows = partitions.rows(partition);
            partitions.drop(partition);
            dropped.increment();
            log.info("retention: dropped {} (nightly rows of {}, {})", partition.name(), partition.month(), rows);
        }
        summarize(old, cutoff);
        return new Round(false, ensured, old);
    }

    private void summarize(List<NightlyPartition> old, Instant cutoff) {
        YearMonth keptFrom = YearMonth.from(cutoff.atZone(ZoneOffset.UTC)); // the month the cutoff falls in
        if (old.isEmpty()) {
            log.debug("retention: no nightly month older than {} (kept from {})", spoken(retention.get()), keptFrom);
            return;
        }
        YearMonth first = old.get(0).month();
        YearMonth last = old.get(old.size() - 1).month();
        log.info("retention: dropped {} month(s) of nightly rows ({}), whole months ended by {} ({} ago); "
                        + "nightly rows from {} on are kept, close, final and restatement rows always",
                old.size(), first.equals(last) ? first : first + " to " + last, cutoff, spoken(retention.get()),
                keptFrom);
    }

    /** 400d rather than PT9600H: the duration as the setting is usually written. */
    static String spoken(Duration duration) {
        if (duration.toSeconds() % 86_400 == 0 && duration.getNano() == 0) {
            return duration.toDays() + "d";
        }
        if (duration.toSeconds() % 3_600 == 0 && duration.getNano() == 0) {
            return duration.toHours() + "h";
        }
        return duration.toString();
    }
}

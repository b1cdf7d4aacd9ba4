package com.trackagoat.compliance.snapshot.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.SourceData;
import com.trackagoat.compliance.support.TableAssert;
import com.trackagoat.compliance.support.TableRows;
import com.trackagoat.compliance.support.TestDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Retention on partitions made old on purpose: real nightly, close, final and restatement jobs (and rejects) of a
 * UTC organization in December 2025 to May 2026, then rounds of the maintenance at 2026-06-09 with a retention of
 * 100 days, whose cutoff is exactly 2026-03-01: February's nightly month ends there and goes, March's stays.
 * Each test works on a copy of that database.
 */
class NightlyRetentionIT {

    private static final Instant NOW = Instant.parse("2026-06-09T00:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(100);
    private static final List<String> NIGHTLIES = List.of("2025-12-15T00:00:00Z", "2026-01-15T00:00:00Z",
            "2026-02-28T00:00:00Z", "2026-03-02T00:00:00Z", "2026-05-15T00:00:00Z");
    private static final List<String> CLOSES = List.of("2025-12-15T00:00:00Z", "2026-01-15T00:00:00Z",
            "2026-03-01T00:00:00Z", "2026-05-15T00:00:00Z");
    private static final String FINAL = "2026-01-17T00:00:00Z";
    private static final String RESTATEMENT = "2026-01-24T00:00:00Z";
    private static final List<String> OLD = List.of("goal_compliance_nightly_rows_y2025m12",
            "goal_compliance_nightly_rows_y2026m01", "goal_compliance_nightly_rows_y2026m02");

    private static TestDatabase template;
    private TestDatabase database;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void runJobsOverSixMonths() {
        template = TestDatabase.migrated(NightlyRetentionIT.class);
        SourceData.Project project = SourceData.in(template).organization("UTC").project();
        SourceData.Creator creator = project.creator()
                // posted on 01-14, found after the 01-17 final: the 01-24 restatement books it
                .video(v -> v.postedAt("2026-01-14T12:00:00Z").discoveredAt("2026-01-20T00:00:00Z"));
        creator.goal(g -> g.period("monthly").target(3).startDate("2025-11-01").createdAt("2025-11-01T00:00:00Z"));
        creator.goal(g -> g.period("daily").startDate("2025-11-01").createdAt("2025-11-01T00:00:00Z"));
        // unknown_metric: rejected at every close and every nightly
        creator.goal(g -> g.metric("saves").period("daily").createdAt("2025-11-01T00:00:00Z"));
        creator.goal(g -> g.metric("saves").period("monthly").createdAt("2025-11-01T00:00:00Z"));
        NIGHTLIES.forEach(at -> run("nightly", at));
        CLOSES.forEach(at -> run("close", at));
        run("final", FINAL);
        run("restatement", RESTATEMENT);
        assertThat(template.jdbc().queryForObject("SELECT count(*) FROM goal_compliance_restatements", Long.class))
                .as("restatements").isPositive();
        assertThat(template.jdbc().queryForList("SELECT DISTINCT phase FROM goal_compliance_rejects ORDER BY 1",
                String.class)).as("phases with rejects").containsExactly("close", "nightly");
    }

    @AfterAll
    static void dropTemplate() {
        template.close();
    }

    @AfterEach
    void dropCopy() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void dropsExactlyTheNightlyMonthsThatEndedARetentionAgoAndKeepsEveryOtherRow() {
        database = template.copy(NightlyRetentionIT.class);
        Map<String, Long> before = rowsByPhaseAndMonth();
        TableRows kept = TableRows.read(database, "goal_compliance_snapshots",
                "phase <> 'nightly' OR as_of >= CAST(? AS timestamptz)", "2026-03-01T00:00:00Z");
        TableRows restatements = TableRows.read(database, "goal_compliance_restatements");
        TableRows rejects = TableRows.read(database, "goal_compliance_rejects");

        PartitionMaintenance.Round round = maintenance(Optional.of(RETENTION)).run();

        assertThat(round.dropped()).extracting(NightlyPartition::name).containsExactlyElementsOf(OLD);
        assertThat(partitions("goal_compliance_nightly_rows")).as("nightly partitions after the round")
                .containsExactly("goal_compliance_nightly_rows_y2026m03", "goal_compliance_nightly_rows_y2026m05",
                        "goal_compliance_nightly_rows_y2026m06", "goal_compliance_nightly_rows_y2026m07");
        assertThat(partitions("goal_compliance_settled_rows")).as("settled partitions after the round")
                .containsExactly("goal_compliance_settled_rows_y2025m12", "goal_compliance_settled_rows_y2026m01",
                        "goal_compliance_settled_rows_y2026m03", "goal_compliance_settled_rows_y2026m05",
                        "goal_compliance_settled_rows_y2026m06", "goal_compliance_settled_rows_y2026m07");
        assertSameRowCounts(without(before, "nightly 2025-12", "nightly 2026-01", "nightly 2026-02"),
                rowsByPhaseAndMonth());
        TableAssert.assertThat(TableRows.read(database, "goal_compliance_snapshots")).hasSameRowsAs(kept);
        TableAssert.assertThat(TableRows.read(database, "goal_compliance_restatements")).hasSameRowsAs(restatements);
        TableAssert.assertThat(TableRows.read(database, "goal_compliance_rejects")).hasSameRowsAs(rejects);
        assertThat(droppedCount()).isEqualTo(3.0);
        assertThat(NIGHTLIES.stream().map(at -> before.getOrDefault("nightly " + at.substring(0, 7), 0L)))
                .as("nightly rows in each month before").allMatch(n -> n > 0);
    }

    @Test
    void aSecondRoundDropsNothingMore() {
        database = template.copy(NightlyRetentionIT.class);
        PartitionMaintenance maintenance = maintenance(Optional.of(RETENTION));
        maintenance.run();
        Map<String, Long> afterFirst = rowsByPhaseAndMonth();

        PartitionMaintenance.Round second = maintenance.run();

        assertThat(second.dropped()).isEmpty();
        assertSameRowCounts(afterFirst, rowsByPhaseAndMonth());
        assertThat(droppedCount()).isEqualTo(3.0);
    }

    @Test
    void withoutRetentionNothingIsDroppedAndTheComingMonthsArePartitionedAhead() {
        database = template.copy(NightlyRetentionIT.class);
        Map<String, Long> before = rowsByPhaseAndMonth();
        TableRows snapshots = TableRows.read(database, "goal_compliance_snapshots");

        PartitionMaintenance.Round round = maintenance(Optional.empty()).run();

        assertThat(round.dropped()).isEmpty();
        assertThat(round.ensured()).containsExactly("goal_compliance_nightly_rows_y2026m06",
                "goal_compliance_settled_rows_y2026m06", "goal_compliance_nightly_rows_y2026m07",
                "goal_compliance_settled_rows_y2026m07");
        assertThat(partitions("goal_compliance_nightly_rows")).containsExactly(
                "goal_compliance_nightly_rows_y2025m12", "goal_compliance_nightly_rows_y2026m01",
                "goal_compliance_nightly_rows_y2026m02", "goal_compliance_nightly_rows_y2026m03",
                "goal_compliance_nightly_rows_y2026m05", "goal_compliance_nightly_rows_y2026m06",
                "goal_compliance_nightly_rows_y2026m07");
        assertThat(partitions("goal_compliance_settled_rows")).contains("goal_compliance_settled_rows_y2026m06",
                "goal_compliance_settled_rows_y2026m07");
        assertSameRowCounts(before, rowsByPhaseAndMonth());
        TableAssert.assertThat(TableRows.read(database, "goal_compliance_snapshots")).hasSameRowsAs(snapshots);
        assertThat(droppedCount()).isZero();
    }

    @Test
    void aDetachLeftPendingOrAPartitionLeftDetachedByAnInterruptedRoundIsDroppedByTheNext() throws Exception {
        database = template.copy(NightlyRetentionIT.class);
        Map<String, Long> before = rowsByPhaseAndMonth();
        leaveDetachPending("goal_compliance_nightly_rows_y2026m01");
        database.jdbc().execute("ALTER TABLE goal_compliance_nightly_rows DETACH PARTITION "
                + "goal_compliance_nightly_rows_y2025m12");

        PartitionMaintenance.Round round = maintenance(Optional.of(RETENTION)).run();

        assertThat(round.dropped()).extracting(p -> p.name() + " " + p.state()).containsExactly(
                "goal_compliance_nightly_rows_y2025m12 DETACHED", "goal_compliance_nightly_rows_y2026m01 DETACH_PENDING",
                "goal_compliance_nightly_rows_y2026m02 ATTACHED");
        assertThat(database.jdbc().queryForList("SELECT relname::text FROM pg_class WHERE relname LIKE "
                + "'goal\\_compliance\\_nightly\\_rows\\_y2025%' OR relname LIKE 'goal\\_compliance\\_nightly\\_rows\\_y2026m0_' "
                + "ORDER BY 1", String.class)).as("nightly month tables left")
                .containsExactly("goal_compliance_nightly_rows_y2026m03", "goal_compliance_nightly_rows_y2026m05",
                        "goal_compliance_nightly_rows_y2026m06", "goal_compliance_nightly_rows_y2026m07");
        assertSameRowCounts(without(before, "nightly 2025-12", "nightly 2026-01", "nightly 2026-02"),
                rowsByPhaseAndMonth());
        assertThat(droppedCount()).isEqualTo(3.0);
    }

    @Test
    void aRoundWhileAnotherReplicaHoldsTheLockIsSkipped() {
        database = template.copy(NightlyRetentionIT.class);
        Map<String, Long> before = rowsByPhaseAndMonth();
        database.jdbc().queryForObject("SELECT pg_advisory_lock(?)", Object.class, PartitionMaintenance.LOCK);

        PartitionMaintenance.Round round = maintenance(Optional.of(RETENTION)).run();

        assertThat(round.skipped()).isTrue();
        assertThat(partitions("goal_compliance_nightly_rows")).containsAll(OLD);
        assertSameRowCounts(before, rowsByPhaseAndMonth());
        assertThat(droppedCount()).isZero();
        database.jdbc().queryForObject("SELECT pg_advisory_unlock(?)", Boolean.class, PartitionMaintenance.LOCK);
        assertThat(maintenance(Optional.of(RETENTION)).run().dropped()).hasSize(3);
    }

    @Test
    void theScheduleRunsARoundAtStartAndStopsItsThread() throws Exception {
        database = template.copy(NightlyRetentionIT.class);
        PartitionMaintenanceSchedule schedule = new PartitionMaintenanceSchedule(maintenance(Optional.of(RETENTION)));

        schedule.start();
        try {
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions("goal_compliance_nightly_rows").containsAll(OLD) && System.nanoTime() < until) {
                Thread.sleep(100);
            }
        } finally {
            schedule.stop();
        }

        assertThat(partitions("goal_compliance_nightly_rows")).as("after the first round")
                .doesNotContainAnyElementsOf(OLD).contains("goal_compliance_nightly_rows_y2026m07");
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("partition-maintenance-"));
    }

    @Test
    void aRetentionThatIsNotPositiveIsRefused() {
        Optional<Duration> zero = Optional.of(Duration.ZERO);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PartitionMaintenance(dataSource(template), clock(), zero, registry))
                .withMessageContaining("goal-compliance.retention.nightly must be positive");
    }

    private PartitionMaintenance maintenance(Optional<Duration> retention) {
        return new PartitionMaintenance(dataSource(database), clock(), retention, registry);
    }

    private static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    private static DataSource dataSource(TestDatabase db) {
        return new DriverManagerDataSource(db.url(), "postgres", "");
    }

    private double droppedCount() {
        return registry.get(PartitionMaintenance.DROPPED).counter().count();
    }

    /** The leaf partitions of a table, by name (pg_inherits). */
    private List<String> partitions(String parent) {
        return database.jdbc().queryForList("""
                SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = CAST(? AS regclass) ORDER BY 1""", String.class, parent);
    }

    /** Rows of the contract's view by "phase YYYY-MM" (UTC month of as_of). */
    private Map<String, Long> rowsByPhaseAndMonth() {
        Map<String, Long> rows = new TreeMap<>();
        database.jdbc().query("""
                SELECT phase || ' ' || to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM') AS k, count(*) AS n
                FROM goal_compliance_snapshots GROUP BY 1""", rs -> {
            rows.put(rs.getString("k"), rs.getLong("n"));
        });
        return rows;
    }

    /** Names the partition of each (phase, month) whose count differs. */
    private static void assertSameRowCounts(Map<String, Long> expected, Map<String, Long> actual) {
        TreeMap<String, String> problems = new TreeMap<>();
        expected.forEach((key, n) -> {
            if (!n.equals(actual.get(key))) {
                problems.put(partition(key), "expected " + n + " rows, found " + actual.getOrDefault(key, 0L));
            }
        });
        actual.forEach((key, n) -> {
            if (!expected.containsKey(key)) {
                problems.put(partition(key), "expected no rows, found " + n);
            }
        });
        assertThat(problems).as("partitions whose rows differ").isEmpty();
    }

    /** "nightly 2026-03" → goal_compliance_nightly_rows_y2026m03; close and final rows are in settled ones. */
    private static String partition(String phaseAndMonth) {
        String[] parts = phaseAndMonth.split(" ");
        String kind = parts[0].equals("nightly") ? "nightly" : "settled";
        return "goal_compliance_" + kind + "_rows_y" + parts[1].replace("-", "m") + " (" + parts[0] + ")";
    }

    private static Map<String, Long> without(Map<String, Long> counts, String... keys) {
        Map<String, Long> rest = new TreeMap<>(counts);
        for (String key : keys) {
            assertThat(rest.remove(key)).as(key + " rows before").isNotNull();
        }
        return rest;
    }

    /**
     * What a DETACH ... CONCURRENTLY cut off after its first transaction leaves: another session reads the
     * partitioned table in an open transaction, so the detach waits for it in its second, and is cancelled there.
     */
    private void leaveDetachPending(String partition) throws Exception {
        try (var reader = dataSource(database).getConnection(); var detacher = dataSource(database).getConnection()) {
            reader.setAutoCommit(false);
            try (var s = reader.createStatement()) {
                s.executeQuery("SELECT count(*) FROM goal_compliance_nightly_rows").close();
            }
            try (var s = detacher.createStatement()) {
                s.execute("SET statement_timeout = '1s'");
                assertThatThrownBy(() -> s.execute(
                        "ALTER TABLE goal_compliance_nightly_rows DETACH PARTITION " + partition + " CONCURRENTLY"))
                        .hasMessageContaining("statement timeout");
            }
            reader.rollback();
        }
        assertThat(database.jdbc().queryForObject("""
                SELECT inhdetachpending FROM pg_inherits WHERE inhrelid = CAST(? AS regclass)""", Boolean.class,
                partition)).as(partition + " detach pending").isTrue();
    }

    private static void run(String phase, String asOf) {
        Cli.Result result = Cli.run(template, "run", "--phase=" + phase, "--as-of=" + asOf);
        assertThat(result.exitCode()).as(phase + " " + asOf + ": " + result.err()).isZero();
    }
}

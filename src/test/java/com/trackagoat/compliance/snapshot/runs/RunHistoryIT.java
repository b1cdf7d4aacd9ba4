package com.trackagoat.compliance.snapshot.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.trackagoat.compliance.GoalComplianceApplication;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.SettableClock;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * The run history of real instances: a catch-up over days in which one close fails part-way (a trigger refuses
 * its rows from one goal id on) shows that close failed with its exit message, its final waiting, every other
 * instance completed and the instants after the catch-up missing (or waiting); each execution's snapshots and
 * rejects are the rows the tables hold. A nightly held by a lock mid-run shows as running with its progress.
 */
class RunHistoryIT {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/Chicago"), ZoneId.of("Asia/Kolkata"));
    private static final Duration SETTLE = Duration.ofHours(48);
    private static final String[] SMALL_CHUNKS = {"--goal-compliance.partitions=2", "--goal-compliance.chunk-size=2"};

    /** Refuses the failing close's snapshot rows from goal id c0… on: partition 1 fails after some chunks. */
    private static final String REFUSE_PART_OF_A_CLOSE = """
            CREATE FUNCTION refuse_part_of_a_close() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.phase = 'close' AND NEW.as_of = '%s'::timestamptz
                 AND NEW.goal_id >= 'c0000000-0000-0000-0000-000000000000'::uuid THEN
                RAISE EXCEPTION 'test: close rows at %% are refused', NEW.as_of;
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_part_of_a_close BEFORE INSERT ON goal_compliance_snapshot_rows
              FOR EACH ROW EXECUTE FUNCTION refuse_part_of_a_close();
            """;

    /** Makes the rows of one nightly from goal id 80… on wait for a lock the test holds. */
    private static final String HOLD_PART_OF_A_NIGHTLY = """
            CREATE FUNCTION hold_part_of_a_nightly() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.phase = 'nightly' AND NEW.as_of = '%s'::timestamptz
                 AND NEW.goal_id >= '80000000-0000-0000-0000-000000000000'::uuid THEN
                PERFORM pg_advisory_xact_lock_shared(1717, 1717);
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER hold_part_of_a_nightly BEFORE INSERT ON goal_compliance_snapshot_rows
              FOR EACH ROW EXECUTE FUNCTION hold_part_of_a_nightly();
            """;

    /** Rows per instance in both result tables: phase, as_of, snapshots, rejects, last goal id. */
    private static final String ROWS = """
            SELECT phase, as_of, sum(snapshots) AS snapshots, sum(rejects) AS rejects, max(goal_id::text) AS last_goal
            FROM (SELECT phase, as_of, goal_id, 1 AS snapshots, 0 AS rejects FROM goal_compliance_snapshots
                  UNION ALL
                  SELECT phase, as_of, goal_id, 0, 1 FROM goal_compliance_rejects) r
            GROUP BY phase, as_of
            """;

    private static TestDatabase database;
    private static ConfigurableApplicationContext context;
    private static RunHistory history;
    private static SettableClock clock;
    private static Instant since;
    private static Instant until;
    private static Instant failedClose;

    @BeforeAll
    static void createDatabase() {
        until = RecentGoals.anchor();
        since = until.minus(Duration.ofDays(4));
        failedClose = midnights(ZONES.get(0), until.minus(Duration.ofDays(3)), until).get(0);
        database = TestDatabase.migrated(RunHistoryIT.class);
        RecentGoals.insert(database.jdbc(), until, 30, "America/Chicago", "Asia/Kolkata");
        clock = new SettableClock(until);
        context = new SpringApplicationBuilder(GoalComplianceApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .initializers(c -> ((GenericApplicationContext) c)
                        .registerBean("testClock", java.time.Clock.class, () -> clock, bd -> bd.setPrimary(true)))
                .run(database.urlArg());
        history = context.getBean(RunHistory.class);
    }

    @AfterAll
    static void dropDatabase() {
        if (context != null) {
            context.close();
        }
        database.close();
    }

    @Test
    void aFailedCloseItsWaitingFinalAndTheRestOfTheRangeThenTheResumeCompletesBoth() {
        // given a close that fails part-way through its second partition
        database.jdbc().execute(REFUSE_PART_OF_A_CLOSE.formatted(failedClose));
        Cli.Result first = catchUp();
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
        SnapshotJobParameters close = new SnapshotJobParameters(Phase.CLOSE, failedClose);
        SnapshotJobParameters itsFinal = new SnapshotJobParameters(Phase.FINAL, failedClose.plus(SETTLE));
        Instant end = until.plus(Duration.ofDays(1));

        // when
        List<InstanceRun> runs = history.runs(since, end);

        // then every due instance of both zones is listed oldest first, in the state it is in
        assertThat(runs).extracting(InstanceRun::instance).containsExactlyElementsOf(due(since, end));
        Map<SnapshotJobParameters, Rows> rows = rows();
        for (InstanceRun run : runs) {
            SnapshotJobParameters instance = run.instance();
            RunState expected = instance.equals(close) ? RunState.FAILED
                    : instance.equals(itsFinal) ? RunState.WAITING
                    : !instance.asOf().isAfter(until) ? RunState.COMPLETED
                    : instance.phase() == Phase.FINAL && closeAfter(instance, until) ? RunState.WAITING
                    : RunState.MISSING;
            assertThat(run.state()).as("state of %s", instance).isEqualTo(expected);
            assertThat(run.executions()).as("executions of %s", instance)
                    .hasSize(instance.asOf().isAfter(until) || instance.equals(itsFinal) ? 0 : 1);
            assertCountsAreTheRows(run, rows);
            assertThat(run.progress()).as("progress of %s", instance).isEmpty();
        }
        RunExecution failed = runOf(runs, close).executions().get(0);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.exitMessage()).as("exit message").contains("are refused");
        assertThat(failed.snapshots()).as("snapshots committed before the failure").isPositive();
        assertThat(failed.partitions()).isEqualTo(2);
        assertThat(failed.endTime()).isAfterOrEqualTo(failed.startTime());
        assertThat(failed.duration()).isEqualTo(Duration.between(failed.startTime(), failed.endTime()));
        for (InstanceRun run : runs) {
            if (run.state() == RunState.COMPLETED) {
                RunExecution execution = run.executions().get(0);
                assertThat(execution.goalsRead()).as("goals read of %s", run.instance())
                        .isEqualTo(execution.snapshots() + execution.rejects());
                assertThat(execution.partitions()).as("partitions of %s", run.instance()).isEqualTo(2);
            }
        }
        assertThat(runs.stream().mapToLong(InstanceRun::snapshots).sum()).as("snapshots of the range").isPositive();

        // when the cause is gone and catch-up runs again
        database.jdbc().execute("DROP TRIGGER refuse_part_of_a_close ON goal_compliance_snapshot_rows");
        Cli.Result second = catchUp();
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();

        // then the close completed in its second execution, which wrote the rest of its rows, and its final ran
        List<InstanceRun> after = history.runs(since, until);
        assertThat(after).extracting(InstanceRun::state).containsOnly(RunState.COMPLETED);
        assertThat(runOf(after, close).executions()).extracting(RunExecution::status)
                .containsExactly("FAILED", "COMPLETED");
        assertThat(runOf(after, itsFinal).executions()).extracting(RunExecution::status).containsExactly("COMPLETED");
        Map<SnapshotJobParameters, Rows> rowsAfter = rows();
        after.forEach(run -> assertCountsAreTheRows(run, rowsAfter));
        assertThat(history.run(close)).map(InstanceRun::executions).get().asList().hasSize(2);
    }

    @Test
    void aRunningNightlyShowsWhatItsCommittedChunksHaveDone() throws Exception {
        // given a nightly whose goals from id 80… on wait for a lock this test holds
        Instant midnight = midnights(ZONES.get(1), until.plus(Duration.ofDays(2)), until.plus(Duration.ofDays(3))).get(0);
        SnapshotJobParameters nightly = new SnapshotJobParameters(Phase.NIGHTLY, midnight);
        database.jdbc().execute(HOLD_PART_OF_A_NIGHTLY.formatted(midnight));
        database.jdbc().execute("SELECT pg_advisory_lock(1717, 1717)");
        assertThat(history.run(nightly)).map(InstanceRun::state).contains(RunState.MISSING);
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run(database, "run",
                "--phase=nightly", "--as-of=" + midnight, "--goal-compliance.partitions=1",
                "--goal-compliance.chunk-size=2"));
        try {
            // when its chunks before the held goals have committed
            InstanceRun running = awaitCommittedChunks(nightly);
            RunExecution execution = running.executions().get(0);
            clock.set(execution.startTime().plusSeconds(10));
            running = history.run(nightly).orElseThrow();

            // then it is running, with the goals its chunks committed, their rate and the time left at it
            Rows committed = rows().get(nightly);
            assertThat(running.state()).isEqualTo(RunState.RUNNING);
            assertThat(running.executions()).extracting(RunExecution::status).containsExactly("STARTED");
            assertThat(running.executions().get(0).endTime()).isNull();
            assertThat(running.executions().get(0).duration()).isEqualTo(Duration.ofSeconds(10));
            RunProgress progress = running.progress().orElseThrow();
            assertThat(progress.goalsDone()).isEqualTo(committed.snapshots() + committed.rejects()).isPositive();
            assertThat(progress.goalsPerSecond()).isCloseTo(progress.goalsDone() / 10.0, within(1e-9));
            double share = shareOfAllIdsThrough(UUID.fromString(committed.lastGoal()));
            assertThat(progress.secondsLeft()).as("seconds left at %s of the ids", share)
                    .isCloseTo(Math.round(10 * (1 - share) / share), within(1L));
        } finally {
            database.jdbc().execute("SELECT pg_advisory_unlock(1717, 1717)");
        }

        // when the lock is released, then it completes with every row counted
        Cli.Result done = run.get();
        assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
        InstanceRun completed = history.run(nightly).orElseThrow();
        assertThat(completed.state()).isEqualTo(RunState.COMPLETED);
        assertThat(completed.progress()).isEmpty();
        assertCountsAreTheRows(completed, rows());
        assertThat(completed.executions().get(0).goalsRead()).isEqualTo(completed.snapshots() + completed.rejects());
    }

    @Test
    void anInstantNoScheduleHasIsNoInstance() {
        assertThat(history.run(new SnapshotJobParameters(Phase.CLOSE, until.plus(Duration.ofMinutes(7))))).isEmpty();
        assertThat(history.lookBackStart(until)).isEqualTo(until.minus(Duration.ofDays(35)));
    }

    /** Once the run waits for the test's lock (its chunks before goal id 80… committed, nothing more can). */
    private static InstanceRun awaitCommittedChunks(SnapshotJobParameters nightly) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean waiting = database.jdbc().queryForObject("""
                    SELECT count(*) > 0 FROM pg_locks
                    WHERE locktype = 'advisory' AND classid = 1717 AND objid = 1717 AND NOT granted
                    """, Boolean.class);
            Optional<InstanceRun> run = history.run(nightly);
            if (waiting && run.isPresent() && run.get().state() == RunState.RUNNING) {
                return run.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(nightly + " did not reach the held goals within 60 s: " + history.run(nightly));
    }

    private static Cli.Result catchUp() {
        List<String> args = new ArrayList<>(List.of("catch-up", "--since=" + since, "--until=" + until));
        args.addAll(List.of(SMALL_CHUNKS));
        return Cli.run(database, args.toArray(String[]::new));
    }

    /** Each execution's snapshots and rejects add up to the rows of the instance in the result tables. */
    private static void assertCountsAreTheRows(InstanceRun run, Map<SnapshotJobParameters, Rows> rows) {
        Rows written = rows.getOrDefault(run.instance(), new Rows(0, 0, null));
        assertThat(run.snapshots()).as("snapshots of %s", run.instance()).isEqualTo(written.snapshots());
        assertThat(run.rejects()).as("rejects of %s", run.instance()).isEqualTo(written.rejects());
    }

    private record Rows(long snapshots, long rejects, String lastGoal) {
    }

    private static Map<SnapshotJobParameters, Rows> rows() {
        Map<SnapshotJobParameters, Rows> rows = new HashMap<>();
        database.jdbc().query(ROWS, rs -> {
            rows.put(new SnapshotJobParameters(Phase.parse(rs.getString("phase")).orElseThrow(),
                            rs.getObject("as_of", java.time.OffsetDateTime.class).toInstant()),
                    new Rows(rs.getLong("snapshots"), rs.getLong("rejects"), rs.getString("last_goal")));
        });
        return rows;
    }

    private static InstanceRun runOf(List<InstanceRun> runs, SnapshotJobParameters instance) {
        return runs.stream().filter(run -> run.instance().equals(instance)).findFirst().orElseThrow();
    }

    /** Worked out here from the zones alone: close and nightly at each midnight, a final 48 h after each close. */
    private static List<SnapshotJobParameters> due(Instant from, Instant to) {
        List<SnapshotJobParameters> due = new ArrayList<>();
        for (ZoneId zone : ZONES) {
            for (Instant midnight : midnights(zone, from, to)) {
                due.add(new SnapshotJobParameters(Phase.CLOSE, midnight));
                due.add(new SnapshotJobParameters(Phase.NIGHTLY, midnight));
                if (!midnight.plus(SETTLE).isAfter(to)) {
                    due.add(new SnapshotJobParameters(Phase.FINAL, midnight.plus(SETTLE)));
                }
            }
        }
        due.sort(java.util.Comparator.comparing(SnapshotJobParameters::asOf).thenComparing(SnapshotJobParameters::phase));
        return due;
    }

    private static boolean closeAfter(SnapshotJobParameters finalInstance, Instant instant) {
        return finalInstance.asOf().minus(SETTLE).isAfter(instant);
    }

    /** The zone's local midnights in {@code (from, to]}, oldest first. */
    private static List<Instant> midnights(ZoneId zone, Instant from, Instant to) {
        List<Instant> midnights = new ArrayList<>();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(to.atZone(zone).toLocalDate());
             day = day.plusDays(1)) {
            Instant midnight = day.atStartOfDay(zone).toInstant();
            if (midnight.isAfter(from) && !midnight.isAfter(to)) {
                midnights.add(midnight);
            }
        }
        return midnights;
    }

    /** The share of all goal ids up to and including {@code id}, in PostgreSQL's uuid order. */
    private static double shareOfAllIdsThrough(UUID id) {
        BigInteger number = new BigInteger(1, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
        return number.add(BigInteger.ONE).doubleValue() / BigInteger.ONE.shiftLeft(128).doubleValue();
    }
}

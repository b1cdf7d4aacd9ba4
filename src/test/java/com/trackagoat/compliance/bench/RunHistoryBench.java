package com.trackagoat.compliance.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.trackagoat.compliance.GoalComplianceApplication;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.catchup.CatchUp;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;
import com.trackagoat.compliance.snapshot.runs.RunHistory;
import com.trackagoat.compliance.snapshot.runs.RunState;
import com.trackagoat.compliance.support.SettableClock;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * The run history over a year of snapshot jobs ({@code bench/run-history.sh}; not a CI test, its name matches
 * neither surefire's nor failsafe's patterns). Lays out, in {@code BATCH_*} rows as Spring Batch writes them, an
 * execution of every instance the planner schedules for a year in five zones (one in 40 failed once before),
 * each with a manager step and its partitions' worker steps, then times {@code RunHistory.runs} over the year
 * and over the look-back, and the plan alone.
 */
class RunHistoryBench {

    private static final String[] ZONES = {"America/Chicago", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu",
            "Australia/Sydney"};
    private static final Instant UNTIL = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant SINCE = UNTIL.minus(Duration.ofDays(365));
    private static final int PARTITIONS = Integer.getInteger("bench.partitions", 4);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 15);

    private static final String INSTANCES = """
            CREATE TABLE bench_instances AS
            SELECT row_number() OVER (ORDER BY as_of, phase) AS n, phase, as_of FROM (
              SELECT p.phase, CASE WHEN p.phase = 'final' THEN m.at + interval '48 hours' ELSE m.at END AS as_of
              FROM (SELECT DISTINCT (d::timestamp AT TIME ZONE z) AS at
                    FROM unnest(?::text[]) z, generate_series(?::date, ?::date, interval '1 day') d) m,
                   (VALUES ('close'), ('nightly'), ('final')) p(phase)) x
            WHERE as_of > ?::timestamptz AND as_of <= ?::timestamptz
            """;

    /** Execution 2n completed; 2n - 1, for one instance in 40, failed before it. Times in the JVM's zone. */
    private static final String EXECUTIONS = """
            INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY)
            SELECT n, 0, 'goalSnapshotJob', md5(phase || as_of) FROM bench_instances;
            INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, START_TIME,
                END_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED)
            SELECT 2 * n - f, 2, n, t, t, t + interval '12 seconds', s, s,
                   CASE f WHEN 1 THEN 'org.postgresql.util.PSQLException: ERROR: bench' ELSE '' END,
                   t + interval '12 seconds'
            FROM bench_instances,
                 LATERAL (SELECT f, CASE f WHEN 1 THEN 'FAILED' ELSE 'COMPLETED' END AS s,
                                 (as_of AT TIME ZONE '%1$s') + f * interval '-1 hour' AS t
                          FROM generate_series(0, CASE WHEN n %% 40 = 0 THEN 1 ELSE 0 END) f) e;
            INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE,
                IDENTIFYING)
            SELECT e.JOB_EXECUTION_ID, p.name, 'java.lang.String',
                   CASE p.name WHEN 'phase' THEN i.phase
                        ELSE to_char(i.as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END, 'Y'
            FROM BATCH_JOB_EXECUTION e JOIN bench_instances i ON i.n = e.JOB_INSTANCE_ID,
                 (VALUES ('phase'), ('asOf')) p(name);
            INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID, CREATE_TIME,
                START_TIME, END_TIME, STATUS, COMMIT_COUNT, READ_COUNT, FILTER_COUNT, WRITE_COUNT, READ_SKIP_COUNT,
                WRITE_SKIP_COUNT, PROCESS_SKIP_COUNT, ROLLBACK_COUNT, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED,
                SNAPSHOTS_WRITTEN, REJECTS_WRITTEN, GOAL_IDS_DONE, GOAL_IDS_DONE_AT_START)
            SELECT e.JOB_EXECUTION_ID * (%2$s + 1) + w, 3,
                   CASE w WHEN 0 THEN 'snapshotStep' ELSE 'snapshotWorker:partition' || (w - 1) END,
                   e.JOB_EXECUTION_ID, e.START_TIME, e.START_TIME, e.END_TIME, e.STATUS, 50, 50000, 0, 49000, 0, 0,
                   0, 0, e.STATUS, '', e.END_TIME,
                   CASE WHEN w > 0 THEN 48000 END, CASE WHEN w > 0 THEN 2000 END, CASE WHEN w > 0 THEN 1.0 END,
                   CASE WHEN w > 0 THEN 0.0 END
            FROM BATCH_JOB_EXECUTION e, generate_series(0, %2$s) w;
            SELECT setval('BATCH_JOB_INSTANCE_SEQ', (SELECT max(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE));
            SELECT setval('BATCH_JOB_EXECUTION_SEQ', (SELECT max(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION));
            SELECT setval('BATCH_STEP_EXECUTION_SEQ', (SELECT max(STEP_EXECUTION_ID) FROM BATCH_STEP_EXECUTION));
            DROP TABLE bench_instances;
            VACUUM ANALYZE;
            """;

    @Test
    void runHistoryOverAYear() {
        TestDatabase database = TestDatabase.migrated(RunHistoryBench.class);
        try {
            for (String zone : ZONES) {
                database.jdbc().update("INSERT INTO organizations (id, name, timezone) VALUES (gen_random_uuid(), ?, ?)",
                        zone, zone);
            }
            database.jdbc().update(INSTANCES, "{" + String.join(",", ZONES) + "}", SINCE.minus(Duration.ofDays(3))
                    .toString().substring(0, 10), UNTIL.toString().substring(0, 10), SINCE.toString(), UNTIL.toString());
            String jvmZone = java.time.ZoneId.systemDefault().getId();
            for (String statement : EXECUTIONS.formatted(jvmZone, PARTITIONS).split(";\n")) {
                if (!statement.isBlank()) {
                    database.jdbc().execute(statement);
                }
            }
            long executions = database.jdbc().queryForObject("SELECT count(*) FROM BATCH_JOB_EXECUTION", Long.class);
            long steps = database.jdbc().queryForObject("SELECT count(*) FROM BATCH_STEP_EXECUTION", Long.class);
            try (ConfigurableApplicationContext context = start(database)) {
                RunHistory history = context.getBean(RunHistory.class);
                CatchUp catchUp = context.getBean(CatchUp.class);
                List<InstanceRun> year = history.runs(SINCE, UNTIL);
                long notCompleted = year.stream().filter(run -> run.state() != RunState.COMPLETED).count();
                print("setup: %d zones, %d instances listed (%d not completed), %d executions, %d step executions"
                        + " (%d partitions)", ZONES.length, year.size(), notCompleted, executions, steps, PARTITIONS);
                time("runs(from, to) over the year", () -> history.runs(SINCE, UNTIL));
                time("plan of the year alone (catch-up's)", () -> catchUp.due(SINCE, UNTIL));
                time("runs(from, to) over the 35-day look-back", () -> history.runs(history.lookBackStart(UNTIL), UNTIL));
                time("run(instance)", () -> history.run(new SnapshotJobParameters(Phase.CLOSE, year.get(year.size() / 2)
                        .instance().asOf())));
            }
        } finally {
            if (Boolean.getBoolean("bench.keep")) {
                print("kept database %s", database.name());
            } else {
                database.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database) {
        Clock clock = new SettableClock(UNTIL);
        return new SpringApplicationBuilder(GoalComplianceApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .initializers(c -> ((GenericApplicationContext) c)
                        .registerBean("benchClock", Clock.class, () -> clock, bd -> bd.setPrimary(true)))
                .run(database.urlArg());
    }

    private static void time(String what, Supplier<?> call) {
        for (int i = 0; i < 3; i++) {
            call.get(); // warm-up: plans, JIT
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        print("%-45s median %7.1f ms, min %7.1f, max %7.1f (%d rounds)", what, sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1], ROUNDS);
    }

    private static void print(String format, Object... args) {
        System.out.println("run-history bench: " + String.format(Locale.ROOT, format, args));
    }
}

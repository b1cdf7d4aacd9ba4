package com.trackagoat.compliance.snapshot.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.trackagoat.compliance.GoalComplianceApplication;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.runs.RunExecution;
import com.trackagoat.compliance.snapshot.runs.RunHistory;
import com.trackagoat.compliance.support.BulkGoals;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TableAssert;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * A worker node killed with SIGKILL in the middle of its partitions: the manager sees their worker locks free,
 * marks them FAILED and sends them again; another node resumes each from its last checkpoint, the job completes
 * in its one execution with the rows of a one-node run, and no goal was written by two partitions.
 */
class DeadWorkerIT {

    private static final int GOALS = 30_000;
    private static final String[] WORKER = {"--goal-compliance.remote.worker-threads=2",
        "--goal-compliance.chunk-size=100", RecentGoals.lookBackSetting(Duration.ofMinutes(1))};

    private static TestDatabase served;
    private static TestDatabase reference;

    @BeforeAll
    static void createDatabases() {
        served = BulkGoals.database(DeadWorkerIT.class, GOALS);
        reference = BulkGoals.database(DeadWorkerIT.class, GOALS);
    }

    @AfterAll
    static void dropDatabases() {
        served.close();
        reference.close();
    }

    @Test
    void aKilledWorkersPartitionsAreSentAgainAndResumeFromTheirCheckpointsOnAnotherNode() throws Exception {
        // given a close run by a process that takes no partition itself, and one serve node that takes both
        try (ServeProcess doomed = ServeProcess.start(served, "dead-worker-doomed", WORKER)) {
            ServeProcess.await("the worker answers", ServeProcess.TO_START,
                    () -> !doomed.actuator("/actuator/prometheus").isEmpty());
            CompletableFuture<Cli.Result> manager = CompletableFuture.supplyAsync(() -> Cli.run(served, "run",
                    "--phase=close", "--as-of=" + BulkGoals.CLOSE_AT, "--goal-compliance.partitions=2",
                    "--goal-compliance.remote.worker=false", "--goal-compliance.remote.poll-interval=100ms"));

            // when the worker is killed with SIGKILL while both partitions run on it
            ServeProcess.await("both partitions running on the worker, a few chunks in", ServeProcess.TO_START,
                    () -> count("SELECT count(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'snapshotWorker:%'"
                            + " AND STATUS = 'STARTED'") == 2 && rows() >= 1_000);
            doomed.close();
            long committed = rows();
            assertThat(committed).isLessThan(GOALS);

            // and another serve node comes up
            try (ServeProcess rescuer = ServeProcess.start(served, "dead-worker-rescuer", WORKER)) {
                Cli.Result run = manager.get(ServeProcess.TO_CATCH_UP.toMinutes(), TimeUnit.MINUTES);

                // then the job completed in its one execution, each killed partition resumed on the new node
                assertThat(run.exitCode()).as(run.err()).isZero();
                rescuer.terminate();
                assertThat(rescuer.output()).contains("running here").doesNotContain(" ERROR ");
            }
        }
        assertThat(served.jdbc().queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class))
                .containsExactly("COMPLETED");
        List<Map<String, Object>> workers = served.jdbc().queryForList("""
                SELECT STEP_NAME, STATUS, EXIT_MESSAGE, WRITE_COUNT FROM BATCH_STEP_EXECUTION
                WHERE STEP_NAME LIKE 'snapshotWorker:%' ORDER BY STEP_NAME, STEP_EXECUTION_ID
                """);
        assertThat(workers).extracting(w -> w.get("STEP_NAME") + " " + w.get("STATUS")).containsExactly(
                "snapshotWorker:partition0 FAILED", "snapshotWorker:partition0 COMPLETED",
                "snapshotWorker:partition1 FAILED", "snapshotWorker:partition1 COMPLETED");
        long writtenBeforeTheKill = 0;
        for (int i = 0; i < workers.size(); i += 2) {
            assertThat((String) workers.get(i).get("EXIT_MESSAGE")).contains("its worker died");
            writtenBeforeTheKill += ((Number) workers.get(i).get("WRITE_COUNT")).longValue();
        }
        // (the workers' clocks are not compared: Spring Batch stores each node's local time without a zone)
        assertThat(writtenBeforeTheKill).as("goals the killed worker had committed").isPositive();
        // and no goal was written twice: the resumed executions went on from the dead ones' checkpoints, so all
        // the executions' writes add up to the rows
        long written = workers.stream().mapToLong(w -> ((Number) w.get("WRITE_COUNT")).longValue()).sum();
        long skipped = count("SELECT coalesce(sum(PROCESS_SKIP_COUNT), 0) FROM BATCH_STEP_EXECUTION"
                + " WHERE STEP_NAME LIKE 'snapshotWorker:%'");
        assertThat(written + skipped).isEqualTo(rows()).isEqualTo(GOALS);
        assertThat(Cli.run(reference, "run", "--phase=close", "--as-of=" + BulkGoals.CLOSE_AT,
                "--goal-compliance.partitions=1").exitCode()).isZero();
        assertThat(TableAssert.assertSameResults(served, reference)).as("result rows").isEqualTo(GOALS);

        // and the run history counts each partition once, though each was sent twice
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GoalComplianceApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run(served.urlArg(), "--goal-compliance.remote.worker=false")) {
            RunExecution execution = context.getBean(RunHistory.class)
                    .run(new SnapshotJobParameters(Phase.CLOSE, Instant.parse(BulkGoals.CLOSE_AT))).orElseThrow()
                    .executions().get(0);
            assertThat(execution.partitions()).as("partitions in the run history").isEqualTo(2);
            assertThat(execution.snapshots() + execution.rejects()).as("rows in the run history").isEqualTo(GOALS);
        }
    }

    private static long rows() {
        return count("SELECT (SELECT count(*) FROM goal_compliance_snapshots) + (SELECT count(*) FROM goal_compliance_rejects)");
    }

    private static long count(String sql) {
        return served.jdbc().queryForObject(sql, Long.class);
    }
}

package com.trackagoat.compliance.snapshot.job;

import static com.trackagoat.compliance.snapshot.job.RestartAfterLostConnectionIT.count;
import static com.trackagoat.compliance.snapshot.job.RestartAfterLostConnectionIT.waitForSnapshots;
import static org.assertj.core.api.Assertions.assertThat;
import static com.trackagoat.compliance.support.TableAssert.assertSameResults;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.BulkGoals;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * A process that ends its job FAILED but loses the database before it can end the job's step leaves the step
 * STARTED (seen when every connection of a running close was terminated). Spring Batch refuses to restart
 * such an execution ("job execution already running"); the next run recovers the step and resumes after the
 * last committed chunk.
 */
class StepLeftRunningIT {

    private static final int GOALS = 20_000;

    private static TestDatabase interrupted;
    private static TestDatabase uninterrupted;

    @BeforeAll
    static void createDatabases() {
        interrupted = BulkGoals.database(StepLeftRunningIT.class, GOALS);
        uninterrupted = BulkGoals.database(StepLeftRunningIT.class, GOALS);
    }

    @AfterAll
    static void dropDatabases() {
        interrupted.close();
        uninterrupted.close();
    }

    @Test
    void runResumesAJobThatEndedFailedWithItsStepLeftRunning() throws Exception {
        // given a close killed part-way, whose job then ended FAILED while its step stayed STARTED
        Process first = KillAndResumeIT.startJar(interrupted, "step-left-running");
        waitForSnapshots(interrupted, GOALS / 4);
        first.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        long committed = count(interrupted, "SELECT count(*) FROM goal_compliance_snapshots");
        interrupted.jdbc().update("""
                UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED', EXIT_CODE = 'FAILED', END_TIME = now()
                """);
        assertThat(interrupted.jdbc().queryForList("SELECT STATUS FROM BATCH_STEP_EXECUTION", String.class))
                .containsExactly("STARTED");

        // when it runs again
        Cli.Result resumed = Cli.run(interrupted, "run", "--phase=close", "--as-of=" + BulkGoals.CLOSE_AT,
                "--goal-compliance.partitions=1");

        // then the step is recovered, the job resumes after the last committed chunk, and the rows are an
        // uninterrupted run's
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(interrupted.jdbc().queryForList(
                "SELECT STATUS || ': ' || EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE STEP_NAME <> 'eventsStep' ORDER BY STEP_EXECUTION_ID",
                String.class))
                .hasSize(2)
                .first().asString().startsWith("FAILED: recovered");
        assertThat(count(interrupted, """
                SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME <> 'eventsStep' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1
                """)).isEqualTo(GOALS - committed);
        assertThat(Cli.run(uninterrupted, "run", "--phase=close", "--as-of=" + BulkGoals.CLOSE_AT).exitCode())
                .isZero();
        assertThat(assertSameResults(interrupted, uninterrupted)).as("result rows").isEqualTo(GOALS);
    }
}

package com.trackagoat.compliance.snapshot.job;

import static com.trackagoat.compliance.snapshot.job.RestartAfterLostConnectionIT.count;
import static com.trackagoat.compliance.snapshot.job.RestartAfterLostConnectionIT.waitForSnapshots;
import static org.assertj.core.api.Assertions.assertThat;
import static com.trackagoat.compliance.support.TableAssert.assertSameResults;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.BulkGoals;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * A partitioned close job whose connections are terminated mid-run resumes each partition after its own last
 * committed chunk, and writes exactly the rows of an uninterrupted, unpartitioned run. With two worker threads
 * for three partitions, the third partition's request is still queued when the run fails: neither the failing
 * process nor the next run may start that stale request's step execution.
 */
class PartitionedRestartIT {

    private static final int GOALS = 20_000;
    private static final String[] PARTITIONED_CLOSE = {"run", "--phase=close", "--as-of=" + BulkGoals.CLOSE_AT,
        "--goal-compliance.chunk-size=100", "--goal-compliance.partitions=3",
        "--goal-compliance.remote.worker-threads=2"};
    private static final String[] UNPARTITIONED_CLOSE = {"run", "--phase=close", "--as-of=" + BulkGoals.CLOSE_AT,
        "--goal-compliance.partitions=1"};

    private static TestDatabase partitioned;
    private static TestDatabase unpartitioned;

    @BeforeAll
    static void createDatabases() {
        partitioned = BulkGoals.database(PartitionedRestartIT.class, GOALS);
        unpartitioned = BulkGoals.database(PartitionedRestartIT.class, GOALS);
    }

    @AfterAll
    static void dropDatabases() {
        partitioned.close();
        unpartitioned.close();
    }

    @Test
    void eachPartitionResumesAfterItsLastCommittedChunkAndTheRowsEqualAnUnpartitionedRun() throws Exception {
        // given a partitioned close job whose connections are all terminated after a few chunks
        CompletableFuture<Cli.Result> firstRun = CompletableFuture.supplyAsync(() -> Cli.run(partitioned, PARTITIONED_CLOSE));
        waitForSnapshots(partitioned, 1_500);
        partitioned.jdbc().queryForList("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                """);
        assertThat(firstRun.get(2, TimeUnit.MINUTES).exitCode()).isEqualTo(1);
        long committed = count(partitioned, "SELECT count(*) FROM goal_compliance_snapshots");
        assertThat(committed).isLessThan(GOALS);

        // when it runs again
        Cli.Result resumed = Cli.run(partitioned, PARTITIONED_CLOSE);

        // then its partitions read only what was left, and the rows equal an unpartitioned run's
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        long lastExecution = count(partitioned, "SELECT max(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        assertThat(count(partitioned, """
                SELECT count(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'snapshotWorker:partition%'
                  AND JOB_EXECUTION_ID = (SELECT min(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)
                """)).isEqualTo(3);
        // A partition the failed run had started may have gone on to its end (a worker outlives its manager):
        // what the resumed run must read is what the first execution did not write.
        long writtenByFirst = count(partitioned,
                "SELECT count(*) FROM goal_compliance_snapshots WHERE job_execution_id <> " + lastExecution);
        assertThat(writtenByFirst).isGreaterThanOrEqualTo(committed);
        assertThat(count(partitioned, "SELECT coalesce(sum(READ_COUNT), 0) FROM BATCH_STEP_EXECUTION "
                + "WHERE STEP_NAME LIKE 'snapshotWorker:%' AND JOB_EXECUTION_ID = " + lastExecution))
                .as("goals the resumed execution read").isEqualTo(GOALS - writtenByFirst);
        assertThat(partitioned.jdbc().queryForList("""
                SELECT s.STEP_EXECUTION_ID, s.STEP_NAME, s.START_TIME, j.END_TIME AS JOB_END_TIME
                FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION j USING (JOB_EXECUTION_ID)
                WHERE s.START_TIME > j.END_TIME + interval '200 milliseconds'
                """)).as("partitions started after their job execution had ended").isEmpty();
        assertThat(count(partitioned, "SELECT count(*) FROM INT_CHANNEL_MESSAGE")).as("requests left queued").isZero();
        assertThat(Cli.run(unpartitioned, UNPARTITIONED_CLOSE).exitCode()).isZero();
        assertThat(assertSameResults(partitioned, unpartitioned)).as("result rows").isEqualTo(GOALS);
    }
}

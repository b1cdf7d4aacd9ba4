package com.trackagoat.compliance.snapshot.job;

import static org.assertj.core.api.Assertions.assertThat;
import static com.trackagoat.compliance.support.TableAssert.assertSameResults;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.BulkGoals;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.TableAssert;
import com.trackagoat.compliance.support.TableRows;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * A run whose database connections are terminated mid-job fails cleanly; the next run resumes after the last
 * committed chunk and leaves exactly the rows of an uninterrupted run.
 */
class RestartAfterLostConnectionIT {

    private static final int GOALS = 20_000;
    private static final String[] CLOSE = {"run", "--phase=close", "--as-of=" + BulkGoals.CLOSE_AT,
        "--goal-compliance.chunk-size=100", "--goal-compliance.partitions=1"}; // the resume: the last step's reads

    private static TestDatabase interrupted;
    private static TestDatabase uninterrupted;

    @BeforeAll
    static void createDatabases() {
        interrupted = BulkGoals.database(RestartAfterLostConnectionIT.class, GOALS);
        uninterrupted = BulkGoals.database(RestartAfterLostConnectionIT.class, GOALS);
    }

    @AfterAll
    static void dropDatabases() {
        interrupted.close();
        uninterrupted.close();
    }

    @Test
    void runResumesAfterTheLastCommittedChunkAndWritesWhatAnUninterruptedRunWrites() throws Exception {
        // given a close job whose connections are all terminated after a few chunks
        CompletableFuture<Cli.Result> firstRun = CompletableFuture.supplyAsync(() -> Cli.run(interrupted, CLOSE));
        long committedAtKill = waitForSnapshots(interrupted, 1_500);
        interrupted.jdbc().queryForList("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                """);
        Cli.Result failed = firstRun.get(2, TimeUnit.MINUTES);

        // then it fails cleanly with exit code 1, having committed part of the work
        assertThat(failed.exitCode()).isEqualTo(1);
        long committedAfterFailure = count(interrupted, "SELECT count(*) FROM goal_compliance_snapshots");
        assertThat(committedAfterFailure).isBetween(committedAtKill, (long) GOALS - 1);

        // when it runs again
        Cli.Result resumed = Cli.run(interrupted, CLOSE);

        // then it resumes instead of starting over, and the table equals an uninterrupted run's
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("completed");
        long resumedRead = count(interrupted, """
                SELECT s.READ_COUNT FROM BATCH_STEP_EXECUTION s WHERE s.STEP_NAME <> 'eventsStep'
                ORDER BY s.STEP_EXECUTION_ID DESC LIMIT 1
                """);
        assertThat(resumedRead).isLessThan(GOALS).isEqualTo(GOALS - committedAfterFailure);
        assertThat(Cli.run(uninterrupted, CLOSE).exitCode()).isZero();
        assertThat(assertSameResults(interrupted, uninterrupted)).as("result rows").isEqualTo(GOALS);
    }

    @Test
    void runningACompletedInstanceAgainIsANoOpThatSaysSo() {
        assertThat(Cli.run(uninterrupted, CLOSE).exitCode()).isZero();
        List<TableRows> before = results(uninterrupted);
        long executions = count(uninterrupted, "SELECT count(*) FROM BATCH_JOB_EXECUTION");

        Cli.Result again = Cli.run(uninterrupted, CLOSE);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already completed; nothing to do");
        assertThat(count(uninterrupted, "SELECT count(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(executions);
        for (TableRows table : before) {
            TableAssert.assertThat(table.readFrom(uninterrupted)).hasSameRowsAs(table);
        }
    }

    @Test
    void aFinalIsNotRunBeforeTheCloseItSettlesHasCompleted() {
        Cli.Result early = Cli.run(uninterrupted, "run", "--phase=final", "--as-of=2026-06-10T05:00:00Z");

        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.out()).contains("not run: the close it settles has not completed");
        assertThat(count(uninterrupted, "SELECT count(*) FROM goal_compliance_snapshots WHERE phase = 'final'")).isZero();
    }

    /** The result tables as they are now, to compare with later. */
    private static List<TableRows> results(TestDatabase db) {
        return TableAssert.RESULT_TABLES.stream().map(table -> TableRows.read(db, table)).toList();
    }

    static long waitForSnapshots(TestDatabase db, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            long n = count(db, "SELECT count(*) FROM goal_compliance_snapshots");
            if (n >= atLeast) {
                return n;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the job wrote fewer than " + atLeast + " snapshots in 2 minutes");
    }

    static long count(TestDatabase db, String sql) {
        Long n = db.jdbc().queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}

package com.trackagoat.compliance.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * SIGTERM to {@code serve} in the middle of a snapshot job lets the chunk in progress commit with its checkpoint
 * and stops the job (STOPPED); the next {@code serve} resumes it after that chunk, and the rows end up those of
 * one uninterrupted catch-up over the same window.
 */
class GracefulShutdownIT {

    private static final int GOALS = 20_000;

    private static TestDatabase stopped;
    private static TestDatabase reference;

    @BeforeAll
    static void createDatabases() {
        TestDatabase[] databases = RecentGoals.twoDatabases(GracefulShutdownIT.class, GOALS, "America/Chicago");
        stopped = databases[0];
        reference = databases[1];
    }

    @AfterAll
    static void dropDatabases() {
        stopped.close();
        reference.close();
    }

    @Test
    void sigtermStopsAtAChunkBoundaryAndTheNextServeResumesWithoutLossOrDuplicate() throws Exception {
        String lookBack = RecentGoals.lookBackSetting(Duration.ofHours(26));
        List<Instant[]> windows = new ArrayList<>();

        // given serve in the middle of a snapshot job, sent SIGTERM
        try (ServeProcess first = ServeProcess.start(stopped, "graceful-first", lookBack,
                "--goal-compliance.chunk-size=200", "--goal-compliance.partitions=1")) {
            ServeProcess.await("a first chunk committed", ServeProcess.TO_START, () -> rows() >= 1_000);
            first.terminate();
            windows.addAll(first.catchUpWindows());
            assertThat(first.output()).contains("stopped at a chunk boundary").doesNotContain(" ERROR ");
        }

        // then the job stopped with its checkpoint matching the rows committed, and nothing was left running
        assertThat(count("SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE STATUS <> 'COMPLETED'")).isOne();
        Map<String, Object> halted = stopped.jdbc().queryForMap("""
                SELECT e.JOB_EXECUTION_ID AS execution, e.STATUS AS job_status, s.STATUS AS step_status,
                       s.READ_COUNT AS read, s.WRITE_COUNT AS written, e.JOB_INSTANCE_ID AS instance
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                WHERE e.STATUS <> 'COMPLETED'
                """);
        assertThat(halted).containsEntry("job_status", "STOPPED").containsEntry("step_status", "STOPPED");
        long written = ((Number) halted.get("written")).longValue();
        assertThat(written).isPositive().isEqualTo(rowsOf(((Number) halted.get("execution")).longValue()));

        // when serve starts again and catches up
        try (ServeProcess second = ServeProcess.start(stopped, "graceful-second", lookBack,
                "--goal-compliance.chunk-size=200", "--goal-compliance.partitions=1")) {
            ServeProcess.await("serve has caught up", ServeProcess.TO_CATCH_UP, () -> second.lag() == 0.0);
            second.terminate();
            windows.addAll(second.catchUpWindows());
            assertThat(second.output()).contains("resuming execution").doesNotContain(" ERROR ");
        }

        // then the stopped instance resumed after its last chunk and every instance completed once
        long instance = ((Number) halted.get("instance")).longValue();
        assertThat(stopped.jdbc().queryForList(
                "SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ? ORDER BY JOB_EXECUTION_ID",
                String.class, instance)).containsExactly("STOPPED", "COMPLETED");
        assertThat(ServeProcess.instancesNotCompleted(stopped)).isZero();
        ServeProcess.assertRowsOfOneCatchUp(stopped, reference, windows);
        assertThat(rows()).isGreaterThan(written);
    }

    private static long rows() {
        return count("SELECT (SELECT count(*) FROM goal_compliance_snapshots) + (SELECT count(*) FROM goal_compliance_rejects)");
    }

    private static long rowsOf(long execution) {
        return stopped.jdbc().queryForObject("""
                SELECT (SELECT count(*) FROM goal_compliance_snapshots WHERE job_execution_id = ?)
                     + (SELECT count(*) FROM goal_compliance_rejects WHERE job_execution_id = ?)
                """, Long.class, execution, execution);
    }

    private static long count(String sql) {
        return stopped.jdbc().queryForObject(sql, Long.class);
    }
}

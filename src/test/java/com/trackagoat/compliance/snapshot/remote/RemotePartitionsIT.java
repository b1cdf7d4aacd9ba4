package com.trackagoat.compliance.snapshot.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.BulkGoals;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Keys;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TableAssert;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * A close backfilled on one of two {@code serve} nodes is evaluated by both: its partitions go as requests to
 * whichever node takes them, each node's {@code goal_compliance_goals_evaluated_total} rises, and together
 * they count exactly the rows written, which are the rows of a one-node run; each partition ran once.
 */
class RemotePartitionsIT {

    private static final int GOALS = 4_000;
    private static final String SINCE = "2026-05-31T05:00:00Z";
    /** Each node runs one partition at a time, so that neither can take all four. */
    private static final String[] NODE = {"--goal-compliance.partitions=4", "--goal-compliance.remote.worker-threads=1",
        "--goal-compliance.chunk-size=100", RecentGoals.lookBackSetting(Duration.ofMinutes(1))};

    private static TestDatabase served;
    private static TestDatabase reference;

    @BeforeAll
    static void createDatabases() {
        served = BulkGoals.database(RemotePartitionsIT.class, GOALS);
        reference = BulkGoals.database(RemotePartitionsIT.class, GOALS);
    }

    @AfterAll
    static void dropDatabases() {
        served.close();
        reference.close();
    }

    @Test
    void aCloseOnTwoServeNodesIsEvaluatedByBothAndWritesTheRowsOfOneNode() throws Exception {
        // given two serve nodes on one database, and an admin key
        String admin = Keys.createAdmin(served, "remote-partitions").key();
        try (ServeProcess a = ServeProcess.start(served, "remote-partitions-a", NODE);
             ServeProcess b = ServeProcess.start(served, "remote-partitions-b", NODE)) {
            ServeProcess.await("both nodes answer", ServeProcess.TO_START,
                    () -> !a.actuator("/actuator/prometheus").isEmpty() && !b.actuator("/actuator/prometheus").isEmpty());

            // when node a runs the close (and the nightly of the same midnight) as a backfill
            HttpResponse<String> backfill = a.post("/api/v1/admin/backfill?from=" + SINCE + "&to=" + BulkGoals.CLOSE_AT
                    + "&dry_run=false", admin).orElseThrow();
            assertThat(backfill.statusCode()).as(backfill.body()).isEqualTo(202);
            ServeProcess.await("the backfill completed", ServeProcess.TO_CATCH_UP,
                    () -> count("SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'") == 2);

            // then both nodes evaluated part of the close, and together exactly its rows
            double byA = a.sum("goal_compliance_goals_evaluated_total", "phase=\"close\"");
            double byB = b.sum("goal_compliance_goals_evaluated_total", "phase=\"close\"");
            assertThat(byA).as("goals evaluated by node a").isPositive();
            assertThat(byB).as("goals evaluated by node b").isPositive();
            assertThat((long) (byA + byB)).as("close snapshots counted by both nodes")
                    .isEqualTo(count("SELECT count(*) FROM goal_compliance_snapshots WHERE phase = 'close'"));
            double rejected = a.sum("goal_compliance_goals_rejected_total", "phase=\"close\"")
                    + b.sum("goal_compliance_goals_rejected_total", "phase=\"close\"");
            assertThat((long) rejected).as("close rejects counted by both nodes")
                    .isEqualTo(count("SELECT count(*) FROM goal_compliance_rejects WHERE phase = 'close'"));
            a.terminate();
            b.terminate();
            assertThat(a.output() + b.output()).doesNotContain(" ERROR ");
        }

        // and each partition ran once, in the one execution of each job
        assertThat(count("SELECT count(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
        assertThat(served.jdbc().queryForList("""
                SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'snapshotWorker:%'
                """, String.class)).hasSize(8).containsOnly("COMPLETED");
        // and the rows are those of one catch-up over the same window on one node
        assertThat(Cli.run(reference, "catch-up", "--since=" + SINCE, "--until=" + BulkGoals.CLOSE_AT,
                "--goal-compliance.partitions=1").exitCode()).isZero();
        assertThat(TableAssert.assertSameResults(served, reference)).as("result rows").isEqualTo(GOALS);
    }

    private static long count(String sql) {
        return served.jdbc().queryForObject(sql, Long.class);
    }
}

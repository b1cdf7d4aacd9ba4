package com.trackagoat.compliance.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * A {@code serve} node killed with SIGKILL in the middle of a snapshot job: the other node of the cluster
 * re-fires its tick, recovers the execution the dead node left STARTED and finishes, with the rows of one
 * uninterrupted catch-up.
 */
class NodeFailoverIT {

    private static TestDatabase served;
    private static TestDatabase reference;

    @BeforeAll
    static void createDatabases() {
        TestDatabase[] databases = RecentGoals.twoDatabases(NodeFailoverIT.class, 30_000, "America/Chicago");
        served = databases[0];
        reference = databases[1];
    }

    @AfterAll
    static void dropDatabases() {
        served.close();
        reference.close();
    }

    @Test
    void theOtherNodeRecoversTheJobOfANodeKilledMidRun() throws Exception {
        String lookBack = RecentGoals.lookBackSetting(Duration.ofHours(26));
        List<Instant[]> windows = new ArrayList<>();
        String[] settings = {lookBack, "--goal-compliance.chunk-size=50"};
        try (ServeProcess a = ServeProcess.start(served, "failover-a", settings);
             ServeProcess b = ServeProcess.start(served, "failover-b", settings)) {
            // given two nodes of one cluster, one of them in the middle of a snapshot job
            ServeProcess.await("both nodes serve", ServeProcess.TO_START,
                    () -> a.output().contains("serving: scheduler") && b.output().contains("serving: scheduler"));
            ServeProcess.await("a job is running", ServeProcess.TO_START, () -> rows() >= 1_000
                    && count("SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'") == 1);
            boolean aIsBusy = a.output().contains("to run");
            ServeProcess dying = aIsBusy ? a : b;
            ServeProcess survivor = aIsBusy ? b : a;

            // when that node dies (SIGKILL)
            dying.close();
            windows.addAll(dying.catchUpWindows());

            // then the other recovers its job and catches up
            ServeProcess.await("the survivor caught up", ServeProcess.TO_CATCH_UP, () -> survivor.lag() == 0.0);
            survivor.terminate();
            windows.addAll(survivor.catchUpWindows());
            assertThat(survivor.output()).contains("recovering it").doesNotContain(" ERROR ");
        }
        assertThat(ServeProcess.instancesNotCompleted(served)).isZero();
        assertThat(count("SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'")).isOne();
        ServeProcess.assertRowsOfOneCatchUp(served, reference, windows);
    }

    private static long rows() {
        return count("SELECT count(*) FROM goal_compliance_snapshots");
    }

    private static long count(String sql) {
        return served.jdbc().queryForObject(sql, Long.class);
    }
}

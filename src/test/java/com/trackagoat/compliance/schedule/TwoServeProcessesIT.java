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
 * Two {@code serve} processes started together on one database, with due instants in the past (zones with
 * :00, :30 and :45 offsets, and DST in the south), catch up to exactly the rows of one {@code catch-up} over the
 * same window, each job instance with one COMPLETED execution; both answer health and Prometheus.
 */
class TwoServeProcessesIT {

    private static final String[] ZONES = {"America/Chicago", "Asia/Kathmandu", "Asia/Kolkata", "Australia/Adelaide"};
    private static TestDatabase served;
    private static TestDatabase reference;

    @BeforeAll
    static void createDatabases() {
        TestDatabase[] databases = RecentGoals.twoDatabases(TwoServeProcessesIT.class, 200, ZONES);
        served = databases[0];
        reference = databases[1];
    }

    @AfterAll
    static void dropDatabases() {
        served.close();
        reference.close();
    }

    @Test
    void twoServeProcessesCatchUpExactlyOnceToTheRowsOfOneCatchUp() throws Exception {
        // given two serve processes started together, looking back over about three days of due instants
        String lookBack = RecentGoals.lookBackSetting(Duration.ofHours(80));
        List<Instant[]> windows = new ArrayList<>();
        // Health details are shown only to an authorized caller by default; this test reads them, as an
        // operator may by setting this on the (internal) management port.
        String details = "--management.endpoint.health.show-details=always";
        try (ServeProcess a = ServeProcess.start(served, "two-serve-a", lookBack, details);
             ServeProcess b = ServeProcess.start(served, "two-serve-b", lookBack, details)) {
            // when both have caught up
            ServeProcess.await("both report no snapshot lag", ServeProcess.TO_CATCH_UP,
                    () -> a.lag() == 0.0 && b.lag() == 0.0);

            // then both are healthy, and their counters add up to the rows written
            for (ServeProcess serve : List.of(a, b)) {
                assertThat(serve.actuator("/actuator/health/readiness")).contains("\"status\":\"UP\"")
                        .contains("\"db\":{").contains("\"scheduler\":{").contains("\"clustered\":true");
                assertThat(serve.actuator("/actuator/health/liveness")).contains("\"status\":\"UP\"");
            }
            for (String phase : List.of("close", "nightly", "final")) {
                double counted = a.sum("goal_compliance_goals_evaluated_total", "phase=\"" + phase + "\"")
                        + b.sum("goal_compliance_goals_evaluated_total", "phase=\"" + phase + "\"");
                assertThat((long) counted).as(phase + " snapshots counted").isEqualTo(count(
                        "SELECT count(*) FROM goal_compliance_snapshots WHERE phase = '" + phase + "'")).isPositive();
            }
            double jobs = a.sum("goal_compliance_job_duration_seconds_count", "result=\"completed\"")
                    + b.sum("goal_compliance_job_duration_seconds_count", "result=\"completed\"");
            assertThat((long) jobs).isEqualTo(count("SELECT count(*) FROM BATCH_JOB_EXECUTION"));
            a.terminate();
            b.terminate();
            assertThat(a.output() + b.output()).doesNotContain(" ERROR ").contains("serving: scheduler");
            windows.addAll(a.catchUpWindows());
            windows.addAll(b.catchUpWindows());
        }

        // and one catch-up over the same window writes exactly the same rows
        ServeProcess.assertRowsOfOneCatchUp(served, reference, windows);
        assertThat(count("SELECT count(*) FROM BATCH_JOB_INSTANCE"))
                .isEqualTo(reference.jdbc().queryForObject("SELECT count(*) FROM BATCH_JOB_INSTANCE", Long.class))
                .isGreaterThan(20);
        // each instance ran once: one execution each, all COMPLETED
        assertThat(count("SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE STATUS <> 'COMPLETED'")).isZero();
        assertThat(count("SELECT count(*) FROM BATCH_JOB_EXECUTION"))
                .isEqualTo(count("SELECT count(*) FROM BATCH_JOB_INSTANCE"));
        assertThat(count("SELECT count(DISTINCT phase) FROM goal_compliance_snapshots")).isEqualTo(3);
    }

    private static long count(String sql) {
        return served.jdbc().queryForObject(sql, Long.class);
    }
}

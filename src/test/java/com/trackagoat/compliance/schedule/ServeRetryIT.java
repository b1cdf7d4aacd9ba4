package com.trackagoat.compliance.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.snapshot.catchup.RetryBackoff;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * {@code serve} with a failing instance: the other instances complete, the {@code snapshots} health component
 * lists the failing one while the liveness and readiness probes stay UP, the gauge counts it, the lag is a
 * number; the instance is retried with a growing delay, sooner than the next quarter-hourly tick, and a retry
 * after the cause is gone completes it.
 */
class ServeRetryIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Duration FIRST_DELAY = Duration.ofSeconds(4);
    private static final Duration MAX_DELAY = Duration.ofSeconds(16);
    private static final String FAILING = "goal_compliance_failing_instances{application=\"goal-compliance\"}";

    @Test
    void aFailingCloseIsReportedAndRetriedWithAGrowingDelayUntilItCompletes() throws Exception {
        Instant close = LocalDate.now(CHICAGO).atStartOfDay(CHICAGO).toInstant();
        try (TestDatabase db = TestDatabase.create(ServeRetryIT.class)) {
            // given recent goals and a close whose rows the database refuses
            assertThat(Cli.run(db, "migrate").exitCode()).isZero();
            RecentGoals.insert(db.jdbc(), RecentGoals.anchor(), 20, "America/Chicago");
            db.refuseCloseRows(close);

            try (ServeProcess serve = ServeProcess.start(db, "serve-retry",
                    RecentGoals.lookBackSetting(Duration.ofHours(30)),
                    "--goal-compliance.retry.first-delay=" + FIRST_DELAY,
                    "--goal-compliance.retry.max-delay=" + MAX_DELAY,
                    "--management.endpoint.health.show-details=always")) {
                // when serve has failed it three times
                ServeProcess.await("the close failed three times", ServeProcess.TO_CATCH_UP,
                        () -> failedStarts(db, close).size() >= 3);

                // then the health lists it, the probes stay UP, the gauge counts it and the lag is a number
                JsonNode snapshots = Dataset.JSON.readTree(serve.actuator("/actuator/health")).path("components")
                        .path("snapshots");
                assertThat(snapshots.path("status").asString()).as(snapshots.toString()).isEqualTo("DOWN");
                JsonNode failing = snapshots.path("details").path("instances").path(0);
                assertThat(failing.path("phase").asString()).isEqualTo("close");
                assertThat(Instant.parse(failing.path("as_of").asString())).isEqualTo(close);
                assertThat(failing.path("exit_message").asString()).contains("are refused");
                assertThat(status(serve, "/actuator/health/readiness")).isEqualTo("UP");
                assertThat(status(serve, "/actuator/health/liveness")).isEqualTo("UP");
                assertThat(serve.metric(FAILING)).isEqualTo(1.0);
                assertThat(serve.lag()).isPositive().isNotNaN();

                // and every retry waited at least its delay, and came well before a quarter-hourly tick
                RetryBackoff backoff = new RetryBackoff(FIRST_DELAY, MAX_DELAY, java.time.Clock.systemUTC());
                List<Map<String, Object>> runs = failedStarts(db, close);
                for (int n = 1; n < runs.size(); n++) {
                    Duration waited = Duration.between(instant(runs.get(n - 1), "end_time"),
                            instant(runs.get(n), "start_time"));
                    assertThat(waited).as("wait before retry %d", n)
                            .isGreaterThanOrEqualTo(backoff.delayAfter(n).minusMillis(500))
                            .isLessThan(Duration.ofMinutes(2));
                }

                // when the cause is gone
                db.acceptCloseRows();

                // then a retry completes it, and nothing is failing or late
                ServeProcess.await("the close completed", Duration.ofMinutes(3),
                        () -> serve.metric(FAILING) == 0.0 && serve.lag() == 0.0);
                assertThat(closeStatuses(db, close)).last().isEqualTo("COMPLETED");
                assertThat(status(serve, "/actuator/health")).isEqualTo("UP");
                serve.terminate();
            }
        }
    }

    private static String status(ServeProcess serve, String path) {
        String body = serve.actuator(path);
        return body.isEmpty() ? "" : Dataset.JSON.readTree(body).path("status").asString();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((java.sql.Timestamp) row.get(column)).toInstant();
    }

    /** The close's FAILED executions, oldest first. */
    private static List<Map<String, Object>> failedStarts(TestDatabase db, Instant close) {
        return db.jdbc().queryForList(EXECUTIONS + " AND e.STATUS = 'FAILED' ORDER BY e.JOB_EXECUTION_ID",
                close.toString());
    }

    private static List<String> closeStatuses(TestDatabase db, Instant close) {
        return db.jdbc().queryForList(EXECUTIONS + " ORDER BY e.JOB_EXECUTION_ID", close.toString()).stream()
                .map(row -> (String) row.get("status")).toList();
    }

    private static final String EXECUTIONS = """
            SELECT e.STATUS AS status, e.START_TIME AS start_time, e.END_TIME AS end_time FROM BATCH_JOB_EXECUTION e
            JOIN BATCH_JOB_EXECUTION_PARAMS ph ON ph.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND ph.PARAMETER_NAME = 'phase'
            JOIN BATCH_JOB_EXECUTION_PARAMS a ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND a.PARAMETER_NAME = 'asOf'
            WHERE ph.PARAMETER_VALUE = 'close' AND CAST(a.PARAMETER_VALUE AS timestamptz) = ?::timestamptz
            """;
}
